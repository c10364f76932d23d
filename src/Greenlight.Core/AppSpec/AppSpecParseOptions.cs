namespace Greenlight.Core.AppSpec;

/// <summary>Knobs of <see cref="AppSpecParser.Parse"/>.</summary>
public sealed record AppSpecParseOptions
{
    public static readonly AppSpecParseOptions Default = new();

    /// <summary>Report every warning as an error (the code stays the same).</summary>
    public bool Strict { get; init; }
}
