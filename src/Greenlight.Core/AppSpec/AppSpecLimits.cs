namespace Greenlight.Core.AppSpec;

/// <summary>Hard limits that keep hostile documents cheap to reject (reliability.md §3.8).</summary>
public static class AppSpecLimits
{
    /// <summary>
    /// Largest accepted document, in UTF-8 bytes (64 KiB, as reliability.md §3.8 suggests). Real appspecs are under
    /// 4 KiB; at 1 MiB a document of 100k keys took about 0.6 s to parse, past the 100 ms bound for hostile input.
    /// </summary>
    public const int MaxDocumentBytes = 64 * 1024;

    /// <summary>Deepest accepted nesting of maps and lists. A real appspec needs 5.</summary>
    public const int MaxDepth = 32;

    /// <summary>After this many findings the parser stops and says so.</summary>
    public const int MaxDiagnostics = 500;

    /// <summary>CodeDeploy's default and documented maximum hook timeout, in seconds.</summary>
    public const int DefaultTimeoutSeconds = 3600;
}
