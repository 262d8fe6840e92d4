using SecureBase.Care.Journal;

namespace SecureBase.Insights;

/// <summary>
/// Collects one group's cries (the household, a caregiver, a time of day, busy or free) in a single pass and turns them
/// into promptness, accuracy and alignment figures. Dispose returns its pooled buffers.
/// </summary>
internal sealed class CareFiguresCalculator(string name, Guid? caregiverId) : IDisposable
{
    public static readonly PromptnessFigures NoPromptness = new(null, null, null, null);
    public static readonly AccuracyFigures NoAccuracy = new(null, null);
    public static readonly AlignmentFigures NoAlignment = new(null, null, null, null, null, null, null);

    private readonly PooledDoubles _latencies = new();
    private readonly PooledDoubles _settles = new();
    private int _cries, _fussingKnown, _whileFussing, _withActions, _firstResolved, _withState, _calm, _uneasy;
    private int _talked, _eyeContact, _warm, _attuned, _unattuned;
    private double _longestWait;

    public string Name => name;
    public int Answered => _latencies.Count;

    public void Add(in CryFacts cry)
    {
        _cries++;
        _longestWait = Math.Max(_longestWait, cry.WaitSeconds);
        if (cry.AnsweredWhileFussing is { } whileFussing)
        {
            _fussingKnown++;
            if (whileFussing) _whileFussing++;
        }
        if (cry.Answer is not { } answer) return;

        _latencies.Add(cry.LatencySeconds!.Value);
        if (cry.SettleSecondsAfterArrival is { } settle) _settles.Add(settle);
        if (cry.FirstActionResolved is { } first)
        {
            _withActions++;
            if (first) _firstResolved++;
        }
        if (answer.State is { } state)
        {
            _withState++;
            if (state == CaregiverState.Calm) _calm++;
            if (cry.Uneasy) _uneasy++;
        }
        if (answer.Talked) _talked++;
        if (answer.EyeContact) _eyeContact++;
        if (answer.Warm) _warm++;
        if (answer is { Talked: true, EyeContact: true, Warm: true }) _attuned++;
        if (answer is { Talked: false, EyeContact: false, Warm: false }) _unattuned++;
    }

    public CareFigures Figures(InsightsOptions options)
    {
        var answered = Answered;
        if (answered < options.MinResponses)
        {
            var reason = _cries == 0
                ? "No cries were logged in this period."
                : $"{Words.Count(answered, "cry was", "cries were")} answered in this period; at least {options.MinResponses} {(options.MinResponses == 1 ? "is" : "are")} needed.";
            // The longest wait is still a true figure when cries went unanswered.
            var promptness = _cries == 0 ? NoPromptness : NoPromptness with { LongestUnansweredSeconds = _longestWait };
            return new CareFigures(name, caregiverId, _cries, answered, promptness, NoAccuracy, NoAlignment, reason);
        }

        var latencies = _latencies.Sorted();
        return new CareFigures(
            name,
            caregiverId,
            _cries,
            answered,
            new PromptnessFigures(
                Stats.PercentileOfSorted(latencies, 0.5),
                Stats.PercentileOfSorted(latencies, 0.9),
                Stats.Share(_whileFussing, _fussingKnown),
                _longestWait),
            new AccuracyFigures(Stats.Share(_firstResolved, _withActions), Stats.PercentileOfSorted(_settles.Sorted(), 0.5)),
            new AlignmentFigures(
                Stats.Share(_talked, answered),
                Stats.Share(_eyeContact, answered),
                Stats.Share(_warm, answered),
                Stats.Share(_calm, _withState),
                Stats.Share(_attuned, answered),
                Stats.Share(_uneasy, _withState),
                Stats.Share(_unattuned, answered)),
            null);
    }

    public void Dispose()
    {
        _latencies.Dispose();
        _settles.Dispose();
    }
}
