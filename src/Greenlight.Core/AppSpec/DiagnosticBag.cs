using System.Collections.Immutable;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// Collects findings in document order. In strict mode warnings are recorded as errors. After
/// <see cref="AppSpecLimits.MaxDiagnostics"/> findings it records one <see cref="AppSpecDiagnosticCode.TooManyDiagnostics"/>
/// and drops the rest, so a hostile document cannot produce an unbounded report.
/// </summary>
internal sealed class DiagnosticBag(bool strict)
{
    private readonly List<AppSpecDiagnostic> _items = [];
    private bool _full;

    public bool HasErrors { get; private set; }

    public void Error(AppSpecDiagnosticCode code, int line, int column, string path, string message) =>
        Add(code, AppSpecSeverity.Error, line, column, path, message);

    public void Error(AppSpecDiagnosticCode code, YamlNode at, string path, string message) =>
        Add(code, AppSpecSeverity.Error, at.Line, at.Column, path, message);

    public void Warning(AppSpecDiagnosticCode code, int line, int column, string path, string message) =>
        Add(code, strict ? AppSpecSeverity.Error : AppSpecSeverity.Warning, line, column, path, message);

    public void Warning(AppSpecDiagnosticCode code, YamlNode at, string path, string message) =>
        Warning(code, at.Line, at.Column, path, message);

    public ImmutableArray<AppSpecDiagnostic> ToImmutable() =>
        [.. _items.OrderBy(d => d.Line).ThenBy(d => d.Column)];

    private void Add(AppSpecDiagnosticCode code, AppSpecSeverity severity, int line, int column, string path, string message)
    {
        HasErrors |= severity == AppSpecSeverity.Error;
        if (_full)
        {
            return;
        }

        if (_items.Count >= AppSpecLimits.MaxDiagnostics)
        {
            _full = true;
            HasErrors = true;
            _items.Add(new AppSpecDiagnostic(
                AppSpecDiagnosticCode.TooManyDiagnostics, AppSpecSeverity.Error,
                $"More than {AppSpecLimits.MaxDiagnostics} problems; the rest are not listed. Fix the ones above first.",
                Math.Max(1, line), Math.Max(1, column), ""));
            return;
        }

        _items.Add(new AppSpecDiagnostic(code, severity, message, Math.Max(1, line), Math.Max(1, column), path));
    }
}
