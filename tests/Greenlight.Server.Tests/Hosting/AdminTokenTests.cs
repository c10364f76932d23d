using Greenlight.Server.Hosting;
using Greenlight.Store;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Hosting;

public sealed class AdminTokenTests
{
    [Fact]
    public async Task Start_FirstTime_WritesAdminTokenWithMode0600AndOnlyOnce()
    {
        using var dir = new TempDirectory();
        var options = new ServerOptions(dir.Path, "127.0.0.1:0");

        string first;
        await using (var store = StoreFactory.Open("sqlite", dir.Path))
        await using (var host = await ServerHost.StartAsync(options, store, TimeProvider.System, null, CancellationToken.None))
        {
            first = host.NewAdminToken!;
            Assert.StartsWith("glt_", first, StringComparison.Ordinal);
        }

        Assert.Equal(first, File.ReadAllText(options.AdminTokenPath).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.AdminTokenPath));

        await using (var store = StoreFactory.Open("sqlite", dir.Path))
        await using (var again = await ServerHost.StartAsync(options, store, TimeProvider.System, null, CancellationToken.None))
        {
            Assert.Null(again.NewAdminToken);
            using var client = new ApiClient(again.Url, first);
            Assert.Equal(200, (await client.GetAsync("/api/v1/applications")).Status);
        }
    }
}
