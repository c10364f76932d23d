namespace Greenlight.Bundles;

/// <summary>
/// What <c>validate</c> needs from a bundle: its entry names (directories end in <c>/</c>) and the text of
/// one entry on demand. <see cref="Label"/> turns an entry path into the name printed in diagnostics,
/// e.g. <c>bundle.zip!myapp/appspec.yml</c>.
/// </summary>
public sealed record BundleContents(
    IReadOnlyCollection<string> Entries,
    Func<string, string?> ReadText,
    Func<string, string> Label);
