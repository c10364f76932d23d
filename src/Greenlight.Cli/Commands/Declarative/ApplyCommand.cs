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
            "  greenlight apply -f web.yaml -o json\n" +
            "  greenlight export | greenlight apply -f - --server https://other:7480 --token-file other.token\n" +
            "Exit codes: 0 applied (or nothing to do); 1 a change is impossible or the server refused one (the error names the document,\n" +
            "and what was applied before it is listed); 2 bad file or flag, no server or token, server unreachable.")
        { dryRun };
        return command.WithDocuments(files, ExitCodes.Failure, async call =>
        {
            var plan = await ChangePlanner.PlanAsync(call.Store, call.Documents, CancellationToken.None);
            if (call.Parse.GetValue(dryRun))
            {
                DiffReport.Write(call, plan);
                return plan.Any(c => c.Action == ChangeAction.Impossible) ? ExitCodes.Failure : ExitCodes.Success;
            }

            if (plan.FirstOrDefault(c => c.Action == ChangeAction.Impossible) is { } impossible)
            {
                return DeclarativeVerb.Fail(call.Error,
                    $"{impossible.Document.Title} ({impossible.Document.Source}): cannot change {impossible.Fields}: {impossible.Reason}; nothing was applied",
                    ExitCodes.Failure);
            }

            var done = new List<(PlannedChange, string)>();
            var code = await ApplyAsync(call, plan, done);
            if (call.Structured)
            {
                PlanJson.Write(call.Out, call.Format, done);
            }

            return code;
        });
    }

    /// <summary>Makes each change in order; <paramref name="done"/> gets each document's result (created, updated, unchanged).</summary>
    private static async Task<int> ApplyAsync(DeclarativeCall call, IReadOnlyList<PlannedChange> plan, List<(PlannedChange Change, string Result)> done)
    {
        foreach (var change in plan)
        {
            var doc = change.Document;
            try
            {
                var result = change.Action switch
                {
                    ChangeAction.Create => "created",
                    ChangeAction.Update => "updated",
                    _ => "unchanged",
                };
                if (change.Action == ChangeAction.Create)
                {
                    await call.Store.CreateAsync(doc, CancellationToken.None);
                }
                else if (change.Action == ChangeAction.Update)
                {
                    await call.Store.UpdateAsync(doc, change.Changes, CancellationToken.None);
                }

                done.Add((change, result));
                if (!call.Structured)
                {
                    call.Out.WriteLine(change.Action == ChangeAction.Update ? $"{doc.Title}: updated ({change.Fields})" : $"{doc.Title}: {result}");
                }
            }
            catch (ApiException e) when (e.Status != 0)
            {
                var applied = done.Where(d => d.Result != "unchanged").Select(d => $"{d.Change.Document.Title} ({d.Result})").ToList();
                var before = applied.Count == 0 ? "nothing was applied before it" : "applied before it: " + string.Join(", ", applied);
                return DeclarativeVerb.Fail(call.Error, $"{doc.Title} ({doc.Source}): the server refused it: {e.Message} ({e.Code}); {before}", ExitCodes.Failure);
            }
        }

        return ExitCodes.Success;
    }
}
