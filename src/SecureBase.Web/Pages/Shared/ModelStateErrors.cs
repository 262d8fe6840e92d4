using Microsoft.AspNetCore.Mvc.ModelBinding;
using SecureBase.Care.Journal;
using SecureBase.Storage;

namespace SecureBase.Web.Pages.Shared;

/// <summary>Shows a service's per-field errors beside the matching form fields.</summary>
internal static class ModelStateErrors
{
    /// <summary>Adds each error under "<paramref name="prefix"/>.Field" (the API's camelCase field, Pascal-cased), or to the summary.</summary>
    public static void Add(ModelStateDictionary modelState, IEnumerable<ValidationError> errors, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in errors)
        {
            var field = string.IsNullOrEmpty(error.Field) || error.Field.Contains('[', StringComparison.Ordinal)
                ? string.Empty
                : (prefix.Length > 0 ? prefix + "." : "") + char.ToUpperInvariant(error.Field[0]) + error.Field[1..];
            modelState.AddModelError(field, error.Message);
        }
    }

    /// <summary>Adds an outcome's errors, or its message when it has none.</summary>
    public static void Add<T>(ModelStateDictionary modelState, Outcome<T> outcome, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Errors.Count > 0) Add(modelState, outcome.Errors, prefix);
        else modelState.AddModelError(string.Empty, outcome.Message ?? "That didn't work. Please try again.");
    }
}
