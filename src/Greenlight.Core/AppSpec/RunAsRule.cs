using System.Text.RegularExpressions;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// The hook <c>runas</c> rule. On Linux it must be a plain user name, <c>^[a-z_][a-z0-9_-]{0,31}$</c>
/// (reliability.md §3.9): <c>root</c>, <c>ec2-user</c>, <c>www-data</c> pass; <c>app; touch /tmp/x</c>,
/// <c>Admin</c> and <c>$(id)</c> are InvalidRunAs. CodeDeploy splices the name into <c>su NAME -c</c>;
/// Greenlight refuses anything a shell could misread. On Windows runas is ignored (RunAsIgnoredOnWindows).
/// </summary>
internal static partial class RunAsRule
{
    public static string? Check(YamlNode? node, string path, AppSpecOs? os, DiagnosticBag diagnostics)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return null;
        }

        if (os == AppSpecOs.Windows)
        {
            diagnostics.Warning(AppSpecDiagnosticCode.RunAsIgnoredOnWindows, node, path,
                "runas is ignored on Windows (the script runs as the agent's account). Remove it.");
            return null;
        }

        if (node is YamlScalar s && UserName().IsMatch(s.Text))
        {
            return s.Text;
        }

        var shown = node is YamlScalar sc ? $"'{sc.Text}'" : node.Kind;
        diagnostics.Error(AppSpecDiagnosticCode.InvalidRunAs, node, path,
            $"runas {shown} is not a plain Linux user name (lower-case letters, digits, '_' and '-', at most 32, not starting with a digit or '-'). Write e.g. 'runas: ec2-user'.");
        return null;
    }

    [GeneratedRegex(@"\A[a-z_][a-z0-9_-]{0,31}\z")]
    private static partial Regex UserName();
}
