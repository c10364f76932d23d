using System.CommandLine;
using Greenlight.Cli.Commands.LoadBalancing;

namespace Greenlight.Cli.Tests.Commands.LoadBalancing;

/// <summary>The body <c>target-group create|update</c> sends: both send only what was given; the server fills the defaults or keeps the current values.</summary>
public sealed class TargetGroupOptionsTests
{
    [Fact]
    public void Input_CreateWithSomeHealthOptions_SendsOnlyThoseForTheServerToFillTheDefaults()
    {
        var body = Body(create: true, "--port", "8080", "--interval", "0.5s", "--timeout", "300ms", "--matcher", "200-299", "--algorithm", "least-outstanding-requests");

        const string Expected = """{"targetGroupName":"web","port":8080,"healthCheck":{"intervalSeconds":0.5,"timeoutSeconds":0.3,"matcher":"200-299"},"algorithm":"least_outstanding_requests"}""";
        Assert.Equal(Expected, body);
    }

    [Fact]
    public void Input_UpdateWithOneHealthOption_SendsOnlyThatField()
    {
        Assert.Equal("""{"healthCheck":{"unhealthyThreshold":5},"deregistrationDelaySeconds":0}""",
            Body(create: false, "--unhealthy-threshold", "5", "--deregistration-delay", "0s"));
    }

    [Fact]
    public void Input_UpdateOnTopOfTheCurrentCheck_KeepsTheFieldsNotGiven()
    {
        var options = new TargetGroupOptions(create: false);
        var parse = Command(options).Parse(["--interval", "2s"]);
        var current = new Contracts.V1.HealthCheckSpec("/health", 0.5, 0.2, 2, 3, "200-299");

        Assert.Equal(current with { IntervalSeconds = 2 }, options.Input(parse, null, create: false, current).HealthCheck);
    }

    [Fact]
    public void Input_UpdateWithNothing_SendsNothing()
    {
        Assert.Equal("{}", Body(create: false));
    }

    [Theory]
    [InlineData("--port", "0", "--port '0' must be a port number 1-65535")]
    [InlineData("--health-path", "health", "--health-path 'health' must start with /")]
    [InlineData("--timeout", "2", "--timeout '2' needs a unit: e.g. 2s or 2ms")]
    [InlineData("--deregistration-delay", "2h", "--deregistration-delay '2h' must be from 0s to 3600s")]
    [InlineData("--algorithm", "random", "--algorithm 'random' must be round-robin or least-outstanding-requests")]
    [InlineData("--healthy-threshold", "two", "--healthy-threshold 'two' must be a whole number, 0 or more")]
    public void Parse_BadOption_NamesIt(string option, string value, string error)
    {
        var parse = Command(new TargetGroupOptions(create: false)).Parse([option, value]);

        Assert.Equal(error, Assert.Single(parse.Errors).Message);
    }

    private static string Body(bool create, params string[] args)
    {
        var options = new TargetGroupOptions(create);
        var parse = Command(options).Parse(args);
        Assert.Empty(parse.Errors);
        return System.Text.Json.JsonSerializer.Serialize(options.Input(parse, create ? "web" : null, create), Contracts.WireJson.Options);
    }

    private static RootCommand Command(TargetGroupOptions options)
    {
        var command = new RootCommand();
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        return command;
    }
}
