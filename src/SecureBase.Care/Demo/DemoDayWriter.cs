using SecureBase.Care.Journal;

namespace SecureBase.Care.Demo;

/// <summary>
/// Writes one child's care day, from the morning wake to the next: wake–feed–play–nap cycles (so day feeds come
/// every 2.5–3 h at four months), a bedtime feed, night sleep broken by night feeds, diapers, connection moments,
/// and cries of hunger, tiredness, wind, a wet diaper and the evening fuss, each answered in the caregiver's style.
/// Sleeps are laid end to end, so they never overlap.
/// </summary>
internal sealed class DemoDayWriter(DemoContext context, JournalChild child, DemoRandom random, bool writesCheckIns)
{
    private static readonly (ConnectionKind Kind, double Weight)[] s_connections =
        [(ConnectionKind.SmileExchange, 0.3), (ConnectionKind.VocalImitation, 0.25), (ConnectionKind.GazeImitation, 0.15), (ConnectionKind.Play, 0.2), (ConnectionKind.Reading, 0.1)];

    private static readonly CareAction[] s_comforts = [CareAction.HoldSoothe, CareAction.Comfort, CareAction.Play];

    /// <summary>Usual meal times, hours after midnight.</summary>
    private static readonly double[] s_mealHours = [7.75, 12, 17.5];
    private static readonly double[] s_mealAndSnackHours = [7.75, 10, 12, 15.5, 17.5];

    private readonly DemoCryBuilder _cries = new(random);
    private DemoCareTeam Team => context.Team;
    private int _connectionsToday;
    private bool _busyAnswerToday;

    /// <summary>Writes the day that begins at <paramref name="wake"/> on <paramref name="date"/>; returns the next morning's wake.</summary>
    public DateTimeOffset WriteCareDay(DateOnly date, DateTimeOffset wake)
    {
        var band = DemoAgeBand.For(date.DayNumber - child.BirthDate.DayNumber);
        var bedtime = context.Clock.At(date, TimeSpan.FromHours(19.5)) + random.Minutes(-20, 20);
        var colic = context.IsColicEvening(child, date);
        _connectionsToday = 0;
        _busyAnswerToday = false;

        var cursor = wake;
        for (var naps = 0; ; naps++)
        {
            var napStart = cursor + random.Minutes(band.AwakeMinutes.Min, band.AwakeMinutes.Max);
            var napLength = random.Minutes(band.NapMinutes.Min, band.NapMinutes.Max);
            var last = naps >= band.MaxNaps || napStart + napLength + TimeSpan.FromMinutes(band.AwakeMinutes.Min) > bedtime - TimeSpan.FromMinutes(30);
            if (last)
            {
                EveningWindow(cursor, bedtime, band, colic);
                break;
            }
            var feedEnd = AwakeWindow(cursor, napStart, band);
            Nap(napStart, napLength, feedEnd);
            cursor = napStart + napLength;
        }
        if (writesCheckIns) CheckIns(bedtime, colic);
        return Night(date, bedtime, band);
    }

    /// <summary>Feed on waking, then play; returns the end of the feed.</summary>
    private DateTimeOffset AwakeWindow(DateTimeOffset start, DateTimeOffset end, DemoAgeBand band)
    {
        var feedEnd = FeedAfterWaking(start, night: false, band);
        var busyUntil = feedEnd;
        if (random.Chance(0.85)) busyUntil = Diaper(feedEnd + random.Minutes(0, 8), band);
        if (random.Chance(0.1)) busyUntil = Max(busyUntil, Cry(CareAction.Burp, feedEnd + random.Minutes(3, 10), busyUntil, end));
        _ = Activities(busyUntil, end, band);
        return feedEnd;
    }

