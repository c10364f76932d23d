namespace Greenlight.Core.AppSpec;

/// <summary>
/// The <c>version</c> rule. The agent checks <c>[0.0].include?(version)</c> on the YAML 1.1 value, so any
/// number equal to zero passes and every string fails.
/// <list type="table">
/// <item><term><c>0.0</c>, <c>0</c>, <c>0.00</c>, <c>0.</c></term><description>accepted (numbers equal to 0)</description></item>
/// <item><term><c>"0.0"</c>, <c>'0'</c></term><description>accepted with QuotedVersion: CodeDeploy refuses the string; Greenlight
/// accepts it because the docs call version "a string"</description></item>
/// <item><term><c>0.1</c>, <c>1.0</c>, <c>"1.0.0"</c>, <c>latest</c>, absent</term><description>InvalidVersion / MissingVersion</description></item>
/// </list>
/// </summary>
internal static class VersionRule
{
    public static void Check(YamlNode? node, YamlMapping root, DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            diagnostics.Error(AppSpecDiagnosticCode.MissingVersion, root, "version",
                "The appspec has no 'version'. Add 'version: 0.0' at the top.");
            return;
        }

        if (node is YamlScalar { IsNull: false } s && Yaml11.ReadNumber(s.Text) is 0.0)
        {
            if (!s.IsPlain)
            {
                diagnostics.Warning(AppSpecDiagnosticCode.QuotedVersion, s, "version",
                    $"version is the quoted text \"{s.Text}\"; CodeDeploy compares it with the number 0.0 and rejects it. Write version: 0.0 without quotes.");
            }

            return;
        }

        var shown = node is YamlScalar sc ? $"'{sc.Text}'" : node.Kind;
        diagnostics.Error(AppSpecDiagnosticCode.InvalidVersion, node, "version",
            $"version {shown} is not supported; the only AppSpec version is 0.0. Write 'version: 0.0'.");
    }
}
