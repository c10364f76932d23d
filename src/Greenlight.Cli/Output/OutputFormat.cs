using System.CommandLine;

namespace Greenlight.Cli.Output;

/// <summary>How a verb prints its result.</summary>
public enum OutputFormat
{
    Table,
    Json,
    Yaml,
}

/// <summary>The shared <c>--output</c> option.</summary>
public static class OutputOption
{
    public static Option<OutputFormat> Create()
    {
        var option = new Option<OutputFormat>("--output", "-o")
        {
            Description = "Output format: table (for people), json or yaml (for scripts; the same data).",
            DefaultValueFactory = _ => OutputFormat.Table,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                switch (text.ToLowerInvariant())
                {
                    case "table":
                        return OutputFormat.Table;
                    case "json":
                        return OutputFormat.Json;
                    case "yaml" or "yml":
                        return OutputFormat.Yaml;
                    default:
                        result.AddError($"--output '{text}' must be table, json or yaml");
                        return OutputFormat.Table;
                }
            },
            HelpName = "table|json|yaml",
        };
        option.CompletionSources.Add(_ => [new("table"), new("json"), new("yaml")]);
        return option;
    }
}