    /// <summary>
    /// Fills the rest of an awake window: a diaper every couple of hours (sometimes announced by a cry), moments of
    /// connection, and the odd cry for comfort. Longer windows (toddlers) get more of them.
    /// </summary>
    private DateTimeOffset Activities(DateTimeOffset from, DateTimeOffset end, DemoAgeBand band)
    {
        var lastDiaper = from;
        var next = from;
        var meals = new Queue<DateTimeOffset>(band.Solids ? MealTimes(from, end, band.Snacks) : []);
        while (true)
        {
            var at = next + random.Minutes(10, 35);
            if (meals.TryPeek(out var mealTime) && mealTime <= at)
            {
                meals.Dequeue();
                next = Meal(Max(mealTime, next + TimeSpan.FromMinutes(5)), end);
                continue;
            }
            if (at + TimeSpan.FromMinutes(25) > end) return Max(from, next);
            var roll = random.NextDouble();
            if (at - lastDiaper > TimeSpan.FromMinutes(100) && roll < 0.6)
            {
                lastDiaper = at;
                next = random.Chance(0.25) ? DiaperCry(at, next, end, band) : Diaper(at, band);
            }
            else if (roll < 0.8)
            {
                next = Connection(at - TimeSpan.FromMinutes(5), end);
            }
            else
            {
                next = Cry(random.Pick(s_comforts), at, next, end - TimeSpan.FromMinutes(5));
            }
            if (next < at) next = at;
        }
    }

    private DateTimeOffset DiaperCry(DateTimeOffset diaperAt, DateTimeOffset notBefore, DateTimeOffset end, DemoAgeBand band)
    {
        var plan = Plan(CareAction.Diaper, diaperAt);
        var cry = _cries.ResolvingAt(plan, diaperAt);
        if (!Fits(cry, notBefore, end)) return Diaper(diaperAt, band);
        AddCry(cry, plan);
        Diaper(cry.ResolvedAt, band, plan.Caregiver);
        return Max(cry.ResolvedAt + TimeSpan.FromMinutes(3), cry.Entry.SettledAt!.Value);
    }

    private void EveningWindow(DateTimeOffset start, DateTimeOffset bedtime, DemoAgeBand band, bool colic)
    {
        var feedEnd = FeedAfterWaking(start, night: false, band);
        var busyUntil = random.Chance(0.85) ? Diaper(feedEnd + random.Minutes(0, 8), band) : feedEnd;
        var bedtimeFeed = bedtime - random.Minutes(25, 35);
        busyUntil = Activities(busyUntil, bedtimeFeed - TimeSpan.FromMinutes(70), band);
        if (_connectionsToday == 0 || random.Chance(0.5)) busyUntil = Max(busyUntil, Connection(busyUntil, bedtimeFeed - TimeSpan.FromMinutes(60)));
        if (colic || random.Chance(0.55))
        {
            // The evening fuss; on a colicky evening Emma answers it, at once but under strain, and it takes long to settle.
            var onset = busyUntil + random.Minutes(5, 20);
            var caregiver = colic ? Team.Emma.Id : Team.OnDuty(onset);
            var busy = colic ? null : Team.BusyWith(caregiver, onset);
            var plan = new CryPlan(random.Chance(0.7) ? CareAction.HoldSoothe : CareAction.Comfort, caregiver,
                Team.StyleFor(caregiver, busy, night: false, colic), busy, Monitored: random.Chance(0.6));
            var cry = _cries.StartingAt(plan, onset);
            if (Fits(cry, busyUntil, bedtimeFeed))
            {
                AddCry(cry, plan);
                if (cry.RefusedFeedAt is { } refusedAt)
                {
                    context.Add(new FeedEntry
                    {
                        ChildId = child.Id, Kind = FeedKind.BreastBoth, Refused = true,
                        StartedAt = refusedAt, EndedAt = refusedAt + random.Minutes(2, 4),
                    }, caregiver);
                }
            }
        }
        if (bedtimeFeed - start >= TimeSpan.FromMinutes(100)) Feed(bedtimeFeed, Team.OnDuty(bedtimeFeed), tooCold: false, band);
    }

