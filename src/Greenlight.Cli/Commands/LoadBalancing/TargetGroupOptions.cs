using System.CommandLine;
using Greenlight.Cli.Commands.Options;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.LoadBalancing;

/// <summary>
/// The settings options of <c>target-group create</c> and <c>update</c> and the TargetGroupInput they make. Create
/// starts from ELB's defaults; update sends only what was given, so the server keeps the rest.
/// </summary>
internal sealed class TargetGroupOptions
{
    public TargetGroupOptions(bool create)
    {
        Port.Required = create;
    }

    public Option<int?> Port { get; } = new("--port")
    {
        Description = "The port targets listen on (an instance's address plus this port; register --instance ID:PORT overrides it).",
        HelpName = "PORT",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
            {
                return port;
            }

            result.AddError($"--port '{text}' must be a port number 1-65535");
            return null;
        },
    };

    public Option<string> HealthPath { get; } = new("--health-path")
    {
        Description = "The health check's path, requested with GET (default /).",
        HelpName = "PATH",
        Validators =
        {
            result =>
            {
                if (result.Tokens.Count > 0 && !result.Tokens[0].Value.StartsWith('/'))
                {
                    result.AddError($"--health-path '{result.Tokens[0].Value}' must start with /");
                }
            },
        },
    };

    public Option<double?> Interval { get; } = FineDuration.Create("--interval",
        "How often each target is checked (default 10s; at least 0.1s, e.g. 0.5s or 500ms).", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));

    public Option<double?> Timeout { get; } = FineDuration.Create("--timeout",
        "How long a check may take before it fails (default 5s; e.g. 2s or 300ms).", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2));

    public Option<int?> HealthyThreshold { get; } = CountOption.Create("--healthy-threshold",
        "Passing checks in a row that make a target healthy (default 3).");

    public Option<int?> UnhealthyThreshold { get; } = CountOption.Create("--unhealthy-threshold",
        "Failing checks in a row that make a target unhealthy (default 2).");

    public Option<string> Matcher { get; } = new("--matcher")
    {
        Description = "The status codes of a passing check: 200, 200,204 or 200-299 (default 200).",
        HelpName = "CODES",
    };

    public Option<double?> DeregistrationDelay { get; } = FineDuration.Create("--deregistration-delay",
        "How long a deregistered target may finish its in-flight requests (draining) before it is removed (default 300s).",
        TimeSpan.Zero, TimeSpan.FromHours(1));

    public Option<string> Algorithm { get; } = Choices.Only(new Option<string>("--algorithm")
    {
        Description = "How requests are spread over healthy targets: round-robin (the default) or least-outstanding-requests.",
        HelpName = "round-robin|least-outstanding-requests",
    }, "round-robin", "least-outstanding-requests");

    /// <summary>The options, in the order help lists them.</summary>
    public IEnumerable<Option> All => [Port, HealthPath, Interval, Timeout, HealthyThreshold, UnhealthyThreshold, Matcher, DeregistrationDelay, Algorithm];

    /// <summary>
    /// The input for <paramref name="name"/> (null on update: the name is in the path). The health check carries only the
    /// fields given: the server fills ELB's defaults on create and keeps the current values on update. On update it is
    /// sent only when a health option was given, on top of <paramref name="current"/> when known.
    /// </summary>
    public TargetGroupInput Input(ParseResult parse, string? name, bool create, HealthCheckSpec? current = null)
    {
        var health = (create ? null : current) ?? new HealthCheckSpec();
        health = health with
        {
            Path = parse.GetValue(HealthPath) ?? health.Path,
            IntervalSeconds = parse.GetValue(Interval) ?? health.IntervalSeconds,
            TimeoutSeconds = parse.GetValue(Timeout) ?? health.TimeoutSeconds,
            HealthyThreshold = parse.GetValue(HealthyThreshold) ?? health.HealthyThreshold,
            UnhealthyThreshold = parse.GetValue(UnhealthyThreshold) ?? health.UnhealthyThreshold,
            Matcher = parse.GetValue(Matcher) ?? health.Matcher,
        };
        return new TargetGroupInput(name, parse.GetValue(Port), create || HasHealth(parse) ? health : null, parse.GetValue(DeregistrationDelay),
            WireAlgorithm(parse.GetValue(Algorithm)));
    }

    /// <summary>Whether a health check option was given on the command line.</summary>
    public bool HasHealth(ParseResult parse) =>
        new Option[] { HealthPath, Interval, Timeout, HealthyThreshold, UnhealthyThreshold, Matcher }.Any(o => parse.GetResult(o) is { Implicit: false });

    /// <summary><c>round-robin</c> as the API spells it (<c>round_robin</c>); null stays null.</summary>
    public static string? WireAlgorithm(string? algorithm) => algorithm?.Replace('-', '_');

    /// <summary>The API's <c>least_outstanding_requests</c> as the command line spells it.</summary>
    public static string? CliAlgorithm(string? algorithm) => algorithm?.Replace('_', '-');
}
