using System.CommandLine;
using System.Text.Json.Nodes;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Plan;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary><c>greenlight export [--app A] [-o yaml|json]</c>: the server's resources as a file that <c>apply</c> accepts.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var app = new Option<string>("--app") { Description = "Only this application, its deployment groups and what they use.", HelpName = "APPLICATION" };
        var output = new Option<string>("--output", "-o")
        {
            Description = "yaml (default): documents separated by ---; json: a list of the same documents. apply reads both.",
            HelpName = "yaml|json",
            DefaultValueFactory = _ => "yaml",
        };
        output.AcceptOnlyFromAmong("yaml", "json");
        var command = new Command("export",
            "Print every resource (applications, deployment groups, custom deployment configs, launch templates, target groups,\n" +
            "load balancers, alarms, auto scaling groups) as declarative documents that greenlight apply accepts.\n" +
            "A launch template is exported as its default version's data; a load balancer's certificate key file is not shown by the API.\n" +
            "Examples:\n" +
            "  greenlight export > greenlight.yaml\n" +
            "  greenlight export --app web -o json\n" +
            "  greenlight export --app web | greenlight apply -f - --server https://staging:7480 --token-file staging.token\n" +
            "Exit codes: 0 done; 1 the server refused (e.g. --app names no application); 2 bad options, no server or token, server unreachable.")
        { app, output };
        ApiOptions.AddTo(command);
        command.Action = new UsageErrorAwareAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (UsageErrorAwareAction.Problem(parse) is { } problem)
            {
                return DeclarativeVerb.Fail(stderr, problem, ExitCodes.UsageError);
            }

            using var api = ApiOptions.Connect(parse, out var unconnected);
            if (api is null)
            {
                return DeclarativeVerb.Fail(stderr, unconnected!, ExitCodes.UsageError);
            }

            try
            {
                var documents = new Exporter(api).ExportAsync(parse.GetValue(app), CancellationToken.None).GetAwaiter().GetResult();
                var writer = parse.InvocationConfiguration.Output;
                if (parse.GetValue(output) == "json")
                {
                    StructuredOutput.Write(writer, OutputFormat.Json, new JsonArray([.. documents]));
                }
                else
                {
                    YamlOutput.WriteDocuments(writer, documents);
                }

                return ExitCodes.Success;
            }
            catch (ApiException e)
            {
                return DeclarativeVerb.Fail(stderr, e.Line, e.ExitCode);
            }
        });
        return command;
    }
}
