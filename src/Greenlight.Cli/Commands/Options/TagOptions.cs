using System.CommandLine;
using System.CommandLine.Parsing;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Options;

/// <summary>
/// Tags and tag filters on the command line. A tag is <c>KEY=VALUE</c>. A filter is <c>KEY=VALUE</c> (KEY_AND_VALUE),
/// <c>KEY</c> (KEY_ONLY) or <c>=VALUE</c> (VALUE_ONLY); the same text is how filters are printed.
/// </summary>
internal static class TagOptions
{
    /// <summary>A repeatable <c>--tag KEY=VALUE</c>.</summary>
    public static Option<Tag[]> Tags(string description) => new("--tag")
    {
        Description = description + " Repeatable.",
        HelpName = "KEY=VALUE",
        CustomParser = result => Parse(result, "--tag", ParseTag),
    };

    /// <summary>A repeatable <c>--tag-filter</c> (or another name, e.g. deploy's <c>--green-tag-filter</c>).</summary>
    public static Option<TagFilter[]> Filters(
        string name = "--tag-filter",
        string description = "Select instances by tag: KEY=VALUE (key and value), KEY (key only) or =VALUE (value only). Repeatable; an instance matching any filter is selected.") => new(name)
    {
        Description = description,
        HelpName = "KEY=VALUE|KEY|=VALUE",
        CustomParser = result => Parse(result, name, ParseFilter),
    };

    /// <summary>A repeatable <c>--tag-set</c>: each is one list of filters (ORed); the lists are ANDed.</summary>
    public static Option<TagFilter[][]> TagSet() => new("--tag-set")
    {
        Description = "Select instances matching every set: one set is a comma-separated list of filters, any of which matches. Repeatable.",
        HelpName = "FILTER,FILTER",
        CustomParser = result => Parse(result, "--tag-set", ParseFilterList),
    };

    public static Tag? ParseTag(string text) => text.IndexOf('=', StringComparison.Ordinal) is > 0 and var at ? new Tag(text[..at], text[(at + 1)..]) : null;

    public static TagFilter? ParseFilter(string text) => text.IndexOf('=', StringComparison.Ordinal) switch
    {
        _ when text.Length == 0 || text == "=" => null,
        < 0 => new TagFilter(text, null, "KEY_ONLY"),
        0 => new TagFilter(null, text[1..], "VALUE_ONLY"),
        var at => new TagFilter(text[..at], text[(at + 1)..], "KEY_AND_VALUE"),
    };

    /// <summary>Filters separated by commas (one list of a tag set), or null if any is malformed.</summary>
    public static TagFilter[]? ParseFilterList(string text)
    {
        var filters = text.Split(',', StringSplitOptions.TrimEntries).Select(ParseFilter).ToArray();
        return filters.All(f => f is not null) ? [.. filters.OfType<TagFilter>()] : null;
    }

    /// <summary>A filter as it is written on the command line.</summary>
    public static string Format(TagFilter filter) => filter.Type switch
    {
        "KEY_ONLY" => filter.Key ?? "",
        "VALUE_ONLY" => "=" + filter.Value,
        _ => $"{filter.Key}={filter.Value}",
    };

    private static T[] Parse<T>(ArgumentResult result, string option, Func<string, T?> parse)
        where T : class
    {
        var parsed = new List<T>();
        foreach (var token in result.Tokens)
        {
            if (parse(token.Value) is { } value)
            {
                parsed.Add(value);
            }
            else
            {
                result.AddError(option == "--tag"
                    ? $"--tag '{token.Value}' must be KEY=VALUE"
                    : $"{option} '{token.Value}' must be KEY=VALUE, KEY or =VALUE{(option == "--tag-set" ? ", separated by commas" : "")}");
                return [];
            }
        }

        return [.. parsed];
    }
}
