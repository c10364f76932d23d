using Greenlight.Cli.Commands.Up;

namespace Greenlight.Cli.Tests.Commands.Up;

/// <summary>Where <c>greenlight up</c> keeps its data without --data.</summary>
public sealed class DefaultDataDirectoryTests
{
    [Fact]
    public void Resolve_XdgDataHomeSet_UsesItsGreenlightFolder()
    {
        Assert.Equal("/data/greenlight", DefaultDataDirectory.Resolve(v => v == "XDG_DATA_HOME" ? "/data" : null, "/home/ann"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/path")]
    public void Resolve_XdgDataHomeUnsetOrNotAbsolute_UsesLocalShareUnderHome(string? xdg)
    {
        Assert.Equal("/home/ann/.local/share/greenlight", DefaultDataDirectory.Resolve(_ => xdg, "/home/ann"));
    }
}
