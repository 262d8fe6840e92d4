namespace SecureBase.Guidance.SleepTraining;

/// <summary>
/// The needs that must be met before a child is left to learn to fall asleep: crying for a desire is
/// only ever let be once every need is answered.
/// </summary>
public sealed record BedtimeChecklist(bool Fed, bool EnoughTimeTogetherToday, bool EmotionalNeedsMet, bool Tired, bool Bathed)
{
    public bool AllMet => Fed && EnoughTimeTogetherToday && EmotionalNeedsMet && Tired && Bathed;

    /// <summary>The unmet items, in words, so the coach can say what to do first.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (!Fed) missing.Add("a feed");
        if (!EnoughTimeTogetherToday) missing.Add("some unhurried time together");
        if (!EmotionalNeedsMet) missing.Add("comfort and closeness");
        if (!Tired) missing.Add("being tired enough");
        if (!Bathed) missing.Add("the bath and bedtime routine");
        return missing;
    }
}
