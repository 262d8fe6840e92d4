using System.Text;
using System.Text.Json.Nodes;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Care.Tests.Journal.Format;

/// <summary>The "rota" and "alerts" sections: written canonically, read back whole, checked like every other section.</summary>
public class AlertingSectionTests
{
    private static readonly Guid Viewer = SampleJournal.Id(950);

    private static JournalDocument WithAlerting()
    {
        var document = SampleJournal.Create();
        document.Caregivers.Add(new JournalCaregiver(Viewer, "Aunt Jo", CaregiverRole.Viewer, false));
        var onset = SampleJournal.Now.AddHours(-3);
        document.Rota = new JournalRota
        {
            Shifts =
            [
                new(SampleJournal.Id(902), SampleJournal.Father, [DayOfWeek.Friday, DayOfWeek.Monday], new TimeOnly(21, 0), new TimeOnly(7, 0)),
                new(SampleJournal.Id(901), SampleJournal.Mother, [], new TimeOnly(7, 0), new TimeOnly(21, 0)),
            ],
            QuietHours = [new(SampleJournal.Id(903), SampleJournal.Mother, new TimeOnly(22, 30), new TimeOnly(6, 15, 30))],
        };
        document.Alerts =
        [
            new(SampleJournal.Id(4), SampleJournal.Baby, onset, CryStage.Fussing, CryStage.Crying, JournalAlertStatus.Resolved, IsUrgent: true, CryEnded: true,
                Version: 7, [SampleJournal.Mother, SampleJournal.Father], SampleJournal.Father, onset.AddSeconds(30), SampleJournal.Father, onset.AddSeconds(150),
                onset.AddSeconds(100), onset.AddMinutes(12),
                [
                    new(JournalAlertEventKind.Raised, onset, Stage: CryStage.Fussing, Detail: "sent to 1"),
                    new(JournalAlertEventKind.StageChanged, onset.AddSeconds(100), Stage: CryStage.Crying),
                    new(JournalAlertEventKind.Escalated, onset.AddSeconds(100), Detail: "the cry rose to crying"),
                    new(JournalAlertEventKind.Acknowledged, onset.AddSeconds(130), SampleJournal.Father),
                    new(JournalAlertEventKind.Arrived, onset.AddSeconds(150), SampleJournal.Father),
                    new(JournalAlertEventKind.CryEnded, onset.AddMinutes(12)),
                    new(JournalAlertEventKind.Resolved, onset.AddMinutes(14), SampleJournal.Father),
                ]),
            // An alert whose episode was since deleted from the journal, still open: its history is kept all the same.
            new(SampleJournal.Id(960), SampleJournal.Baby, onset.AddHours(-20), CryStage.Crying, CryStage.Crying, JournalAlertStatus.Open, false, false,
                1, [SampleJournal.Mother], null, null, null, null, onset.AddHours(-20), null,
                [new(JournalAlertEventKind.Raised, onset.AddHours(-20), Stage: CryStage.Crying, Detail: "sent to 1")]),
        ];
        return document;
    }

    [Fact]
    public void The_rota_and_alerts_round_trip_byte_for_byte_and_keep_every_field()
    {
        var first = SampleJournal.Write(WithAlerting());
        var read = SampleJournal.Read(first);
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(SampleJournal.Write(read.Document!)));

