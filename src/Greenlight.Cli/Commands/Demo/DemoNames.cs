namespace Greenlight.Cli.Commands.Demo;

/// <summary>
/// The names of what the demo creates. On its own server they are plain; on a server given with <c>--server</c> they
/// carry a suffix of this run, so they do not collide with anything there (or with an earlier demo).
/// </summary>
internal sealed record DemoNames(string Suffix)
{
    public string Application => "demo" + Suffix;

    public string Group => "prod";

    public string LaunchTemplate => "web" + Suffix;

    public string ScalingGroup => "web-asg" + Suffix;

    public string TargetGroup => "demo-web" + Suffix;

    public string LoadBalancer => "demo" + Suffix;

    public string Alarm => "demo-green-5xx" + Suffix;
}
