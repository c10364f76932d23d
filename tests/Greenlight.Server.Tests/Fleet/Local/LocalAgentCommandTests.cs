using Greenlight.Server.Fleet.Local;

namespace Greenlight.Server.Tests.Fleet.Local;

public sealed class LocalAgentCommandTests
{
    [Fact]
    public void Resolve_UnderTheDotnetHost_IsDotnetAndTheEntryAssembly()
    {
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(Environment.ProcessPath));

        var command = LocalAgentCommand.Resolve();

        Assert.Equal([Environment.ProcessPath!, System.Reflection.Assembly.GetEntryAssembly()!.Location], command);
    }
}
