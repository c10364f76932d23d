using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;
using Greenlight.LoadBalancer.Tests.TestSupport;
using static Greenlight.LoadBalancer.Tests.TestSupport.TestConfig;

namespace Greenlight.LoadBalancer.Tests.Runtime;

public sealed class ListenerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("greenlight-lb-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ApplyAsync_HttpsListenerWithPfx_ServesWithThatCertificate()
    {
        using var certificate = SelfSigned();
        var pfx = Path.Combine(_directory, "lb.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx));

        await HttpsRoundTripAsync(new ListenerConfig("lb", "127.0.0.1:0", true, pfx, null, [new WeightedTargetGroup("web", 1)]), certificate);
    }

    [Fact]
    public async Task ApplyAsync_HttpsListenerWithPemAndKey_ServesWithThatCertificate()
    {
        using var certificate = SelfSigned();
        var cert = Path.Combine(_directory, "lb.crt");
        var key = Path.Combine(_directory, "lb.key");
        await File.WriteAllTextAsync(cert, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(key, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());

        await HttpsRoundTripAsync(new ListenerConfig("lb", "127.0.0.1:0", true, cert, key, [new WeightedTargetGroup("web", 1)]), certificate);
    }

    [Fact]
    public async Task ApplyAsync_BadCertificateFile_ListenerErrorNoThrow()
    {
        await using var lb = new LoadBalancerHarness();
        var garbage = Path.Combine(_directory, "bad.pfx");
        await File.WriteAllTextAsync(garbage, "not a certificate");

        var listeners = await lb.Runtime.ApplyAsync(
            new LoadBalancingConfig([new ListenerConfig("lb", "127.0.0.1:0", true, garbage, null, []), new ListenerConfig("lb2", "127.0.0.1:0", true, null, null, [])], []),
            CancellationToken.None);

        Assert.Contains("bad.pfx could not be loaded", listeners[0].Error);
        Assert.Null(listeners[0].BoundAddress);
        Assert.Contains("needs a certificate", listeners[1].Error);
    }

    [Fact]
    public async Task ApplyAsync_AddressInUse_ListenerErrorOthersServe()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = "127.0.0.1:" + ((IPEndPoint)squatter.LocalEndpoint).Port;

        var listeners = await lb.Runtime.ApplyAsync(
            Config([Listener(taken, forward: ("web", 1)), Listener("127.0.0.1:0", "other", ("web", 1))], Group("web", [Target(a)])),
            CancellationToken.None);

        Assert.NotNull(listeners[0].Error);
        Assert.Contains("address already in use", listeners[0].Error, StringComparison.OrdinalIgnoreCase);
        Assert.Null(listeners[0].BoundAddress);
        Assert.Null(listeners[1].Error);
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        Assert.Equal("a", await lb.GetAsync("http://" + listeners[1].BoundAddress + "/"));
        Assert.Equal(listeners, lb.Runtime.Listeners());
    }

    [Fact]
    public async Task ApplyAsync_SameConfigurationTwice_ChangesNothing()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var b = await lb.BackendAsync("b");
        var config = Config(Listener(forward: ("web", 1)), Group("web", [Target(a)]));
        var first = await lb.Runtime.ApplyAsync(config, CancellationToken.None);
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        await lb.Events.WaitForAsync(e => e.Id == "a" && e.To == TargetState.Healthy, "a Healthy event");
        var before = lb.Events.Events.Count;

        var second = await lb.Runtime.ApplyAsync(config with { }, CancellationToken.None);
        // Events are raised in order: b's registration comes after anything the second apply would have raised.
        await lb.Runtime.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a), Target(b)])), CancellationToken.None);
        await lb.Events.WaitForAsync(e => e.Id == "b", "b registered");

        Assert.Equal(first, second);
        Assert.Equal("b", lb.Events.Events[before].Id);
        Assert.Equal(TargetState.Healthy, lb.Runtime.Targets("web").Single(t => t.Id == "a").State);
    }

    [Fact]
    public async Task ApplyAsync_ForwardChangesListenerRemoved_SameServerThenStopped()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var b = await lb.BackendAsync("b");
        var groups = new[] { Group("one", [Target(a)]), Group("two", [Target(b)]) };
        var url = await lb.ApplyAsync(Config(Listener(forward: ("one", 1)), groups));
        await lb.WaitForStateAsync("one", "a", TargetState.Healthy);
        await lb.WaitForStateAsync("two", "b", TargetState.Unused);
        Assert.Equal("a", await lb.GetAsync(url + "/"));

        var moved = await lb.ApplyAsync(Config(Listener(forward: ("two", 1)), groups));
        await lb.WaitForStateAsync("two", "b", TargetState.Healthy);

        Assert.Equal(url, moved);
        Assert.Equal("b", await lb.GetAsync(url + "/"));
        Assert.Equal(TargetState.Unused, lb.Runtime.Targets("one").Single().State);

        var none = await lb.Runtime.ApplyAsync(new LoadBalancingConfig([], [.. groups]), CancellationToken.None);
        Assert.Empty(none);
        await Assert.ThrowsAsync<HttpRequestException>(() => lb.Client.GetAsync(url + "/"));
    }

    private static async Task HttpsRoundTripAsync(ListenerConfig listener, X509Certificate2 certificate)
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var listeners = await lb.Runtime.ApplyAsync(new LoadBalancingConfig([listener], [Group("web", [Target(a)])]), CancellationToken.None);
        Assert.Null(listeners[0].Error);
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        var presented = "";
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) =>
            {
                presented = cert?.GetCertHashString() ?? "";
                return presented == certificate.GetCertHashString();
            } },
        });

        var body = await client.GetStringAsync("https://" + listeners[0].BoundAddress + "/");

        Assert.Equal("a", body);
        Assert.Equal(certificate.GetCertHashString(), presented);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=greenlight-lb-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
