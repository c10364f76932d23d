using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Greenlight.Cli.Api;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Resources;

/// <summary><c>greenlight config list|get|create|delete</c>: deployment configurations (the minimum healthy hosts rule).</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var command = new Command("config",
            "List, show, create and delete deployment configurations: how many instances must stay healthy during a deployment.\n" +
            "The predefined CodeDeployDefault.AllAtOnce, HalfAtATime and OneAtATime cannot be deleted.\n" +
            "Examples:\n" +
            "  greenlight config list\n" +
            "  greenlight config create TwoAtATime --min-healthy HOST_COUNT:2\n" +
            "  greenlight config get CodeDeployDefault.HalfAtATime -o json\n" +
            Help.ApiExitCodes)
        {
            List(), Get(), CreateVerb(), Delete(),
        };
        return command.AsGroup();
    }

    private static Command List() => new Command("list", Help.Verb("List the predefined and custom configurations with their rule.", "config list", "config list -o json")).WithApi(async call =>
    {
        var answer = await call.Api.GetAsync("deployment-configs", CancellationToken.None);
        if (call.Structured)
        {
            return call.Print(answer, _ => { });
        }

        var table = new Table("NAME", "MINIMUM HEALTHY");
        foreach (var name in Cells.Items(answer["deploymentConfigsList"]).Select(Cells.Text))
        {
            var info = (await call.Api.GetAsync($"deployment-configs/{Uri.EscapeDataString(name!)}", CancellationToken.None))["deploymentConfigInfo"];
            table.Add(name, Rule(info?["minimumHealthyHosts"]));
        }

        return call.Print(answer, table.Write);
    });

    private static Command Get()
    {
        var name = Help.Name("config", "The configuration.");
        return new Command("get", Help.Verb("Show a configuration and its rule.", "config get CodeDeployDefault.HalfAtATime")) { name }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync($"deployment-configs/{Uri.EscapeDataString(call.Get(name))}", CancellationToken.None);
            var info = answer["deploymentConfigInfo"];
            return call.Print(answer, w => Fields.Write(w,
                ("Configuration", Cells.Text(info?["deploymentConfigName"])), ("Minimum healthy", Rule(info?["minimumHealthyHosts"])),
                ("Platform", Cells.Text(info?["computePlatform"])), ("Created", Cells.Time(info?["createTime"]))));
        });
    }

    private static Command CreateVerb()
    {
        var name = Help.Name("config", "The new configuration's name (not starting with CodeDeployDefault.).");
        var min = new Option<MinimumHealthyHosts>("--min-healthy")
        {
            Description = "How many instances must stay healthy: HOST_COUNT:N (at least N instances) or FLEET_PERCENT:N (at least N % of them, rounded up).",
            HelpName = "HOST_COUNT:N|FLEET_PERCENT:N",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (ParseRule(text) is { } rule)
                {
                    return rule;
                }

                result.AddError($"--min-healthy '{text}' must be HOST_COUNT:N or FLEET_PERCENT:N, e.g. HOST_COUNT:2 or FLEET_PERCENT:75");
                return null;
            },
        };
        return new Command("create", Help.Verb("Create a configuration from a minimum healthy hosts rule.", "config create TwoAtATime --min-healthy HOST_COUNT:2", "config create ThreeQuarters --min-healthy FLEET_PERCENT:75")) { name, min }.WithApi(async call =>
        {
            var answer = await call.Api.PostAsync("deployment-configs",
                new CreateDeploymentConfigInput(call.Get(name), call.Get(min)), CancellationToken.None);
            return call.Done(answer, $"Created deployment configuration {call.Get(name)} ({call.Get(min)!.Type}:{call.Get(min)!.Value})");
        });
    }

    private static Command Delete()
    {
        var name = Help.Name("config", "The configuration; no deployment group may use it.");
        return new Command("delete", Help.Verb("Delete a custom configuration that no deployment group uses.", "config delete TwoAtATime")) { name }.WithApi(async call =>
        {
            var answer = await call.Api.DeleteAsync($"deployment-configs/{Uri.EscapeDataString(call.Get(name))}", CancellationToken.None);
            return call.Done(answer, $"Deleted deployment configuration {call.Get(name)}");
        });
    }

    internal static MinimumHealthyHosts? ParseRule(string text) =>
        text.Split(':') is [var type, var value] && type.ToUpperInvariant() is "HOST_COUNT" or "FLEET_PERCENT" &&
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? new MinimumHealthyHosts(type.ToUpperInvariant(), n)
            : null;

    /// <summary>A rule as <c>HOST_COUNT:2</c>, the syntax of <c>--min-healthy</c>.</summary>
    private static string? Rule(JsonNode? rule) => rule is null ? null : $"{Cells.Text(rule["type"])}:{Cells.Text(rule["value"])}";
}
