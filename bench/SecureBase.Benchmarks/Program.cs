using BenchmarkDotNet.Running;
using SecureBase.Benchmarks.Journal;

// Every benchmark class in this assembly; pick with --filter, e.g. --filter '*Detector*'.
// "cold-read" instead measures the journal reader's first calls in this fresh process ("cold-read --warm-up": after
// the warm-up a server runs when it starts).
if (args is ["cold-read", ..]) ColdRead.Run(warmUp: args.Contains("--warm-up"));
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
