using System.CommandLine;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary><c>greenlight diff -f FILE</c>: what <c>apply</c> would do, field by field; exit codes as <c>kubectl diff</c>.</summary>
internal static class DiffCommand
{
    public const string ExitCodesText = "Exit codes (as kubectl diff): 0 no differences; 1 differences; 2 an error (bad file or flag, no server or token, server unreachable or refusing).";

    public static Command Create()
    {
        var files = DeclarativeVerb.FileOption();
        return new Command("diff",
            "Show what apply would change: each resource of the files is compared with the server on the fields the file sets.\n" +
            "Lines: 'KIND NAME: create' (+ created), 'update' with '~ spec.FIELD: now -> wanted', 'unchanged', 'cannot update: why'.\n" +
            "Format of the files: docs/declarative.md.\n" +
            "Examples:\n" +
            "  greenlight diff -f samples/declarative/web.yaml\n" +
            "  greenlight export --app web | greenlight diff -f -\n" +
            "  greenlight diff -f web.yaml -o json\n" +
            ExitCodesText)
            .WithDocuments(files, ExitCodes.UsageError, async call =>
            {
                var plan = await ChangePlanner.PlanAsync(call.Store, call.Documents, CancellationToken.None);
                DiffReport.Write(call, plan);
                return DiffReport.HasDifferences(plan) ? ExitCodes.Failure : ExitCodes.Success;
            });
    }
}
