using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SecureBase.Care.Households;
using SecureBase.Storage.Alerts;
using SecureBase.Storage.Households;
using SecureBase.Web.Features.Rota;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.People;

/// <summary>
/// Who is woken first when the baby cries: the on-duty rota and each person's quiet hours. Everyone sees them;
/// parents add and remove lines. Changes reach the alert routing at once.
/// </summary>
public sealed class RotaModel(HouseholdService households, HouseholdRota rotas) : MemberPageModel
{
    public IReadOnlyList<Caregiver> Alertable { get; private set; } = [];
    public RotaSettings Settings { get; private set; } = RotaSettings.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddShiftAsync(Guid caregiverId, List<DayOfWeek>? days, string? from, string? to, CancellationToken cancellationToken)
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        var current = await rotas.GetAsync(Household.Id, cancellationToken);
        var shifts = Shifts(current).Append(new RotaShiftInput(caregiverId, days ?? [], from, to)).ToList();
        return await SaveAsync(shifts, Quiet(current), "The shift was added.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveShiftAsync(int index, CancellationToken cancellationToken)
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        var current = await rotas.GetAsync(Household.Id, cancellationToken);
        var shifts = Shifts(current).Where((_, i) => i != index).ToList();
        return await SaveAsync(shifts, Quiet(current), "The shift was removed.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddQuietAsync(Guid caregiverId, string? from, string? to, CancellationToken cancellationToken)
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        var current = await rotas.GetAsync(Household.Id, cancellationToken);
        var quiet = Quiet(current).Append(new QuietHoursInput(caregiverId, from, to)).ToList();
        return await SaveAsync(Shifts(current), quiet, "The quiet hours were added.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveQuietAsync(int index, CancellationToken cancellationToken)
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        var current = await rotas.GetAsync(Household.Id, cancellationToken);
        var quiet = Quiet(current).Where((_, i) => i != index).ToList();
        return await SaveAsync(Shifts(current), quiet, "The quiet hours were removed.", cancellationToken);
    }

    public string NameOf(Guid caregiverId) => Alertable.FirstOrDefault(c => c.Id == caregiverId)?.Name ?? "someone";

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"every day" or "Mon, Tue".</summary>
    public static string DaysText(IReadOnlySet<DayOfWeek> days) =>
        days.Count is 0 or 7 ? "every day" : string.Join(", ", days.Order().Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)));

    private async Task<IActionResult> SaveAsync(IEnumerable<RotaShiftInput> shifts, IEnumerable<QuietHoursInput> quiet, string done, CancellationToken cancellationToken)
    {
        var outcome = await rotas.ReplaceAsync(Household.Id, shifts.ToList(), quiet.ToList(), cancellationToken);
        if (!outcome.IsOk)
        {
            // The line numbers of the errors mean nothing on this page: show the messages above the forms.
            foreach (var message in outcome.Errors.Select(e => e.Message).Distinct()) ModelState.AddModelError(string.Empty, message);
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Flash"] = done;
        return RedirectToPage();
    }

    private static IEnumerable<RotaShiftInput> Shifts(RotaSettings settings) =>
        settings.Shifts.Select(s => new RotaShiftInput(s.CaregiverId, s.Days.ToList(), Time(s.From), Time(s.To)));

    private static IEnumerable<QuietHoursInput> Quiet(RotaSettings settings) =>
        settings.QuietHours.Select(q => new QuietHoursInput(q.CaregiverId, Time(q.From), Time(q.To)));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Alertable = (await households.ListCaregiversAsync(Household.Id, cancellationToken)).Where(c => c.Role != CaregiverRole.Viewer).ToList();
        Settings = await rotas.GetAsync(Household.Id, cancellationToken);
    }
}