    private DateTimeOffset Night(DateOnly date, DateTimeOffset bedtime, DemoAgeBand band)
    {
        var nextWake = context.Clock.At(date.AddDays(1), TimeSpan.FromHours(6.5)) + random.Minutes(-25, 25);
        var feeds = band.NightFeeds > 0 && random.Chance(0.25) ? band.NightFeeds - 1 : band.NightFeeds;
        var sleepStart = bedtime;
        var span = nextWake - bedtime;
        for (var k = 1; k <= feeds; k++)
        {
            var wokeAt = bedtime + span * k / (feeds + 1) + random.Minutes(-25, 25);
            if (wokeAt - sleepStart < TimeSpan.FromMinutes(45)) continue;
            Sleep(sleepStart, wokeAt, SleepLocation.Crib);
            var awakeUntil = FeedAfterWaking(wokeAt, night: true, band);
            if (random.Chance(0.5)) awakeUntil = Diaper(awakeUntil + random.Minutes(1, 4), band);
            sleepStart = awakeUntil + random.Minutes(5, 12);
        }
        Sleep(sleepStart, nextWake, SleepLocation.Crib);
        return nextWake;
    }

    private void Nap(DateTimeOffset start, TimeSpan length, DateTimeOffset awakeSince)
    {
        if (random.Chance(0.25))
        {
            var plan = Plan(CareAction.HelpToSleep, start);
            var cry = _cries.SettlingAt(plan, start);
            if (cry.Entry.StartedAt > awakeSince) AddCry(cry, plan);
        }
        var local = context.Clock.Local(start);
        var weekendAfternoon = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && local.Hour >= 12;
        var location = weekendAfternoon && random.Chance(0.4) ? SleepLocation.Stroller
            : random.Chance(0.08) ? SleepLocation.Arms
            : random.Chance(0.04) ? SleepLocation.Car
            : SleepLocation.Crib;
        Sleep(start, start + length, location);
    }

    /// <summary>The baby wakes; sometimes she cries for the feed first. Returns the end of the feed.</summary>
    private DateTimeOffset FeedAfterWaking(DateTimeOffset wokeAt, bool night, DemoAgeBand band)
    {
        if (random.Chance(night ? 0.8 : 0.3))
        {
            var plan = Plan(CareAction.Feed, wokeAt);
            var cry = _cries.StartingAt(plan, wokeAt + random.Seconds(0, 90));
            AddCry(cry, plan);
            var tooCold = plan.Style == ResponseStyle.Busy && random.Chance(0.5);
            return Feed(cry.ResolvedAt, plan.Caregiver, tooCold, band);
        }
        var start = wokeAt + random.Minutes(3, 10);
        return Feed(start, Team.OnDuty(start), tooCold: false, band);
    }

    private DateTimeOffset Feed(DateTimeOffset start, Guid doer, bool tooCold, DemoAgeBand band)
    {
        var breast = doer == Team.Emma.Id && random.Chance(0.8);
        var feed = new FeedEntry { ChildId = child.Id, StartedAt = start };
        if (breast)
        {
            feed.Kind = random.Pick([FeedKind.BreastLeft, FeedKind.BreastRight, FeedKind.BreastBoth]);
            feed.EndedAt = start + random.Minutes(12, 25);
        }
        else
        {
            feed.Kind = doer == Team.Emma.Id ? FeedKind.BottleBreastMilk : FeedKind.Formula;
            feed.Amount = Math.Round(random.Between(band.BottleMillilitres.Min, band.BottleMillilitres.Max) / 10) * 10;
            feed.Temperature = tooCold ? FormulaTemperature.TooCold : random.Chance(0.03) ? FormulaTemperature.TooWarm : FormulaTemperature.Ok;
            feed.EndedAt = start + random.Minutes(8, 18);
            if (tooCold) feed.Note = "Bottle was still cold from the fridge.";
        }
        context.Add(feed, doer);
        return feed.EndedAt.Value;
    }

    /// <summary>The usual meal times (from six months; snacks too from a year) that fall in this window.</summary>
    private IEnumerable<DateTimeOffset> MealTimes(DateTimeOffset from, DateTimeOffset end, bool snacks) =>
        (snacks ? s_mealAndSnackHours : s_mealHours)
            .Select(hour => context.Clock.At(context.Clock.Date(from), TimeSpan.FromHours(hour)))
            .Where(time => time >= from && time < end);

