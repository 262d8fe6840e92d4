using System.Reflection;
using SecureBase.Care.Households;
using SecureBase.Storage.Journal;

namespace SecureBase.Web.Security;

/// <summary>
/// Who is acting on a household route: set by <see cref="HouseholdAccessHandler"/> once membership is proven,
/// and bound as an endpoint parameter.
/// </summary>
public sealed record Actor(Guid HouseholdId, Guid CaregiverId, CaregiverRole Role, string? UserId, Guid? TokenId, Guid? DeviceChildId)
{
    public bool IsDevice => DeviceChildId is not null;

    public bool IsParent => Role == CaregiverRole.Parent && !IsDevice;

    public ChangeAuthor Author => new(CaregiverId, TokenId);

    public static ValueTask<Actor?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Items[typeof(Actor)] as Actor);
    }
}
