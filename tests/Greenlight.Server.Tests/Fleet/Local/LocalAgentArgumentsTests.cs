using Greenlight.Contracts.V1;
using Greenlight.Server.Fleet;
using Greenlight.Server.Fleet.Local;

namespace Greenlight.Server.Tests.Fleet.Local;

public sealed class LocalAgentArgumentsTests
{
    [Fact]
    public void For_Template_PassesSandboxTagsWithTheGroupAndRunAsButNoCredential()
    {
        var template = new LaunchTemplateData(
            Tags: [new Tag("role", "web"), new Tag("bad,key", "x"), new Tag("greenlight:autoscaling-group", "spoofed")],
            Agent: new LaunchAgentSettings(MaxRevisions: 3, RunAsAllow: ["www-data", "deploy"]));
        var request = new LaunchRequest("i-1", "web-asg", "127.0.0.5", template, "secret-credential", "http://127.0.0.1:7480/", TimeSpan.FromMilliseconds(1500));
        var sandbox = LocalSandbox.For("/data/instances", "i-1");

        var args = LocalAgentArguments.For(request, sandbox);

        Assert.Equal(
            [
                "agent", "--server", "http://127.0.0.1:7480/", "--name", "i-1", "--root", "/data/instances/i-1/agent",
                "--instance-root", "/data/instances/i-1/root", "--address", "127.0.0.5", "--poll-wait", "2s",
                "--tags", "role=web,greenlight:autoscaling-group=web-asg", "--runas-allow", "www-data,deploy",
            ],
            args);
    }

    [Theory]
    [InlineData(0, "1s")]
    [InlineData(2000, "2s")]
    [InlineData(20_500, "21s")]
    [InlineData(600_000, "60s")]
    public void PollWait_Duration_IsWholeSecondsTheAgentAccepts(int milliseconds, string expected) =>
        Assert.Equal(expected, LocalAgentArguments.PollWait(TimeSpan.FromMilliseconds(milliseconds)));
}
