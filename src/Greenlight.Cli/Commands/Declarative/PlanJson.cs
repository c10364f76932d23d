using System.Text.Json.Nodes;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// A plan or an apply's results for <c>-o json|yaml</c>: a list of <c>{kind, name, application, action, reason, changes: [{path,
/// current, desired}]}</c>, action being create, update, unchanged or impossible (diff), created, updated or unchanged (apply).
/// </summary>
internal static class PlanJson
{
    public static void Write(TextWriter writer, OutputFormat format, IEnumerable<(PlannedChange Change, string Action)> items)
    {
        var list = new JsonArray();
        foreach (var (change, action) in items)
        {
            var doc = change.Document;
            var item = new JsonObject { ["kind"] = doc.Kind.Name, ["name"] = doc.Name };
            if (doc.Application is not null)
            {
                item["application"] = doc.Application;
            }

            item["action"] = action;
            if (change.Reason is not null)
            {
                item["reason"] = change.Reason;
            }

            item["changes"] = new JsonArray([.. change.Changes.Select(c => new JsonObject
            {
                ["path"] = c.Path, ["current"] = c.Current?.DeepClone(), ["desired"] = c.Desired?.DeepClone(),
            })]);
            list.Add(item);
        }

        StructuredOutput.Write(writer, format, list);
    }

    public static string Word(ChangeAction action) => action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        ChangeAction.Impossible => "impossible",
        _ => "unchanged",
    };
}
