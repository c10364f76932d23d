using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Plan;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// What apply and diff share: <c>-f FILE|DIR|-</c> (repeatable), <c>--output</c>, the API options, and one action that reads and checks
/// every document before it connects, then turns each way a run can go wrong into <c>error: MESSAGE</c> and an exit code
/// (a bad file or flag, no server or token, or an unreachable server: 2; a refusal: the verb's own code).
/// </summary>
internal static class DeclarativeVerb
{
    public static Option<string[]> FileOption() => new("--filename", "-f")
    {
        Description = "A YAML file, a directory (every *.yaml and *.yml in it) or - for stdin; repeatable.",
        HelpName = "FILE|DIR|-",
        Required = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Command WithDocuments(this Command command, Option<string[]> files, int refusal,
        Func<DeclarativeCall, Task<int>> run)
    {
        command.Options.Add(files);
        var output = OutputOption.Create();
        command.Options.Add(output);
        ApiOptions.AddTo(command);
        command.Action = new UsageErrorAwareAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (UsageErrorAwareAction.Problem(parse) is { } problem)
            {
                return Fail(stderr, problem, ExitCodes.UsageError);
            }

            IReadOnlyList<ResourceDocument> documents;
            try
            {
                documents = DocumentLoader.Load(parse.GetValue(files) ?? [], Config.CliEnvironment.Current.Input);
            }
            catch (DeclarativeInputException e)
            {
                return Fail(stderr, e.Message, ExitCodes.UsageError);
            }

            using var api = ApiOptions.Connect(parse, out var unconnected);
            if (api is null)
            {
                return Fail(stderr, unconnected!, ExitCodes.UsageError);
            }

            try
            {
                var call = new DeclarativeCall(parse, new ResourceStore(api), documents, parse.InvocationConfiguration.Output, stderr, parse.GetValue(output));
                return run(call).GetAwaiter().GetResult();
            }
            catch (ApiException e) when (e.Unreachable)
            {
                return Fail(stderr, e.Message, ExitCodes.UsageError);
            }
            catch (ApiException e)
            {
                return Fail(stderr, $"{e.Message} ({e.Code})", refusal);
            }
        });
        return command;
    }

    public static int Fail(TextWriter stderr, string message, int code)
    {
        stderr.WriteLine("error: " + message);
        return code;
    }
}
