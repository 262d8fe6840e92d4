using BenchmarkDotNet.Attributes;
using SecureBase.Care.Journal;
using SecureBase.Insights;

namespace SecureBase.Benchmarks.Insights;

/// <summary>
/// Insights on a two-year journal (~40,000 entries; target under 50 ms for the whole span).
/// Run: dotnet run -c Release --project bench/SecureBase.Benchmarks -- --filter '*InsightsBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class InsightsBenchmarks
{
    private InsightsCalculator _calculator = null!;
    private InsightsInput _input = null!;
    private InsightsPeriod _twoYears = null!;
    private InsightsPeriod _lastWeek = null!;

    [GlobalSetup]
    public void Setup()
    {
        JournalDocument document = TwoYearJournal.Create();
        _input = InsightsInput.FromDocument(document, "Sarah");
        _calculator = new InsightsCalculator();
        var last = TwoYearJournal.FirstDay.AddDays(TwoYearJournal.Days - 1);
        _twoYears = InsightsPeriod.Custom(TwoYearJournal.FirstDay, last, _input.TimeZone);
        _lastWeek = InsightsPeriod.Week(last.AddDays(-6), _input.TimeZone);
        Console.WriteLine($"// two-year journal: {document.Entries.Count} entries");
    }

    [Benchmark(Description = "Insights, whole two years")]
    public InsightsResult TwoYears() => _calculator.Compute(_input, _twoYears);

    [Benchmark(Description = "Insights, last week of two years")]
    public InsightsResult LastWeek() => _calculator.Compute(_input, _lastWeek);
}
