using System.Globalization;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// The hook <c>timeout</c> rule, in seconds. Absent or null → 3600. Numbers, and numeric text such as
/// <c>"300"</c>, are accepted; a fraction is cut off like Ruby's <c>to_i</c> (<c>12.7</c> → 12).
/// Zero, negatives and non-numeric text (<c>5m</c>, which the agent would silently read as 5) are
/// InvalidTimeout errors. Above 3600 is a warning (TimeoutAboveMaximum): the agent runs it, but the service
/// gives up on an event after about an hour.
/// </summary>
internal static class TimeoutRule
{
    public static int Check(YamlNode? node, string path, DiagnosticBag diagnostics)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return AppSpecLimits.DefaultTimeoutSeconds;
        }

        double? value = node is YamlScalar s
            ? s.IsPlain
                ? Yaml11.ReadNumber(s.Text)
                : double.TryParse(s.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var q) ? q : null
            : null;

        if (value is not { } v || double.IsNaN(v) || v < 1)
        {
            var shown = node is YamlScalar sc ? $"'{sc.Text}'" : node.Kind;
            diagnostics.Error(AppSpecDiagnosticCode.InvalidTimeout, node, path,
                $"timeout {shown} is not a whole number of seconds of at least 1. Write e.g. 'timeout: 300' (the default is {AppSpecLimits.DefaultTimeoutSeconds}).");
            return AppSpecLimits.DefaultTimeoutSeconds;
        }

        if (v > AppSpecLimits.DefaultTimeoutSeconds)
        {
            diagnostics.Warning(AppSpecDiagnosticCode.TimeoutAboveMaximum, node, path,
                $"timeout {v} is above CodeDeploy's maximum of {AppSpecLimits.DefaultTimeoutSeconds} seconds per lifecycle event. Lower it to {AppSpecLimits.DefaultTimeoutSeconds} or less.");
        }

        return v >= int.MaxValue ? int.MaxValue : (int)Math.Truncate(v);
    }
}
