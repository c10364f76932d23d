namespace Greenlight.Cli.Commands.Up;

/// <summary>Where <c>greenlight up</c> keeps its data without <c>--data</c>: <c>$XDG_DATA_HOME/greenlight</c>, else <c>~/.local/share/greenlight</c>.</summary>
internal static class DefaultDataDirectory
{
    public static string Resolve(Func<string, string?> environment, string home) =>
        environment("XDG_DATA_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
            ? Path.Combine(xdg, "greenlight")
            : Path.Combine(home, ".local", "share", "greenlight");

    public static string Resolve() =>
        Resolve(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
}
