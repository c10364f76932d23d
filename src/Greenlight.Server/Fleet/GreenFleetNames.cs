namespace Greenlight.Server.Fleet;

/// <summary>
/// The name of a blue/green deployment's green fleet: the blue group's name and the deployment id, so provisioning
/// again after a crash finds the same group. The blue part is shortened to keep the name within 100 characters.
/// <code>
/// asg-web, d-4F2K9QX1M  →  asg-web-d-4F2K9QX1M
/// </code>
/// </summary>
public static class GreenFleetNames
{
    private const int MaxLength = 100;

    public static string For(string blueGroup, string deploymentId)
    {
        var suffix = "-" + deploymentId;
        var room = Math.Max(1, MaxLength - suffix.Length);
        return (blueGroup.Length > room ? blueGroup[..room] : blueGroup) + suffix;
    }
}
