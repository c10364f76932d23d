using System.Text.RegularExpressions;

namespace Greenlight.Server.Fleet;

/// <summary>
/// The name of a blue/green deployment's green fleet: the blue group's name and the deployment id, so provisioning
/// again after a crash finds the same group. A blue group that was itself a green copy loses its deployment suffix
/// first, so names do not grow deployment after deployment; the base is shortened to keep the name within 100 characters.
/// <code>
/// asg-web,             d-4F2K9QX1M  →  asg-web-d-4F2K9QX1M
/// asg-web-d-4F2K9QX1M, d-7JD0PQ2ZA  →  asg-web-d-7JD0PQ2ZA
/// </code>
/// </summary>
public static partial class GreenFleetNames
{
    private const int MaxLength = 100;

    [GeneratedRegex(@"\A(?<base>.+)-d-[A-Z0-9]{9}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CopySuffix();

    public static string For(string blueGroup, string deploymentId)
    {
        var baseName = CopySuffix().Match(blueGroup) is { Success: true } copy ? copy.Groups["base"].Value : blueGroup;
        var suffix = "-" + deploymentId;
        var room = Math.Max(1, MaxLength - suffix.Length);
        return (baseName.Length > room ? baseName[..room] : baseName) + suffix;
    }
}
