using System.Diagnostics;
using Greenlight.Cli.Commands.Demo;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands.Demo;

/// <summary>The demo's check that nothing is left: processes naming its data directory, or marked as one of its instances.</summary>
public sealed class LeftoversTests
{
    [Fact]
    public async Task Find_ProcessNamingTheDataDirectoryAndOneMarkedAsItsInstance_FindsBothUntilTheyExit()
    {
        using var dir = new TempDirectory("gl-leftovers");
        Directory.CreateDirectory(dir.Combine("instances", "i-0123456789abcdef0"));
        using var named = Start("bash", ["-c", $"sleep 30; : {dir.Path}/instances"], null);
        using var marked = Start("sleep", ["30"], "i-0123456789abcdef0");
        using var other = Start("sleep", ["30"], "i-someone-else");
        try
        {
            var found = Leftovers.Find(dir.Path);

            Assert.Contains(found, l => l.StartsWith($"{named.Id} ", StringComparison.Ordinal));
            Assert.Contains(found, l => l.StartsWith($"{marked.Id} ", StringComparison.Ordinal));
            Assert.DoesNotContain(found, l => l.StartsWith($"{other.Id} ", StringComparison.Ordinal));
        }
        finally
        {
            named.Kill(entireProcessTree: true);
            marked.Kill();
            other.Kill();
            await Task.WhenAll(named.WaitForExitAsync(), marked.WaitForExitAsync(), other.WaitForExitAsync());
        }

        Assert.Empty(await Leftovers.WaitForNoneAsync(dir.Path, TimeSpan.FromSeconds(10)));
    }

    private static Process Start(string file, string[] args, string? instance)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (instance is not null)
        {
            info.Environment["GREENLIGHT_LOCAL_INSTANCE"] = instance;
        }

        return Process.Start(info)!;
    }
}
