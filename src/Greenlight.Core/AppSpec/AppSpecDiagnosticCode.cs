namespace Greenlight.Core.AppSpec;

/// <summary>
/// Stable identifiers of every AppSpec finding. Names never change once released; docs/appspec.md lists
/// each one with its severity and meaning. The severity of a code is fixed, except that
/// <see cref="AppSpecParseOptions.Strict"/> reports every warning as an error.
/// </summary>
public enum AppSpecDiagnosticCode
{
    // --- YAML and resource limits (errors) ---
    YamlSyntax,
    EmptyDocument,
    DocumentTooLarge,
    NestingTooDeep,
    TagNotAllowed,
    ByteOrderMark,
    TooManyDiagnostics,

    // --- YAML constructs that parse but deserve attention (warnings) ---
    AliasUsed,
    DuplicateKey,
    ExtraDocumentIgnored,

    // --- Shape (errors) ---
    RootNotAMapping,
    WrongType,
    EcsOrLambdaAppSpec,

    // --- Top level ---
    MissingVersion,
    InvalidVersion,
    QuotedVersion,
    MissingOs,
    InvalidOs,
    InvalidFileExistsBehavior,
    IgnoredKey,

    // --- files ---
    MissingSource,
    MissingDestination,
    RelativeDestination,
    DuplicateDestination,
    PathEscapesBundle,
    GlobSource,
    PathStyleMismatch,

    // --- permissions ---
    PermissionsOnWindows,
    MissingObject,
    InvalidPermissionType,
    InvalidMode,
    ModeReadAsOctalByCodeDeploy,

    // --- hooks ---
    UnknownLifecycleEvent,
    ScriptsNeverRun,
    EmptyHookEvent,
    MissingLocation,
    LocationLooksLikeCommand,
    InvalidTimeout,
    TimeoutAboveMaximum,
    InvalidRunAs,
    RunAsIgnoredOnWindows,
    InvalidSudo,

    // --- bundle checks ---
    AppSpecMissing,
    ScriptMissing,
    SourceMissing,
}
