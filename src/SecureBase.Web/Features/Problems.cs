using Microsoft.AspNetCore.Http.HttpResults;
using SecureBase.Care.Journal;
using SecureBase.Storage;

namespace SecureBase.Web.Features;

/// <summary>Turns application outcomes into ProblemDetails responses (RFC 9457), with per-field errors for validation.</summary>
internal static class Problems
{
    public static ValidationProblem Validation(IEnumerable<ValidationError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "Some details need another look.");

    public static ValidationProblem Validation(string field, string message) => Validation([new ValidationError(field, message)]);

    public static ProblemHttpResult NotFound(string detail = "Not found.") => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");

    /// <summary>The response for a failed outcome other than invalid input: 404, 409 or 403.</summary>
    public static ProblemHttpResult Failure<T>(Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            OutcomeStatus.NotFound => NotFound(outcome.Message ?? "Not found."),
            OutcomeStatus.Conflict => Conflict(outcome.Message ?? "Conflict."),
            OutcomeStatus.Forbidden => Forbidden(outcome.Message ?? "Not allowed."),
            _ => throw new InvalidOperationException($"Outcome {outcome.Status} is not a failure with a problem response."),
        };
    }

    /// <summary>200 with the mapped value, or the problem the outcome describes.</summary>
    public static Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult> OkOr<T, TResponse>(Outcome<T> outcome, Func<T, TResponse> map)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(map);
        if (outcome.IsOk) return TypedResults.Ok(map(outcome.Value!));
        if (outcome.Status == OutcomeStatus.Invalid) return Validation(outcome.Errors);
        return Failure(outcome);
    }
}