        var rota = read.Document!.Rota!;
        // Canonical: lines by id, days Sunday first.
        Assert.Equal([SampleJournal.Id(901), SampleJournal.Id(902)], rota.Shifts.Select(s => s.Id));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], rota.Shifts[1].Days);
        Assert.Equal(new TimeOnly(6, 15, 30), rota.QuietHours[0].To);
        // Alerts by onset: the older, open one first; the timeline keeps its order.
        var alerts = read.Document.Alerts!;
        Assert.Equal([SampleJournal.Id(960), SampleJournal.Id(4)], alerts.Select(a => a.Id));
        var answered = alerts[1];
        Assert.Equal((JournalAlertStatus.Resolved, true, 7), (answered.Status, answered.IsUrgent, answered.Version));
        Assert.Equal([SampleJournal.Mother, SampleJournal.Father], answered.Recipients);
        Assert.Equal(SampleJournal.Now.AddHours(-3).AddSeconds(150), answered.ArrivedAt);
        Assert.Equal(JournalAlertEventKind.Resolved, answered.Timeline[^1].Kind);
        Assert.Equal("the cry rose to crying", answered.Timeline[2].Detail);

        var json = JsonNode.Parse(first)!;
        Assert.Equal("[\"monday\",\"friday\"]", json["rota"]!["shifts"]![1]!["days"]!.ToJsonString());
        Assert.Equal("21:00:00", json["rota"]!["shifts"]![1]!["from"]!.GetValue<string>());
        Assert.Equal("stageChanged", json["alerts"]![1]!["timeline"]![1]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void A_document_without_a_rota_or_alerts_is_written_without_the_sections_and_an_older_one_still_reads()
    {
        var document = SampleJournal.Create();
        document.Rota = new JournalRota();
        document.Alerts = [];
        var json = SampleJournal.Json(document);
        Assert.DoesNotContain("\"rota\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"alerts\"", json, StringComparison.Ordinal);

        var read = SampleJournal.Read(json);
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Null(read.Document!.Rota);
        Assert.Null(read.Document.Alerts);
    }

    [Fact]
    public void A_rota_line_accepts_hours_and_minutes_alone()
    {
        var json = JsonNode.Parse(SampleJournal.Json(WithAlerting()))!;
        json["rota"]!["shifts"]![0]!["from"] = "7:00";

        var read = SampleJournal.Read(json.ToJsonString());

        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(new TimeOnly(7, 0), read.Document!.Rota!.Shifts[0].From);
    }

    [Fact]
    public void Bad_values_unknown_caregivers_and_broken_alert_states_are_named_by_their_path()
    {
        var document = WithAlerting();
        var rota = document.Rota!;
        Replace(rota.Shifts, SampleJournal.Id(902), s => s with { CaregiverId = Guid.NewGuid() });
        Replace(rota.Shifts, SampleJournal.Id(901), s => s with { To = s.From });
        rota.QuietHours.Add(new(SampleJournal.Id(904), Viewer, new TimeOnly(1, 0), new TimeOnly(2, 0)));
        rota.QuietHours.Add(new(SampleJournal.Id(903), SampleJournal.Father, new TimeOnly(1, 0), new TimeOnly(2, 0)));
        var alerts = document.Alerts!;
        alerts[0] = alerts[0] with
        {
            ChildId = Guid.NewGuid(), Recipients = [SampleJournal.Mother, Guid.NewGuid()], ArrivedAt = null,
            Timeline = [alerts[0].Timeline[1], .. alerts[0].Timeline], // no longer starts with "raised"
        };
        // The older alert takes the other's id, says someone acknowledged it while it is open, in the future, at version 0.
        alerts[1] = alerts[1] with { Id = SampleJournal.Id(4), AcknowledgedBy = SampleJournal.Mother, AcknowledgedAt = SampleJournal.Now.AddDays(1), Version = 0 };
        var json = JsonNode.Parse(SampleJournal.Json(document))!;
        json["rota"]!["shifts"]![0]!["days"] = new JsonArray("monday", "monday");

        var read = SampleJournal.Read(json.ToJsonString());

        Assert.False(read.IsValid);
        Assert.Null(read.Document);
        var fields = read.Errors.Select(e => e.Field).ToHashSet();
        // In the file, lines are ordered by id (shift 901 then 902; quiet hours 903, its duplicate, 904) and alerts by onset.
        string[] expected =
        [
            "rota.shifts[1].caregiverId", "rota.shifts[0].to", "rota.shifts[0].days", "rota.quietHours[1].id", "rota.quietHours[2].caregiverId",
            "alerts[1].childId", "alerts[1].recipients[1]", "alerts[1].arrivedAt", "alerts[1].timeline", "alerts[1].id",
            "alerts[0].status", "alerts[0].acknowledgedAt", "alerts[0].version",
        ];
        foreach (var field in expected) Assert.True(fields.Contains(field), $"{field} missing from: {string.Join(", ", fields)}");
        Assert.Contains(read.Errors, e => e.Field == "rota.quietHours[2].caregiverId" && e.Message.Contains("viewer", StringComparison.Ordinal));
        Assert.Contains(read.Errors, e => e.Field == "alerts[0].acknowledgedAt" && e.Message.Contains("future", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_types_and_unknown_values_in_the_sections_are_refused_with_their_path()
    {
        var json = JsonNode.Parse(SampleJournal.Json(WithAlerting()))!;
        json["rota"]!["shifts"]![0]!["from"] = "late";
        json["rota"]!["quietHours"]![0]!["caregiverId"] = 12;
        json["alerts"]![1]!["status"] = "forgotten";
        json["alerts"]![0]!["timeline"]![0]!["kind"] = "exploded";

        var read = SampleJournal.Read(json.ToJsonString());

        Assert.False(read.IsValid);
        var fields = read.Errors.Select(e => e.Field).ToList();
        Assert.Contains(fields, f => f.StartsWith("rota", StringComparison.Ordinal));
        Assert.Contains("alerts[1].status", fields);
        Assert.Contains("alerts[0].timeline[0].kind", fields);
    }

    [Fact]
    public void A_section_of_the_wrong_shape_is_refused_and_a_huge_alert_list_is_stopped_at_the_limit()
    {
        var json = JsonNode.Parse(SampleJournal.Json(WithAlerting()))!;
        json["rota"] = "every night";
        var wrongShape = SampleJournal.Read(json.ToJsonString());
        Assert.Contains(wrongShape.Errors, e => e.Field == "rota");

        var many = JsonNode.Parse(SampleJournal.Json(WithAlerting()))!;
        var alerts = many["alerts"]!.AsArray();
        for (var i = 0; i < 10; i++) alerts.Add(alerts[0]!.DeepClone());
        var tooMany = SampleJournal.Read(many.ToJsonString(), SampleJournal.Options() with { MaxAlerts = 5 });
        var error = Assert.Single(tooMany.Errors);
        Assert.Equal("alerts", error.Field);
        Assert.Contains("more than 5 alerts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_journal_has_a_valid_rota()
    {
        var demo = SecureBase.Care.Demo.DemoJournal.Create(SampleJournal.Now, seed: 5);
        var read = SampleJournal.Read(SampleJournal.Write(demo));
        Assert.True(read.IsValid, string.Join("\n", read.Errors.Take(5)));
        var rota = read.Document!.Rota!;
        Assert.Equal(2, rota.Shifts.Count);
        var ruth = demo.Caregivers.Single(c => c.Name == "Grandma Ruth").Id;
        Assert.Contains(rota.Shifts, s => s.CaregiverId == ruth && s.Days.SequenceEqual([DayOfWeek.Tuesday, DayOfWeek.Thursday]));
        Assert.Equal(ruth, Assert.Single(rota.QuietHours).CaregiverId);
    }

    private static void Replace<T>(List<T> list, Guid id, Func<T, T> change) where T : class
    {
        var index = list.FindIndex(item => item switch { JournalRotaShift s => s.Id == id, JournalQuietHours q => q.Id == id, _ => false });
        list[index] = change(list[index]);
    }
}
