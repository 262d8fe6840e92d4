using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using SecureBase.Storage;
using SecureBase.Storage.Households;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Children;

/// <summary>Adds a child (no id) or edits one of the household's children. Parents only.</summary>
public sealed class ChildEditModel(HouseholdService households) : MemberPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public ChildForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        if (Id is null)
        {
            Input.BirthDate = DateOnly.FromDateTime(Local(Clock.GetUtcNow()).DateTime);
            return Page();
        }
        var child = await households.GetChildAsync(Household.Id, Id.Value);
        if (child is null) return NotFound();
        Input = new ChildForm
        {
            Name = child.Name,
            BirthDate = child.BirthDate,
            Pronoun = child.Pronoun,
            FeedingIntervalMinMinutes = child.FeedingIntervalMinMinutes,
            FeedingIntervalMaxMinutes = child.FeedingIntervalMaxMinutes,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var input = new ChildInput(Input.Name, Input.BirthDate, Input.Pronoun, Input.FeedingIntervalMinMinutes, Input.FeedingIntervalMaxMinutes);
        var outcome = Id is { } id
            ? await households.UpdateChildAsync(Household.Id, id, input)
            : await households.AddChildAsync(Household.Id, input);
        if (outcome.Status == OutcomeStatus.NotFound) return NotFound();
        if (!outcome.IsOk || outcome.Value is not { } child)
        {
            ModelStateErrors.Add(ModelState, outcome);
            return Page();
        }
        TempData["Flash"] = Id is null ? $"{child.Name} is here. Welcome!" : $"{child.Name}'s details are saved.";
        return Id is null ? Redirect($"/?child={child.Id}") : RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        if (Id is not { } id) return NotFound();
        var outcome = await households.DeleteChildAsync(Household.Id, id);
        if (outcome.Status == OutcomeStatus.NotFound) return NotFound();
        TempData["Flash"] = outcome.IsOk ? $"{outcome.Value!.Name} was removed." : outcome.Message;
        return RedirectToPage("Index");
    }
}

public sealed class ChildForm
{
    [Required(ErrorMessage = "Please enter a name.")]
    [StringLength(200)]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Please enter the birth date.")]
    public DateOnly BirthDate { get; set; }

    public string Pronoun { get; set; } = "them";

    [Range(15, 1440, ErrorMessage = "Please use between 15 and 1440 minutes.")]
    public int? FeedingIntervalMinMinutes { get; set; }

    [Range(15, 1440, ErrorMessage = "Please use between 15 and 1440 minutes.")]
    public int? FeedingIntervalMaxMinutes { get; set; }
}
