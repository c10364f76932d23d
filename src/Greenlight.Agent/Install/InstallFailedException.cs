namespace Greenlight.Agent.Install;

/// <summary>Carries an expected failure out of deep install code; <see cref="Installer"/> turns it into a value.</summary>
internal sealed class InstallFailedException(InstallError error) : Exception(error.Message)
{
    public InstallError Error { get; } = error;

    public static InstallFailedException Of(InstallErrorCode code, string? path, string message) => new(new InstallError(code, message, path));
}
