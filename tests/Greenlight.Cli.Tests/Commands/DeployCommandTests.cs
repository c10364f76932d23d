using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands;

/// <summary><c>greenlight deploy</c> against a real server on loopback, with a scripted agent answering the tickets.</summary>
public sealed class DeployCommandTests
{
    [Fact]
    public async Task Deploy_BundleDirectoryWithWatch_UploadsDeploysAndExitsWithTheVerdict()
    {
        await using var server = await Server.StartAsync();
        using var bundle = new TempDirectory("gl-bundle");
        WriteBundle(bundle.Path, "exit 0");
        var agent = new ScriptedAgent(server.Admin, ["i-1", "i-2"]);

        var deploy = Task.Run(() => CliRunner.Run("deploy", "--app", "web", "--group", "prod", "--bundle", bundle.Path, "--watch",
            "--server", server.Host.Url, "--token-file", Path.Combine(server.DataDirectory, "admin.token")));
        await agent.RunUntilAsync(() => Task.FromResult(deploy.IsCompleted), TimeSpan.FromMinutes(2));
        var result = await deploy;

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.StartsWith("Uploaded revision ", result.Lines[0], StringComparison.Ordinal);
        Assert.Contains(result.Lines, l => l.Contains("Succeeded  succeeded", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.TrimStart().StartsWith("i-1", StringComparison.Ordinal) && l.Contains("Succeeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploy_BundleWithABadAppSpec_ListsEveryFindingWithItsPositionAndExitsOne()
    {
        await using var server = await Server.StartAsync();
        using var bundle = new TempDirectory("gl-bundle");
        WriteBundle(bundle.Path, "exit 0");
        File.WriteAllText(Path.Combine(bundle.Path, "appspec.yml"), "version: 1.0\nos: linux\n");

        var result = CliRunner.Run("deploy", "--app", "web", "--group", "prod", "--bundle", bundle.Path, "--server", server.Host.Url, "--token-file", Path.Combine(server.DataDirectory, "admin.token"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("greenlight deploy: InvalidAppSpecException: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("appspec.yml:1:10: Error InvalidVersion", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deployment_GetListAndStop_ShowAndControlDeployments()
    {
        await using var server = await Server.StartAsync();
        using var bundle = new TempDirectory("gl-bundle");
        WriteBundle(bundle.Path, "exit 0");
        var auth = new[] { "--server", server.Host.Url, "--token-file", Path.Combine(server.DataDirectory, "admin.token") };
        var created = CliRunner.Run(["deploy", "--app", "web", "--group", "prod", "--bundle", bundle.Path, "-o", "json", .. auth]);
        var id = System.Text.Json.JsonDocument.Parse(created.Stdout).RootElement.GetProperty("deploymentId").GetString()!;

        var get = CliRunner.Run(["deployment", "get", id, .. auth]);
        var list = CliRunner.Run(["deployment", "list", "--app", "web", .. auth]);
        var stop = CliRunner.Run(["deployment", "stop", id, .. auth]);
        var again = CliRunner.Run(["deployment", "stop", id, .. auth]);
        var missing = CliRunner.Run(["deployment", "get", "d-NOPE12345", .. auth]);

        Assert.Equal(0, get.ExitCode);
        Assert.Equal($"Deployment     {id}", get.Lines[0]);
        Assert.Contains(list.Lines, l => l.StartsWith(id, StringComparison.Ordinal) && l.Contains("InProgress", StringComparison.Ordinal));
        Assert.Equal((0, $"{id}: the deployment is stopped"), (stop.ExitCode, stop.Stdout.Trim()));
        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith("greenlight deployment stop: DeploymentAlreadyCompletedException: ", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("greenlight deployment get: DeploymentDoesNotExistException: ", missing.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "deploy", "--group", "prod", "--revision", "abc" }, "--app and --group are required")]
    [InlineData(new[] { "deploy", "--app", "web", "--group", "prod" }, "give exactly one of --revision SHA256 or --bundle DIR|FILE")]
    [InlineData(new[] { "deploy", "--app", "web", "--group", "prod", "--revision", "abc", "--server", "nope" }, "--server 'nope' is not an http(s) URL")]
    [InlineData(new[] { "deploy", "--app", "web", "--group", "prod", "--revision", "abc", "extra" }, "unexpected argument 'extra'")]
    public void Deploy_BadOptions_IsOneLineAndExitTwo(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("greenlight deploy: " + expected, result.Stderr.TrimEnd());
    }

    private static void WriteBundle(string directory, string validate)
    {
        Directory.CreateDirectory(Path.Combine(directory, "scripts"));
        File.WriteAllText(Path.Combine(directory, "appspec.yml"), "version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: scripts/validate.sh\n");
        File.WriteAllText(Path.Combine(directory, "scripts", "validate.sh"), "#!/bin/bash\n" + validate + "\n");
    }

    /// <summary>A real server on loopback (SQLite in a temp dir) with an application, a group and two instances.</summary>
    private static class Server
    {
        public static async Task<TestServer> StartAsync()
        {
            var server = await TestServer.StartAsync();
            await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
            await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new
            {
                deploymentGroupName = "prod",
                deploymentConfigName = "CodeDeployDefault.AllAtOnce",
                onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
            });
            foreach (var name in new[] { "i-1", "i-2" })
            {
                await server.Admin.PutAsync($"/api/v1/instances/{name}", new { tags = new[] { new { Key = "role", Value = "web" } } });
            }

            return server;
        }
    }
}
