namespace Greenlight.Core.AppSpec;

/// <summary>
/// One <c>files</c> entry. <see cref="Source"/> is as written; <see cref="BundleSource"/> is the
/// bundle-relative path it resolves to (see <see cref="BundlePath"/>), empty for the whole bundle.
/// <see cref="Line"/>/<see cref="Column"/> point at the <c>source</c> value.
/// </summary>
public sealed record FileMapping(string Source, string BundleSource, string Destination, int Line, int Column);
