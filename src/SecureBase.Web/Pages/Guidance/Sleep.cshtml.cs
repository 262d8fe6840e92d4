using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SecureBase.Care.Households;
using SecureBase.Guidance.SleepTraining;
using SecureBase.Storage.Guidance;
using SecureBase.Storage.Households;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Guidance;

/// <summary>The sleep coach: the bedtime checklist that must be met first, the editable check-in plan, and the week's progress.</summary>
public sealed class SleepModel(SleepCoach coach, HouseholdService households) : MemberPageModel
{
    [BindProperty(SupportsGet = true, Name = "child")]
    public Guid? ChildId { get; set; }

    public IReadOnlyList<Child> Children { get; private set; } = [];
    public Child? Current { get; private set; }
    public SleepPlanView? Plan { get; private set; }
    public NightView? Running { get; private set; }
    public SleepTrainingProgress? Progress { get; private set; }

    [BindProperty]
    public string? Schedule { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(Guid childId, bool fed, bool together, bool emotional, bool tired, bool bathed)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var outcome = await coach.StartNightAsync(Household.Id, childId, new BedtimeChecklist(fed, together, emotional, tired, bathed));
        if (outcome.IsOk) return Redirect($"/Guidance/Night/{outcome.Value!.Id}");
        TempData["Flash"] = outcome.Errors.Count > 0 ? outcome.Errors[0].Message : outcome.Message;
        return Redirect($"/Guidance/Sleep?child={childId}");
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid childId)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var nights = ParseSchedule(Schedule);
        if (nights is null)
        {
            TempData["Flash"] = "Write one night per line, with the waits in minutes separated by commas, e.g. 3, 5, 10.";
            return Redirect($"/Guidance/Sleep?child={childId}");
        }
        var outcome = await coach.SavePlanAsync(Household.Id, childId, nights);
        TempData["Flash"] = outcome.IsOk ? "The plan is saved." : outcome.Errors.Count > 0 ? outcome.Errors[0].Message : outcome.Message;
        return Redirect($"/Guidance/Sleep?child={childId}");
    }

    /// <summary>"3, 5, 10" per line; null when a value is not a whole number.</summary>
    internal static IReadOnlyList<IReadOnlyList<int>>? ParseSchedule(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var nights = new List<IReadOnlyList<int>>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var waits = new List<int>();
            foreach (var part in line.Split([',', ' ', '/'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes)) return null;
                waits.Add(minutes);
            }
            nights.Add(waits);
        }
        return nights;
    }

    private async Task LoadAsync()
    {
        Children = await households.ListChildrenAsync(Household.Id);
        Current = Children.FirstOrDefault(c => c.Id == ChildId) ?? (Children.Count > 0 ? Children[0] : null);
        if (Current is null) return;
        Plan = await coach.GetPlanAsync(Household.Id, Current.Id);
        Running = await coach.RunningNightAsync(Household.Id, Current.Id);
        Progress = await coach.ProgressAsync(Household.Id, Current.Id, Zone);
        Schedule = Plan is null ? "" : string.Join("\n", Plan.WaitMinutes.Select(n => string.Join(", ", n)));
    }
}