    /// <summary>A meal of solids, when it fits before the window ends; returns when it is over.</summary>
    private DateTimeOffset Meal(DateTimeOffset start, DateTimeOffset end)
    {
        var length = random.Minutes(10, 20);
        if (start + length > end - TimeSpan.FromMinutes(10)) return start;
        var meal = new FeedEntry
        {
            ChildId = child.Id, Kind = FeedKind.Solids, StartedAt = start, EndedAt = start + length,
            Amount = Math.Round(random.Between(40.0, 160.0) / 10) * 10,
        };
        context.Add(meal, Team.OnDuty(start));
        return start + length;
    }

    private DateTimeOffset Diaper(DateTimeOffset at, DemoAgeBand band, Guid? doer = null)
    {
        var solid = random.Chance(band.SolidDiaperChance);
        context.Add(new DiaperEntry { ChildId = child.Id, StartedAt = at, Wet = !solid || random.Chance(0.7), Solid = solid }, doer ?? Team.OnDuty(at));
        return at + TimeSpan.FromMinutes(3);
    }

    /// <summary>A moment of connection (smiles, copying her sounds, reading…) when the window has room; returns its end.</summary>
    private DateTimeOffset Connection(DateTimeOffset from, DateTimeOffset end)
    {
        var start = from + random.Minutes(5, 15);
        var length = random.Minutes(5, 20);
        if (start + length > end - TimeSpan.FromMinutes(10)) return from;
        var doer = Team.OnDuty(start);
        var kind = random.Weighted(s_connections);
        var moment = new ConnectionEntry { ChildId = child.Id, Kind = kind, StartedAt = start, EndedAt = start + length };
        if (kind == ConnectionKind.VocalImitation && random.Chance(0.3)) moment.Note = $"{child.Name} copied my \"ooh\" and we went back and forth.";
        context.Add(moment, doer);
        _connectionsToday++;
        return start + length;
    }

    private DateTimeOffset Cry(CareAction need, DateTimeOffset onset, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var plan = Plan(need, onset);
        var cry = _cries.StartingAt(plan, onset);
        if (!Fits(cry, notBefore - TimeSpan.FromMinutes(10), notAfter)) return notBefore;
        AddCry(cry, plan);
        return cry.Entry.SettledAt!.Value;
    }

    private CryPlan Plan(CareAction need, DateTimeOffset around)
    {
        var caregiver = Team.OnDuty(around);
        var night = DemoCareTeam.IsNight(context.Clock.Local(around).TimeOfDay);
        var busy = Team.BusyWith(caregiver, around);
        return new CryPlan(need, caregiver, Team.StyleFor(caregiver, busy, night, colicEvening: false), busy, Monitored: night || random.Chance(0.65));
    }

    private static bool Fits(BuiltCry cry, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        cry.Entry.StartedAt >= notBefore && cry.Entry.SettledAt <= notAfter;

    private void AddCry(BuiltCry cry, CryPlan plan)
    {
        cry.Entry.ChildId = child.Id;
        context.Add(cry.Entry, plan.Caregiver);
        if (plan.Style == ResponseStyle.Busy) _busyAnswerToday = true;
    }

    private void Sleep(DateTimeOffset start, DateTimeOffset end, SleepLocation location) =>
        context.Add(new SleepEntry { ChildId = child.Id, StartedAt = start, EndedAt = end, Location = location }, Team.OnDuty(start));

    /// <summary>How the caregivers say they are doing: after a colicky evening or a hectic one, and now and then.</summary>
    private void CheckIns(DateTimeOffset bedtime, bool colic)
    {
        if (colic && random.Chance(0.7))
        {
            var checkIn = new CheckInEntry { StartedAt = bedtime + random.Minutes(30, 60), State = random.Chance(0.5) ? CaregiverState.Overwhelmed : CaregiverState.Anxious };
            if (random.Chance(0.5)) checkIn.Note = "Another long evening. I could use a break tomorrow.";
            context.Add(checkIn, Team.Emma.Id);
        }
        if (_busyAnswerToday && random.Chance(0.3))
            context.Add(new CheckInEntry { StartedAt = bedtime + random.Minutes(60, 90), State = random.Chance(0.6) ? CaregiverState.Stressed : CaregiverState.Tired }, Team.Tom.Id);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
