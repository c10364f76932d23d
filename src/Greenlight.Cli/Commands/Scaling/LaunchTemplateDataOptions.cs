using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Options;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Scaling;

/// <summary>
/// The data options of <c>launch-template create</c> and <c>create-version</c>, and the LaunchTemplateData they make.
/// Only options given are set, so a new version keeps its source version's other fields.
/// </summary>
internal sealed class LaunchTemplateDataOptions
{
    public Option<string> Provider { get; } = Choices.Only(new Option<string>("--provider")
    {
        Description = "local (the server starts each instance as a sandboxed agent on a loopback address, the default) or registered (hosts enroll themselves; a scaling group cannot launch them).",
        HelpName = "local|registered",
    }, "local", "registered");

    public Option<Tag[]> Tags { get; } = TagOptions.Tags("A tag every instance gets (deployment groups select on these); replaces the source version's tags.");

    public Option<string> Bootstrap { get; } = new("--bootstrap")
    {
        Description = "A script run in each instance's sandbox before its agent starts (at most 64 KiB).",
        HelpName = "FILE",
    };

    public Option<TimeSpan?> PollWait { get; } = DurationOption.Create("--poll-wait", "How long the server may hold an instance agent's poll.", TimeSpan.FromSeconds(60));

    public Option<string[]> RunAsAllow { get; } = new("--runas-allow")
    {
        Description = "Users the instances' hook scripts may run as, separated by commas (default: any).",
        HelpName = "USER,USER",
        CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))],
    };

    public Option<int?> MaxRevisions { get; } = CountOption.Create("--max-revisions", "How many revisions an instance agent keeps on disk (1-100).");

    public Option<string> Description { get; } = new("--description") { Description = "What this version is for.", HelpName = "TEXT" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Provider, Tags, Bootstrap, PollWait, RunAsAllow, MaxRevisions, Description })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether an agent setting was given: the server replaces the agent settings as a whole, so the CLI merges them first.</summary>
    public bool ChangesAgent(ParseResult parse) =>
        parse.GetResult(PollWait) is not null || parse.GetResult(RunAsAllow) is not null || parse.GetResult(MaxRevisions) is not null;

    /// <summary>The data of the options given, with agent settings not given taken from <paramref name="sourceAgent"/>.</summary>
    public LaunchTemplateData Data(ParseResult parse, LaunchAgentSettings? sourceAgent)
    {
        var bootstrap = parse.GetValue(Bootstrap) is { } file
            ? File.Exists(file) ? File.ReadAllText(file) : throw new UsageException($"--bootstrap '{file}' does not exist")
            : null;
        var agent = ChangesAgent(parse)
            ? new LaunchAgentSettings(
                parse.GetValue(PollWait) is { } wait ? $"{(int)wait.TotalSeconds}s" : sourceAgent?.PollWait,
                parse.GetValue(MaxRevisions) ?? sourceAgent?.MaxRevisions,
                parse.GetResult(RunAsAllow) is null ? sourceAgent?.RunAsAllow : parse.GetValue(RunAsAllow))
            : null;
        return new LaunchTemplateData(parse.GetValue(Provider), parse.GetResult(Tags) is null ? null : parse.GetValue(Tags), bootstrap, agent);
    }
}
