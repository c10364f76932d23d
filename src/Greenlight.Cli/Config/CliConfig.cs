namespace Greenlight.Cli.Config;

/// <summary>The CLI's config file: named contexts (in the order they were added) and the current one.</summary>
public sealed record CliConfig(string? CurrentContext, IReadOnlyList<KeyValuePair<string, CliContext>> Contexts)
{
    public static CliConfig Empty { get; } = new(null, []);

    /// <summary>The context named <paramref name="name"/>, or null.</summary>
    public CliContext? Find(string name) => Contexts.FirstOrDefault(c => c.Key == name).Value;

    /// <summary>The names, for messages: <c>local, prod</c> or <c>none</c>.</summary>
    public string Names => Contexts.Count == 0 ? "none" : string.Join(", ", Contexts.Select(c => c.Key));

    /// <summary>This config with <paramref name="name"/> added, or replaced in place.</summary>
    public CliConfig With(string name, CliContext context) => this with
    {
        Contexts = Find(name) is null
            ? [.. Contexts, KeyValuePair.Create(name, context)]
            : [.. Contexts.Select(c => c.Key == name ? KeyValuePair.Create(name, context) : c)],
    };

    /// <summary>This config without <paramref name="name"/> (no current context if it was the current one).</summary>
    public CliConfig Without(string name) => new(CurrentContext == name ? null : CurrentContext, [.. Contexts.Where(c => c.Key != name)]);
}
