using System.Diagnostics;
using SecureBase.Care.Demo;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Benchmarks.Journal;

/// <summary>
/// The reader's first call in a fresh process, as a server's first import after a start meets it, then the same
/// call again: BenchmarkDotNet's steady-state figure (<see cref="JournalFormatBenchmarks.Read"/>) hides the one-off
/// cost of JIT compilation and serializer metadata, which dominates a single import.
/// Run: dotnet run -c Release --project bench/SecureBase.Benchmarks -- cold-read [--warm-up]
/// With --warm-up the process first runs <see cref="JournalFormatWarmUp"/>, as the server does after it starts, so
/// the two runs show what the warm-up takes off a server's first import.
/// </summary>
internal static class ColdRead
{
    public static void Run(bool warmUp)
    {
        if (warmUp)
        {
            var warmCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var warmJit = System.Runtime.JitInfo.GetCompiledMethodCount();
            var warmWatch = Stopwatch.StartNew();
            var small = JournalFormatWarmUp.RunAsync().GetAwaiter().GetResult();
            Console.WriteLine($"warm-up ({small.Entries.Count:N0} entries): {warmWatch.Elapsed.TotalMilliseconds:0} ms wall, " +
                $"{(Process.GetCurrentProcess().TotalProcessorTime - warmCpu).TotalMilliseconds:0} ms CPU, {System.Runtime.JitInfo.GetCompiledMethodCount() - warmJit} methods JIT-compiled");
        }
        // The load test's journal: two years, twins, about 40,000 entries.
        var now = DateTimeOffset.UtcNow;
        var document = DemoJournal.CreateLong(now.AddDays(-1), TimeSpan.FromDays(730), seed: 3);
        using var stream = new MemoryStream();
        JournalDocumentWriter.Write(document, stream);
        var json = stream.ToArray();
        Console.WriteLine($"journal: {document.Entries.Count:N0} entries, {json.Length / 1e6:0.0} MB");
        for (var i = 1; i <= 3; i++)
        {
            var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = JournalDocumentReader.Read(new MemoryStream(json, writable: false));
            watch.Stop();
            if (!result.IsValid) throw new InvalidOperationException("The journal does not validate: " + result.Errors[0]);
            Console.WriteLine($"read {i}: {watch.Elapsed.TotalMilliseconds:0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU (all threads), " +
                $"{System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods} methods JIT-compiled");
        }
    }
}
