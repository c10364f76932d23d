using Greenlight.Contracts.V1;

namespace Greenlight.Server.Fleet;

/// <summary>
/// EC2's version names: a number, <c>$Latest</c> (the newest) or <c>$Default</c> (the one marked default).
/// <code>
/// template with versions 1..3, default 2:  "$Latest" → 3, "$Default" → 2, "1" → 1, "4" → null, "x" → null
/// </code>
/// </summary>
public static class LaunchTemplateVersions
{
    public static LaunchTemplateVersionInfo? Resolve(LaunchTemplateInfo template, string? version) => (version ?? "$Default") switch
    {
        "$Latest" => template.Versions.FirstOrDefault(v => v.VersionNumber == template.LatestVersionNumber),
        "$Default" => template.Versions.FirstOrDefault(v => v.VersionNumber == template.DefaultVersionNumber),
        var text when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) =>
            template.Versions.FirstOrDefault(v => v.VersionNumber == n),
        _ => null,
    };

    public static bool IsValidName(string? version) =>
        version is null or "$Latest" or "$Default" || (int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0);
}
