using System.CommandLine;
using System.Globalization;
using Greenlight.Bundles;
using Greenlight.Cli.Output;
using Greenlight.Core.AppSpec;

namespace Greenlight.Cli.Commands;

/// <summary>
/// <c>greenlight validate PATH [--strict] [--output table|json]</c>: checks an appspec file, a bundle directory
/// or a .zip/.tar/.tgz/.tar.gz bundle. Prints <c>file:line:column: error|warning CODE: message</c> per finding
/// and a summary. Exit 0 valid, 1 invalid (warnings count with --strict), 2 PATH missing or unreadable.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "An appspec.yml, a bundle directory, or a .zip/.tar/.tgz/.tar.gz bundle." };
        var strict = new Option<bool>("--strict") { Description = "Treat every warning as an error." };
        var output = OutputOption.Create();
        var command = new Command("validate",
            "Check an AppSpec or a whole bundle the way CodeDeploy reads it, and report every problem at once.\n" +
            "Examples:\n" +
            "  greenlight validate appspec.yml\n" +
            "  greenlight validate build/bundle.zip --strict --output json\n" +
            "Exit codes: 0 no errors (and no warnings with --strict); 1 the check failed; 2 the path cannot be read.")
        {
            path,
            strict,
            output,
        };
        command.SetAction(parseResult =>
        {
            var config = parseResult.InvocationConfiguration;
            return Run(parseResult.GetValue(path)!, parseResult.GetValue(strict), parseResult.GetValue(output), config.Output, config.Error);
        });
        return command;
    }

    private static int Run(string path, bool strict, OutputFormat format, TextWriter output, TextWriter error)
    {
        var options = new AppSpecParseOptions { Strict = strict };
        (string? AppSpec, string Label, IReadOnlyList<AppSpecDiagnostic> Diagnostics) outcome;
        try
        {
            outcome = Check(path, options);
        }
        catch (Exception ex) when (ex is BundleReadException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"greenlight validate: {ex.Message}");
            return ExitCodes.UsageError;
        }

        var errors = outcome.Diagnostics.Count(d => d.IsError);
        var warnings = outcome.Diagnostics.Count - errors;
        if (format != OutputFormat.Table)
        {
            StructuredOutput.Write(output, format, new ValidateReport(path, outcome.AppSpec, errors == 0, errors, warnings,
                [.. outcome.Diagnostics.Select(ValidateReportDiagnostic.From)]));
        }
        else
        {
            foreach (var d in outcome.Diagnostics)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{outcome.Label}:{d.Line}:{d.Column}: {ValidateReportDiagnostic.SeverityWord(d)} {d.Code}: {d.Message}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Label}: {(errors == 0 ? "valid" : "invalid")} ({errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")})"));
        }

        return errors == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The appspec found (as a label), the label to report findings under, and every finding; throws <see cref="BundleReadException"/> or <see cref="IOException"/> for an unreadable path.</summary>
    internal static (string? AppSpec, string Label, IReadOnlyList<AppSpecDiagnostic> Diagnostics) Check(string path, AppSpecParseOptions options)
    {
        if (Directory.Exists(path))
        {
            return CheckBundle(DirectoryBundle.Open(path), path, options);
        }

        if (!File.Exists(path))
        {
            throw new BundleReadException($"'{path}' does not exist. Give an appspec.yml, a bundle directory, or a .zip/.tar/.tgz bundle.");
        }

        if (ArchiveBundle.IsArchive(path))
        {
            return CheckBundle(ArchiveBundle.Open(path), path, options);
        }

        var result = AppSpecParser.Parse(CappedText.ReadFile(path), options);
        return (path, path, result.Diagnostics);
    }

    private static (string?, string, IReadOnlyList<AppSpecDiagnostic>) CheckBundle(BundleContents bundle, string path, AppSpecParseOptions options)
    {
        var result = BundleValidator.Validate(bundle.Entries, bundle.ReadText, options);
        return result.AppSpecPath is { } appspec
            ? (bundle.Label(appspec), bundle.Label(appspec), result.Diagnostics)
            : (null, path, result.Diagnostics);
    }

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
