using System.Globalization;
using System.Net;

namespace Greenlight.Sample.Web;

/// <summary>
/// What the sample app serves and where, read once at startup. Each setting comes from the command line
/// (<c>--content DIR</c>, <c>--address A</c>, <c>--port N</c>) or else from the environment
/// (<c>SAMPLE_CONTENT_DIR</c>, <c>GREENLIGHT_INSTANCE_ADDRESS</c>, <c>SAMPLE_PORT</c>), or else its default
/// (the app's own folder, 127.0.0.1, 18080). <c>SAMPLE_SHUTDOWN_SECONDS</c> (default 10) bounds a graceful stop.
/// The version comes from <c>version.txt</c> and the mode from the optional <c>mode.txt</c> in the content folder.
/// </summary>
internal sealed record SampleSettings(IPAddress Address, int Port, string ContentDirectory, string Version, SampleMode Mode, TimeSpan ShutdownTimeout)
{
    public const int DefaultPort = 18080;

    /// <summary>Reads the settings, or returns every problem found (one line each).</summary>
    public static (SampleSettings? Settings, IReadOnlyList<string> Errors) Read(Func<string, string?> setting)
    {
        var errors = new List<string>();
        var addressText = First(setting, "address", "GREENLIGHT_INSTANCE_ADDRESS") ?? "127.0.0.1";
        if (!IPAddress.TryParse(addressText, out var address))
        {
            errors.Add($"address '{addressText}' is not an IP address (GREENLIGHT_INSTANCE_ADDRESS or --address)");
        }

        var portText = First(setting, "port", "SAMPLE_PORT") ?? DefaultPort.ToString(CultureInfo.InvariantCulture);
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            errors.Add($"port '{portText}' is not a number from 1 to 65535 (SAMPLE_PORT or --port)");
        }

        var shutdownText = First(setting, "SAMPLE_SHUTDOWN_SECONDS") ?? "10";
        if (!int.TryParse(shutdownText, NumberStyles.None, CultureInfo.InvariantCulture, out var shutdownSeconds) || shutdownSeconds > 600)
        {
            errors.Add($"SAMPLE_SHUTDOWN_SECONDS '{shutdownText}' is not a number from 0 to 600");
        }

        var content = Path.GetFullPath(First(setting, "content", "SAMPLE_CONTENT_DIR") ?? AppContext.BaseDirectory);
        var version = ReadText(Path.Combine(content, "version.txt"));
        if (string.IsNullOrEmpty(version))
        {
            errors.Add($"no version: {Path.Combine(content, "version.txt")} is missing or empty (--content or SAMPLE_CONTENT_DIR names the folder)");
        }

        var modeText = ReadText(Path.Combine(content, "mode.txt"));
        var mode = SampleMode.Normal;
        if (!string.IsNullOrEmpty(modeText) && (!Enum.TryParse(modeText, ignoreCase: true, out mode) || !Enum.IsDefined(mode)))
        {
            errors.Add($"mode.txt says '{modeText}'; known modes: {string.Join(", ", Enum.GetNames<SampleMode>())}");
        }

        return errors.Count == 0 ? (new SampleSettings(address!, port, content, version!, mode, TimeSpan.FromSeconds(shutdownSeconds)), errors) : (null, errors);
    }

    private static string? First(Func<string, string?> setting, params string[] keys) =>
        keys.Select(setting).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;
}

/// <summary>How the sample behaves, from <c>mode.txt</c>.</summary>
internal enum SampleMode
{
    /// <summary>Every endpoint answers normally.</summary>
    Normal,

    /// <summary><c>GET /</c> answers 500 (for alarm tests); <c>/health</c> and <c>/version</c> stay 200.</summary>
    Error5xx,
}
