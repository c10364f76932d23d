using System.Security.Cryptography;
using System.Text;

namespace Greenlight.Engine.Running;

/// <summary>
/// Deployment ids in CodeDeploy's shape, <c>d-</c> and nine characters of [A-Z0-9]. A deployment the engine starts
/// by itself (rollback, follow-up) gets an id derived from the command's idempotency key, so creating it twice
/// after a crash finds the first one instead of making another.
/// </summary>
public static class DeploymentIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string New() => Encode(RandomNumberGenerator.GetBytes(9));

    public static string DerivedFrom(string key) => Encode(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Encode(byte[] bytes) =>
        "d-" + new string([.. bytes.Take(9).Select(b => Alphabet[b % Alphabet.Length])]);
}
