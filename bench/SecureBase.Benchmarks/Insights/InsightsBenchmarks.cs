using BenchmarkDotNet.Attributes;
using SecureBase.Care.Demo;
using SecureBase.Care.Journal;
using SecureBase.Insights;
using SecureBase.Insights.Charts;

namespace SecureBase.Benchmarks.Insights;

/// <summary>
/// Insights on the two-year demo journal (<see cref="DemoJournal.CreateLong"/>: twins, ~40,000 entries; target under
/// 50 ms for the whole two years). Also the last week, as the Insights page computes it, and the chart series.
/// Run: dotnet run -c Release --project bench/SecureBase.Benchmarks -- --filter '*InsightsBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class InsightsBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private InsightsCalculator _calculator = null!;
    private InsightsInput _input = null!;
    private InsightsPeriod _twoYears = null!;
    private InsightsPeriod _lastWeek = null!;

    [GlobalSetup]
    public void Setup()
    {
        JournalDocument document = DemoJournal.CreateLong(Now, TimeSpan.FromDays(730), seed: 1);
        _input = InsightsInput.FromDocument(document, "Sarah");
        _calculator = new InsightsCalculator();
        var first = DateOnly.FromDateTime(document.Entries[0].StartedAt.UtcDateTime);
        var last = DateOnly.FromDateTime(Now.UtcDateTime);
        _twoYears = InsightsPeriod.Custom(first, last, _input.TimeZone);
        _lastWeek = InsightsPeriod.Week(last.AddDays(-6), _input.TimeZone);
        Console.WriteLine($"// two-year journal: {document.Entries.Count} entries, {first} to {last}");
    }

    [Benchmark(Description = "Insights, whole two years")]
    public InsightsResult TwoYears() => _calculator.Compute(_input, _twoYears);

    [Benchmark(Description = "Insights, last week of two years")]
    public InsightsResult LastWeek() => _calculator.Compute(_input, _lastWeek);

    [Benchmark(Description = "Chart series, last week of two years")]
    public InsightsSeries LastWeekSeries() => InsightsSeries.Compute(_input, _lastWeek);
}
