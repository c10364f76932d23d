namespace Greenlight.Core.Tests;

/// <summary>
/// How many cases a property test runs. Quick by default; the long category (trait Category=Property)
/// reads GREENLIGHT_PROPERTY_ITERATIONS, which eng/test.sh sets for CI.
/// </summary>
internal static class PropertyIterations
{
    public const string Category = "Property";

    public static long Long =>
        long.TryParse(Environment.GetEnvironmentVariable("GREENLIGHT_PROPERTY_ITERATIONS"), out var n) && n > 0 ? n : 300;
}
