using System.CommandLine;
using System.Text.Json;
using Greenlight.Cli.Commands.Plan;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Api;

/// <summary>
/// The shape every resource verb shares (application, group, config, instance, launch-template, asg): <c>--output</c>
/// and the API options, and one action that turns every way a call can go wrong into one line on stderr and an exit
/// code. A bad option, no server or token, or a server that cannot be reached, is <c>error: MESSAGE</c> and exit 2; a
/// refusal by the API is <c>error: MESSAGE (CODE)</c> and exit 1.
/// </summary>
internal static class ApiVerb
{
    /// <summary>Adds <c>--output</c> and the API options to <paramref name="command"/> and runs <paramref name="run"/> as its action.</summary>
    public static Command WithApi(this Command command, Func<ApiCall, Task<int>> run)
    {
        var output = OutputOption.Create();
        command.Options.Add(output);
        ApiOptions.AddTo(command);
        command.Action = new UsageErrorAwareAction(parse => Invoke(parse, output, run));
        return command;
    }

    /// <summary>Makes a verb group (<c>greenlight asg</c>) answer a missing or unknown subcommand with a usage error instead of help and exit 1.</summary>
    public static Command AsGroup(this Command command)
    {
        command.Action = new UsageErrorAwareAction(parse =>
        {
            var problem = UsageErrorAwareAction.Problem(parse) ?? "a subcommand is required";
            parse.InvocationConfiguration.Error.WriteLine(
                $"error: {problem} (greenlight {command.Name} {string.Join("|", command.Subcommands.Select(c => c.Name))}; see --help)");
            return ExitCodes.UsageError;
        });
        return command;
    }

    private static int Invoke(ParseResult parse, Option<OutputFormat> output, Func<ApiCall, Task<int>> run)
    {
        var stderr = parse.InvocationConfiguration.Error;
        if (UsageErrorAwareAction.Problem(parse) is { } problem)
        {
            return Usage(stderr, problem);
        }

        using var api = ApiOptions.Connect(parse, out var unconnected);
        if (api is null)
        {
            return Usage(stderr, unconnected!);
        }

        try
        {
            return run(new ApiCall(api, parse, parse.GetValue(output))).GetAwaiter().GetResult();
        }
        catch (ApiException e)
        {
            stderr.WriteLine("error: " + e.Line);
            return e.ExitCode;
        }
        catch (UsageException e)
        {
            return Usage(stderr, e.Message);
        }
        catch (IOException e)
        {
            return Usage(stderr, e.Message);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // A server of another version answered in a shape this CLI does not read: say so, without a stack trace.
            stderr.WriteLine($"error: the server's answer is not what this version of greenlight expects: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        return ExitCodes.UsageError;
    }
}

/// <summary>A usage error found while a verb runs (e.g. a file named by an option is missing): exit 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
