using Greenlight.Testing;

namespace Greenlight.Server.Tests.Api;

public sealed class RevisionsApiTests
{
    [Fact]
    public async Task Upload_ValidBundle_IsStoredByContentAndListed()
    {
        await using var server = await TestServer.StartAsync();
        await TestFleet.CreateAsync(server.Admin, 1);

        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var again = await TestFleet.RevisionAsync(server.Admin, "v1");
        var (_, list) = await server.Admin.GetAsync("/api/v1/applications/web/revisions");

        Assert.Equal(sha, again);
        Assert.Single(list!["revisions"]!.AsArray());
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "revisions", sha[..2], sha + ".zip")));
    }

    [Theory]
    [InlineData("version: 1.0\nos: ubuntu\n", "InvalidVersion@1:10,InvalidOs@2:5")]
    [InlineData("version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/missing.sh\n", "ScriptMissing@5:17")]
    public async Task Upload_BadAppSpec_Is400WithEveryErrorAndPositionAndStoresNothing(string appSpec, string expected)
    {
        await using var server = await TestServer.StartAsync();
        await TestFleet.CreateAsync(server.Admin, 1);

        var (status, body) = await TestFleet.UploadAsync(server.Admin, TestBundles.Zip("v1", appSpec));
        var (_, list) = await server.Admin.GetAsync("/api/v1/applications/web/revisions");

        Assert.Equal(400, status);
        Assert.Equal("InvalidAppSpecException", body!["code"]!.GetValue<string>());
        var codes = body["details"]!.AsArray().Where(d => d!["severity"]!.GetValue<string>() == "Error").Select(d => $"{d!["code"]}@{d["line"]}:{d["column"]}");
        Assert.Equal(expected, string.Join(",", codes));
        Assert.Empty(list!["revisions"]!.AsArray());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "revisions"), "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("rar", "InvalidBundleTypeException")]
    [InlineData("tgz", "InvalidRevisionException")]
    public async Task Upload_WrongType_Is400(string type, string code)
    {
        await using var server = await TestServer.StartAsync();
        await TestFleet.CreateAsync(server.Admin, 1);

        var (status, body) = await TestFleet.UploadAsync(server.Admin, TestBundles.Zip(), type);

        Assert.Equal(400, status);
        Assert.Equal(code, body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_FromHostNotAllowed_IsRefusedBeforeAnyDownload()
    {
        await using var server = await TestServer.StartAsync();
        await TestFleet.CreateAsync(server.Admin, 1);

        var (status, body) = await server.Admin.PostAsync("/api/v1/applications/web/revisions/register",
            new { url = "http://169.254.169.254/latest/meta-data", sha256 = new string('a', 64), bundleType = "zip" });

        Assert.Equal(400, status);
        Assert.Equal("RevisionHostNotAllowedException", body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_FromAllowedHost_DownloadsVerifiesAndStores()
    {
        await using var server = await TestServer.StartAsync(["127.0.0.1"]);
        await TestFleet.CreateAsync(server.Admin, 1);
        var bundle = TestBundles.Zip("v7");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bundle));
        await using var origin = LoopbackOrigin.Bytes(bundle);

        var (wrong, wrongBody) = await server.Admin.PostAsync("/api/v1/applications/web/revisions/register",
            new { url = origin.Url + "bundle.zip", sha256 = new string('0', 64), bundleType = "zip" });
        var (status, body) = await server.Admin.PostAsync("/api/v1/applications/web/revisions/register",
            new { url = origin.Url + "bundle.zip", sha256 = sha, bundleType = "zip", description = "from CI" });

        Assert.Equal(400, wrong);
        Assert.Equal("InvalidRevisionException", wrongBody!["code"]!.GetValue<string>());
        Assert.Equal(201, status);
        Assert.Equal(sha, body!["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>());
        Assert.Equal("from CI", body["genericRevisionInfo"]!["description"]!.GetValue<string>());
    }
}
