namespace SecureBase.Care.Journal;

/// <summary>The kinds of journal entry; the string form is the journal format's <c>type</c>.</summary>
public enum EntryType { Feed, Diaper, Sleep, Cry, Connection, Milestone, Note, CheckIn }

public enum FeedKind { BreastLeft, BreastRight, BreastBoth, BottleBreastMilk, Formula, Solids }

public enum FormulaTemperature { Ok, TooCold, TooWarm }

public enum SleepLocation { Crib, ParentsBed, Arms, Stroller, Car, Other }

/// <summary>Stages of a cry episode, in rising order of distress.</summary>
public enum CryStage
{
    /// <summary>Whiny, discontinuous vocalising.</summary>
    Fussing,
    /// <summary>Sustained crying.</summary>
    Crying,
    /// <summary>Continuous, loud, rising crying.</summary>
    Intense,
}

public enum CrySource { Monitor, Manual }

/// <summary>What a caregiver did in answer to a cry.</summary>
public enum CareAction { Feed, Diaper, Burp, HoldSoothe, Play, HelpToSleep, Comfort, Medical, Other }

/// <summary>How the caregiver felt while answering, or in a check-in.</summary>
public enum CaregiverState { Calm, Tired, Stressed, Anxious, Angry, Overwhelmed, Frightened }

public enum ConnectionKind { SmileExchange, VocalImitation, GazeImitation, Play, Reading, Other }

public enum MilestoneKind { SocialSmile, Laughter, RollsOver, SitsUp, Crawls, FirstWord, Walks, Other }
