namespace Greenlight.Cli.Config;

/// <summary>A named server and the token to call it with: a token file's path (preferred) or the token itself.</summary>
public sealed record CliContext(string? Server, string? TokenFile, string? Token);
