using System.Security.Cryptography;
using System.Text;

namespace SecureBase.Storage.Access;

/// <summary>Random secrets and their stored hashes. Secrets are high-entropy, so one SHA-256 is enough.</summary>
public static class Secrets
{
    /// <summary>Letters and digits that cannot be confused when read aloud or typed (no 0/O, 1/I/L).</summary>
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A URL-safe secret with 256 bits of entropy, after a readable prefix.</summary>
    public static string NewToken(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A short code (8 characters, about 40 bits) for invitations typed by hand.</summary>
    public static string NewCode()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++) chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        return new string(chars);
    }

    /// <summary>Codes are compared without case, spaces or dashes.</summary>
    public static string NormalizeCode(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
