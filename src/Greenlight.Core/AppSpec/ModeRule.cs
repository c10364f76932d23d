namespace Greenlight.Core.AppSpec;

/// <summary>Checks a permissions <c>mode</c> value; see <see cref="PermissionMode"/> for the reading rules.</summary>
internal static class ModeRule
{
    public static PermissionMode? Check(YamlNode node, string path, DiagnosticBag diagnostics)
    {
        if (node is not YamlScalar { IsNull: false } s || PermissionMode.TryParse(s.Text) is not { } mode)
        {
            var shown = node is YamlScalar sc ? $"'{sc.Text}'" : node.Kind;
            diagnostics.Error(AppSpecDiagnosticCode.InvalidMode, node, path,
                $"mode {shown} is not 1-4 octal digits (0-7). Write it like mode: \"644\" or \"0755\"; symbolic modes such as u+x are not supported.");
            return null;
        }

        var agent = PermissionMode.AsCodeDeployReads(s.Text, s.IsPlain);
        if (agent is null)
        {
            diagnostics.Warning(AppSpecDiagnosticCode.ModeReadAsOctalByCodeDeploy, s, path,
                $"Unquoted mode {s.Text} is read by CodeDeploy's YAML 1.1 parser as the octal number {Yaml11.ReadInteger(s.Text)}, which it rejects. Greenlight applies {mode.Octal}. Quote it: mode: \"{s.Text}\".");
        }
        else if (agent.Value != mode.Value)
        {
            diagnostics.Warning(AppSpecDiagnosticCode.ModeReadAsOctalByCodeDeploy, s, path,
                $"Unquoted mode {s.Text} is read by CodeDeploy as the octal number {Yaml11.ReadInteger(s.Text)} and applied as {agent.Octal}. Greenlight applies {mode.Octal}. Quote it: mode: \"{s.Text}\".");
        }

        return mode;
    }
}
