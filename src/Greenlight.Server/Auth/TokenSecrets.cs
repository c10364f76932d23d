using System.Security.Cryptography;
using System.Text;

namespace Greenlight.Server.Auth;

/// <summary>
/// Token secrets: <c>glt_</c> and 43 characters of base64url randomness (256 bits). Only the SHA-256 of a secret is
/// stored; a lookup hashes what the caller presents, so the secret is never compared or logged.
/// </summary>
public static class TokenSecrets
{
    public const string Prefix = "glt_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewId() => "tok-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
