using SecureBase.Care.Journal;

namespace SecureBase.Storage;

public enum OutcomeStatus
{
    Ok,
    NotFound,
    /// <summary>The input broke a rule; <see cref="Outcome{T}.Errors"/> says which, per field.</summary>
    Invalid,
    /// <summary>The request clashes with the current state (a used invitation, the last parent); see the message.</summary>
    Conflict,
    /// <summary>Not allowed in this instance's configuration (e.g. sign-up is closed).</summary>
    Forbidden,
}

/// <summary>The result of an application operation: a value, or why there is none, in words fit for the user.</summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, IReadOnlyList<ValidationError> Errors, string? Message)
{
    public bool IsOk => Status == OutcomeStatus.Ok;

    // Factory methods read best on the generic type itself (Outcome<Child>.NotFound(...)).
#pragma warning disable CA1000
    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value, [], null);
    public static Outcome<T> NotFound(string message = "Not found.") => new(OutcomeStatus.NotFound, default, [], message);
    public static Outcome<T> Invalid(IReadOnlyList<ValidationError> errors) => new(OutcomeStatus.Invalid, default, errors, "Some details need another look.");
    public static Outcome<T> Invalid(string field, string message) => new(OutcomeStatus.Invalid, default, [new ValidationError(field, message)], message);
    public static Outcome<T> Conflict(string message) => new(OutcomeStatus.Conflict, default, [], message);
    public static Outcome<T> Forbidden(string message) => new(OutcomeStatus.Forbidden, default, [], message);

#pragma warning restore CA1000

    /// <summary>The same failure, carrying another value type.</summary>
    public Outcome<TOther> As<TOther>() => new(Status, default, Errors, Message);
}
