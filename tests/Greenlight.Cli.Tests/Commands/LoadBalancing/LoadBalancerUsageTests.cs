namespace Greenlight.Cli.Tests.Commands.LoadBalancing;

/// <summary>Usage errors of <c>lb</c> and <c>tg</c>: one line naming the problem, exit 2, and no request sent (the server URL is unreachable).</summary>
public sealed class LoadBalancerUsageTests
{
    private static readonly string[] Unreachable = ["--server", "http://127.0.0.1:1", "--token", "t"];

    [Theory]
    [InlineData("error: --listener '127.0.0.1:8080=web:x': weight 'x' of target group 'web' must be a whole number 0-999 ([https://]HOST:PORT=TG[:WEIGHT][,TG[:WEIGHT]...])", "lb", "create", "web-lb", "--listener", "127.0.0.1:8080=web:x")]
    [InlineData("error: Option '--listener' is required.", "lb", "create", "web-lb")]
    [InlineData("error: an https:// listener needs --cert FILE (and --key FILE for a PEM key in its own file)", "lb", "create", "web-lb", "--listener", "https://127.0.0.1:8443=web")]
    [InlineData("error: --cert is for https:// listeners, and no --listener starts with https://", "lb", "update", "web-lb", "--listener", "127.0.0.1:8080=web", "--cert", "a.pfx")]
    [InlineData("error: --key needs --cert", "load-balancer", "create", "web-lb", "--listener", "https://127.0.0.1:8443=web", "--key", "a.key")]
    [InlineData("error: --interval '0.5' needs a unit: e.g. 0.5s or 0.5ms", "tg", "create", "web", "--port", "80", "--interval", "0.5")]
    [InlineData("error: --instance 'web-1:x' must be INSTANCE or INSTANCE:PORT with a port 1-65535, e.g. web-1 or web-1:8080", "tg", "register", "web", "--instance", "web-1:x")]
    [InlineData("error: --until 'ready' must be healthy or drained", "tg", "targets", "web", "--until", "ready")]
    [InlineData("error: --timeout needs --until healthy|drained", "tg", "targets", "web", "--timeout", "1m")]
    [InlineData("error: --seconds '901' must be 1-900", "target-group", "metrics", "web", "--seconds", "901")]
    public void Verb_BadUsage_ExitsTwoWithOneLine(string error, params string[] args)
    {
        var result = CliRunner.Run([.. args, .. Unreachable]);

        Assert.Equal((2, error + "\n", ""), (result.ExitCode, result.Stderr, result.Stdout));
    }

    [Fact]
    public void Group_NoSubcommand_ListsTheVerbs()
    {
        var result = CliRunner.Run("tg");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: a subcommand is required (greenlight target-group create|list|get|update|delete|register|deregister|targets|metrics; see --help)\n", result.Stderr);
    }
}
