using System.Globalization;
using System.Text.Json.Nodes;
using Greenlight.Bundles;
using Greenlight.Cli.Api;
using Greenlight.Core.AppSpec;

namespace Greenlight.Cli.Commands.Revisions;

/// <summary>
/// What <c>push</c> and <c>revision upload</c> share: check the bundle's appspec here first (as <c>greenlight validate</c>
/// does, every finding with its file:line:column on stderr, a usage error when there are errors), then bundle a directory
/// (<see cref="BundleZipper"/>) or read an archive, and upload it. The server checks again and keeps nothing that fails.
/// </summary>
internal static class RevisionUpload
{
    /// <summary>Checks, bundles and uploads <paramref name="path"/>; the API's RevisionInfo answer.</summary>
    public static async Task<JsonNode> RunAsync(ApiCall call, string app, string path, string? description)
    {
        Check(path, call.Parse.InvocationConfiguration.Error);
        var (bytes, type) = Directory.Exists(path) ? (BundleZipper.Zip(path), "zip") : (await File.ReadAllBytesAsync(path), TypeOf(path));
        var query = $"applications/{Uri.EscapeDataString(app)}/revisions?bundleType={type}" +
                    (description is null ? "" : "&description=" + Uri.EscapeDataString(description));
        try
        {
            return await call.Api.PostBytesAsync(query, bytes, CancellationToken.None);
        }
        catch (ApiException e) when (e.DetailNodes is { Count: > 0 } details)
        {
            foreach (var d in details)
            {
                call.Parse.InvocationConfiguration.Error.WriteLine($"{d?["file"]}:{d?["line"]}:{d?["column"]}: {d?["severity"]} {d?["code"]}: {d?["message"]}");
            }

            throw;
        }
    }

    /// <summary>The uploaded revision's sha256 from a RevisionInfo answer.</summary>
    public static string Sha256(JsonNode answer) => answer["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>();

    /// <summary>Writes every finding to <paramref name="stderr"/>; a <see cref="UsageException"/> (exit 2) when the path is unreadable or its appspec has errors.</summary>
    private static void Check(string path, TextWriter stderr)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new UsageException($"'{path}' does not exist: give a bundle directory (with an appspec.yml at its root) or a .zip/.tar/.tgz bundle");
        }

        (string? AppSpec, string Label, IReadOnlyList<AppSpecDiagnostic> Diagnostics) outcome;
        try
        {
            outcome = ValidateCommand.Check(path, new AppSpecParseOptions());
        }
        catch (Exception e) when (e is BundleReadException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException(e.Message);
        }

        foreach (var d in outcome.Diagnostics)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Label}:{d.Line}:{d.Column}: {ValidateReportDiagnostic.SeverityWord(d)} {d.Code}: {d.Message}"));
        }

        var errors = outcome.Diagnostics.Count(d => d.IsError);
        if (errors > 0)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Label} is not a valid bundle ({errors} error{(errors == 1 ? "" : "s")} above): fix them, then push again (greenlight validate {path} checks without uploading)"));
        }
    }

    private static string TypeOf(string path) =>
        path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) ? "tgz"
        : path.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) ? "tar" : "zip";
}
