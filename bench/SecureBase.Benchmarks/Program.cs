using BenchmarkDotNet.Running;
using SecureBase.Benchmarks.Journal;

// Every benchmark class in this assembly; pick with --filter, e.g. --filter '*Detector*'.
// "cold-read" instead measures the journal reader's first calls in this fresh process.
if (args is ["cold-read"]) ColdRead.Run();
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
