namespace SecureBase.Web.Security;

/// <summary>Claims added by the token handler.</summary>
internal static class SecureBaseClaims
{
    public const string TokenId = "securebase:token";
    /// <summary>The one household a token may reach.</summary>
    public const string TokenHousehold = "securebase:token-household";
    /// <summary>Present on device tokens: the one child the device reports on.</summary>
    public const string DeviceChild = "securebase:device-child";
    /// <summary>The caregiver a device token logs entries as.</summary>
    public const string DeviceCaregiver = "securebase:device-caregiver";
}
