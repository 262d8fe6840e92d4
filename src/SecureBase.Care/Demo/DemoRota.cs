using SecureBase.Care.Journal;

namespace SecureBase.Care.Demo;

/// <summary>
/// The demo household's "who is woken first": Grandma Ruth on duty on her Tuesday and Thursday afternoons, Tom on
/// weekday evenings after work, and Ruth's quiet hours at night. The parents' turns at night alternate by date,
/// which a weekly rota cannot say, so the nights are left to quiet hours and escalation.
/// </summary>
internal static class DemoRota
{
    public static JournalRota For(DemoCareTeam team, int seed)
    {
        // Its own random stream, so adding the rota changed none of the demo's journal.
        var random = new DemoRandom(seed ^ 0x0A7A);
        return new JournalRota
        {
            Shifts =
            [
                new(random.NextGuid(), team.Ruth.Id, [DayOfWeek.Tuesday, DayOfWeek.Thursday], new TimeOnly(13, 0), new TimeOnly(17, 30)),
                new(random.NextGuid(), team.Tom.Id, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(17, 30), new TimeOnly(22, 0)),
            ],
            QuietHours = [new(random.NextGuid(), team.Ruth.Id, new TimeOnly(21, 0), new TimeOnly(8, 0))],
        };
    }
}
