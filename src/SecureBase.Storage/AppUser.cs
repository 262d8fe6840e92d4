using Microsoft.AspNetCore.Identity;

namespace SecureBase.Storage;

/// <summary>A person's login. Household membership lives on <see cref="SecureBase.Care.Households.Caregiver.UserId"/>.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>The name shown to the rest of the household.</summary>
    public string DisplayName { get; set; } = "";
}
