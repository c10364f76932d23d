using System.CommandLine;
using Greenlight.Cli.Api;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// <c>greenlight apply -f FILE [--dry-run]</c>: makes the server match the files. Every document is read and compared
/// first; then, in dependency order, missing resources are created and changed ones updated. Nothing is ever deleted.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create()
    {
        var files = DeclarativeVerb.FileOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Change nothing: print what would change, as greenlight diff does (exit 0 unless a change is impossible)." };
        var command = new Command("apply",
            "Create or update the resources of declarative YAML files (kind, name, spec: the API's input fields), in dependency order.\n" +
            "Prints one line per resource: created, updated (fields...) or unchanged; applying the same files again changes nothing.\n" +
            "Apply never deletes: a resource left out of the files stays. Deployment configurations and applications cannot be\n" +
            "updated (the API has none): a change to one is an error before anything is applied. Format: docs/declarative.md.\n" +
            "Examples:\n" +
            "  greenlight apply -f samples/declarative/web.yaml\n" +
            "  greenlight apply -f ./greenlight/ --dry-run\n" +
            "  greenlight export | greenlight apply -f - --server https://other:7480 --token-file other.token\n" +
            "Exit codes: 0 applied (or nothing to do); 1 a change is impossible or the server refused one (the error names the document,\n" +
            "and what was applied before it is listed); 2 bad file or flag, no server or token, server unreachable.")
        { dryRun };
        return command.WithDocuments(files, ExitCodes.Failure, async (parse, store, documents, output) =>
        {
            var plan = await ChangePlanner.PlanAsync(store, documents, CancellationToken.None);
            var stderr = parse.InvocationConfiguration.Error;
            if (parse.GetValue(dryRun))
            {
                DiffReport.Write(output, plan);
                return plan.Any(c => c.Action == ChangeAction.Impossible) ? ExitCodes.Failure : ExitCodes.Success;
            }

            if (plan.FirstOrDefault(c => c.Action == ChangeAction.Impossible) is { } impossible)
            {
                return DeclarativeVerb.Fail(stderr,
                    $"{impossible.Document.Title} ({impossible.Document.Source}): cannot change {impossible.Fields}: {impossible.Reason}; nothing was applied",
                    ExitCodes.Failure);
            }

            return await ApplyAsync(store, plan, output, stderr);
        });
    }

    private static async Task<int> ApplyAsync(ResourceStore store, IReadOnlyList<PlannedChange> plan, TextWriter output, TextWriter stderr)
    {
        var applied = new List<string>();
        foreach (var change in plan)
        {
            var doc = change.Document;
            try
            {
                switch (change.Action)
                {
                    case ChangeAction.Create:
                        await store.CreateAsync(doc, CancellationToken.None);
                        applied.Add($"{doc.Title} (created)");
                        output.WriteLine($"{doc.Title}: created");
                        break;
                    case ChangeAction.Update:
                        await store.UpdateAsync(doc, change.Changes, CancellationToken.None);
                        applied.Add($"{doc.Title} (updated)");
                        output.WriteLine($"{doc.Title}: updated ({change.Fields})");
                        break;
                    default:
                        output.WriteLine($"{doc.Title}: unchanged");
                        break;
                }
            }
            catch (ApiException e) when (e.Status != 0)
            {
                var before = applied.Count == 0 ? "nothing was applied before it" : "applied before it: " + string.Join(", ", applied);
                return DeclarativeVerb.Fail(stderr, $"{doc.Title} ({doc.Source}): the server refused it: {e.Message} ({e.Code}); {before}", ExitCodes.Failure);
            }
        }

        return ExitCodes.Success;
    }
}
