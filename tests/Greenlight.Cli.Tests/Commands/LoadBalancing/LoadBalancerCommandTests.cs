using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands.LoadBalancing;

/// <summary>
/// <c>greenlight lb</c> and <c>greenlight tg</c> against a real server, with a real Kestrel backend behind a real
/// listener: requests go through the load balancer, targets become healthy, drain, and the API's refusals exit 1.
/// </summary>
public sealed class LoadBalancerCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TargetGroup_CreateGetUpdateListDelete_RoundTrips()
    {
        await using var cli = await ServerCli.StartAsync();

        var created = cli.Run("tg", "create", "web", "--port", "8080", "--health-path", "/health", "--interval", "0.5s", "--timeout", "200ms",
            "--healthy-threshold", "2", "--matcher", "200-299", "--deregistration-delay", "5s", "--algorithm", "least-outstanding-requests");
        var get = cli.Run("target-group", "get", "web");
        var updated = cli.Run("tg", "update", "web", "--interval", "2s", "--algorithm", "round-robin");
        var health = cli.Json("tg", "get", "web")["targetGroup"]!["healthCheck"]!;
        var list = cli.Run("tg", "list");
        var deleted = cli.Run("tg", "delete", "web");
        var gone = cli.Run("tg", "get", "web");

        Assert.Equal((0, "Created target group web: port 8080, GET /health every 0.5s, timeout 0.2s, matcher 200-299\n"), (created.ExitCode, created.Stdout));
        Assert.Equal(
            [
                "Target group    web",
                "Port            8080",
                "Health check    GET /health every 0.5s, timeout 0.2s, matcher 200-299",
                "Thresholds      healthy 2, unhealthy 2",
                "Deregistration  delay 5s",
                "Algorithm       least-outstanding-requests",
                "Green weight    0%",
                "Load balancers  none",
            ],
            get.Lines[..8]);
        Assert.Equal("INSTANCE  ADDRESS  POOL  STATE  IN-FLIGHT  REASON", get.Lines[^2]);
        Assert.Equal((0, "Updated target group web"), (updated.ExitCode, updated.Lines[0]));
        Assert.Contains("Algorithm       round-robin", updated.Lines);
        Assert.Equal((2.0, "/health", "200-299", 2), (health["intervalSeconds"]!.GetValue<double>(), health["path"]!.GetValue<string>(),
            health["matcher"]!.GetValue<string>(), health["healthyThreshold"]!.GetValue<int>()));
        Assert.Equal("NAME  PORT  HEALTH CHECK                                         ALGORITHM    TARGETS  LOAD BALANCERS\n" +
                     "web   8080  GET /health every 2s, timeout 0.2s, matcher 200-299  round-robin  -        -\n", list.Stdout);
        Assert.Equal((0, "Deleted target group web\n"), (deleted.ExitCode, deleted.Stdout));
        Assert.Equal((1, "error: target group 'web' does not exist (TargetGroupNotFoundException)\n"), (gone.ExitCode, gone.Stderr));
    }

    [Fact]
    public async Task LoadBalancer_WithARealBackend_ForwardsOnceTheTargetIsHealthyAndDrainsOnDeregister()
    {
        await using var cli = await ServerCli.StartAsync();
        await using var backend = await KestrelBackend.StartAsync("backend-1");
        var port = backend.Port.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(0, cli.Run("instance", "register", "web-1").ExitCode);
        Assert.Equal(0, cli.Run("tg", "create", "web", "--port", port, "--health-path", "/health", "--interval", "0.2s", "--timeout", "100ms",
            "--healthy-threshold", "2", "--deregistration-delay", "0s").ExitCode);

        var created = cli.Run("lb", "create", "web-lb", "--listener", "127.0.0.1:0=web");
        var listener = cli.Json("lb", "get", "web-lb")["loadBalancer"]!["listeners"]![0]!;
        var bound = listener["boundAddress"]!.GetValue<string>();
        var get = cli.Run("load-balancer", "get", "web-lb");
        var registered = cli.Run("tg", "register", "web", "--instance", "web-1");
        var healthy = cli.Run("tg", "targets", "web", "--until", "healthy", "--timeout", "30s");
        using var http = new HttpClient { Timeout = Patience };
        var body = await http.GetStringAsync($"http://{bound}/hello");
        var metrics = await Eventually.Until(() => Task.FromResult(cli.Json("tg", "metrics", "web", "--seconds", "60")),
            m => m["total"]!["requests"]!.GetValue<long>() >= 1, Patience, "the request counted in the metrics");
        var metricsTable = cli.Run("tg", "metrics", "web");
        var targets = cli.Run("tg", "targets", "web");
        var inUse = cli.Run("tg", "delete", "web");
        var deregistered = cli.Run("tg", "deregister", "web", "--instance", "web-1");
        var drained = cli.Run("tg", "targets", "web", "--until", "drained", "--timeout", "30s");
        var list = cli.Run("lb", "list");
        var deleted = cli.Run("lb", "delete", "web-lb");
        var emptyList = cli.Run("lb", "list");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal("Created load balancer web-lb", created.Lines[0]);
        Assert.Equal("active", listener["state"]!.GetValue<string>());
        Assert.Matches(@"^127\.0\.0\.1:\d+$", bound);
        Assert.Equal(["Load balancer  web-lb", "ADDRESS      PROTOCOL  STATE   BOUND" + new string(' ', bound.Length - 5) + "  FORWARD  ERROR"], [get.Lines[0], get.Lines[3]]);
        Assert.Equal($"127.0.0.1:0  HTTP      active  {bound}  web:1    -", get.Lines[4]);
        Assert.Equal((0, "Registered web-1 in target group web"), (registered.ExitCode, registered.Lines[0]));
        Assert.True(healthy.ExitCode == 0, healthy.Stdout + healthy.Stderr);
        Assert.Equal("web: all targets healthy", healthy.Lines[^2]);
        Assert.Equal("backend-1", body);
        Assert.Equal(1, metrics["targets"]![0]!["metrics"]!["responses2xx"]!.GetValue<long>());
        Assert.Equal("web-1", metrics["targets"]![0]!["instanceId"]!.GetValue<string>());
        Assert.Equal("Requests        1", metricsTable.Line("Requests"));
        Assert.Equal("Responses       2xx 1, 3xx 0, 4xx 0, 5xx 0", metricsTable.Line("Responses"));
        Assert.Matches(@"^web-1 +1 +1 +0 +0 +0 +0 ", metricsTable.Line("web-1"));
        Assert.Matches($@"^web-1     127\.0\.0\.1:{port}  blue  healthy  0 ", targets.Line("web-1") + " ");
        Assert.Equal(1, inUse.ExitCode);
        Assert.Matches(@"^error: target group 'web' is in use: .*web-lb.* \(TargetGroupInUseException\)\n$", inUse.Stderr);
        Assert.Equal((0, "Deregistering web-1 from target group web"), (deregistered.ExitCode, deregistered.Lines[0]));
        Assert.True(drained.ExitCode == 0, drained.Stdout + drained.Stderr);
        Assert.Equal("web: no target draining", drained.Lines[^2]);
        Assert.Equal($"web-lb  http://{bound}  active  web:1", list.Lines[1].TrimEnd());
        Assert.Equal((0, "Deleted load balancer web-lb\n"), (deleted.ExitCode, deleted.Stdout));
        Assert.Equal("NAME  LISTENERS  STATES  FORWARD\n", emptyList.Stdout);
    }

    [Fact]
    public async Task LoadBalancer_UpdateReplacesTheListenersWithWeights()
    {
        await using var cli = await ServerCli.StartAsync();
        cli.Run("tg", "create", "web", "--port", "8080");
        cli.Run("tg", "create", "canary", "--port", "8081");
        cli.Run("lb", "create", "web-lb", "--listener", "127.0.0.1:0=web");

        var updated = cli.Run("lb", "update", "web-lb", "--listener", "127.0.0.1:0=web:90,canary:10", "--listener", "127.0.0.2:0=canary");
        var listeners = cli.Json("lb", "get", "web-lb")["loadBalancer"]!["listeners"]!.AsArray();
        var canary = cli.Json("tg", "get", "canary")["targetGroup"]!;

        Assert.True(updated.ExitCode == 0, updated.Stderr);
        Assert.Equal("Updated load balancer web-lb", updated.Lines[0]);
        Assert.Equal(["web:90,canary:10", "canary:1"], listeners.Select(l => string.Join(",", l!["forward"]!.AsArray().Select(f => $"{f!["targetGroupName"]}:{f["weight"]}"))));
        Assert.Equal(["web-lb"], canary["loadBalancerNames"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task LoadBalancer_ForwardToAMissingTargetGroup_ExitsOneWithTheServersMessage()
    {
        await using var cli = await ServerCli.StartAsync();

        var result = cli.Run("lb", "create", "web-lb", "--listener", "127.0.0.1:0=nope");
        var list = cli.Json("lb", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: listeners[0].forward[0].targetGroupName 'nope' does not exist; create the target group first (InvalidLoadBalancerException)\n", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Empty(list["loadBalancers"]!.AsArray());
    }

    [Fact]
    public async Task TargetGroup_BadHealthCheckAndUnknownInstance_AreRefusedWithTheField()
    {
        await using var cli = await ServerCli.StartAsync();

        var timeout = cli.Run("tg", "create", "web", "--port", "8080", "--interval", "1s", "--timeout", "2s");
        cli.Run("tg", "create", "web", "--port", "8080");
        var again = cli.Run("tg", "create", "web", "--port", "8080");
        var unknown = cli.Run("tg", "register", "web", "--instance", "ghost");

        Assert.Equal((1, "error: healthCheck.timeoutSeconds 2 must be more than 0 and less than intervalSeconds 1 (InvalidTargetGroupException)\n"), (timeout.ExitCode, timeout.Stderr));
        Assert.Equal((1, "error: target group 'web' already exists (TargetGroupAlreadyExistsException)\n"), (again.ExitCode, again.Stderr));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Matches(@"^error: .*ghost.* \(InvalidTargetException\)\n$", unknown.Stderr);
    }

    [Fact]
    public async Task Targets_UntilHealthyWithNoListener_NotesWhyAndTimesOutWithExitOne()
    {
        await using var cli = await ServerCli.StartAsync();
        cli.Run("instance", "register", "web-1");
        cli.Run("tg", "create", "web", "--port", "9");
        cli.Run("tg", "register", "web", "--instance", "web-1");

        var result = cli.Run("tg", "targets", "web", "--until", "healthy", "--timeout", "1s");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("note: no listener forwards to web, so its targets stay unused until one does\nerror: web did not reach healthy within 1s: 1 unused\n", result.Stderr);
        Assert.Matches(@"^\[ +\d+\.\ds\] web: 1 unused$", result.Lines[0]);
        Assert.Matches(@"^web-1 +127\.0\.0\.1:9 +blue +unused", result.Lines[2]);
    }

    [Fact]
    public async Task LoadBalancer_HttpsListenerWithPemCertAndKey_ServesTheBackendOverTls()
    {
        await using var cli = await ServerCli.StartAsync();
        await using var backend = await KestrelBackend.StartAsync("backend-tls");
        using var dir = new TempDirectory("gl-lb-cert");
        var (cert, key) = (Path.Combine(dir.Path, "lb.crt"), Path.Combine(dir.Path, "lb.key"));
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            File.WriteAllText(cert, selfSigned.ExportCertificatePem());
            File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        }

        cli.Run("instance", "register", "web-1");
        cli.Run("tg", "create", "web", "--port", backend.Port.ToString(CultureInfo.InvariantCulture), "--interval", "0.2s", "--timeout", "100ms", "--healthy-threshold", "2");
        cli.Run("tg", "register", "web", "--instance", "web-1");

        var created = cli.Run("lb", "create", "secure-lb", "--listener", "https://127.0.0.1:0=web", "--cert", cert, "--key", key);
        var listener = cli.Json("lb", "get", "secure-lb")["loadBalancer"]!["listeners"]![0]!;
        var healthy = cli.Run("tg", "targets", "web", "--until", "healthy", "--timeout", "30s");
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var https = new HttpClient(handler) { Timeout = Patience };
        var body = await https.GetStringAsync($"https://{listener["boundAddress"]!.GetValue<string>()}/");

        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Equal(("HTTPS", "active", cert), (listener["protocol"]!.GetValue<string>(), listener["state"]!.GetValue<string>(), listener["certificateFile"]!.GetValue<string>()));
        Assert.Equal(0, healthy.ExitCode);
        Assert.Equal("backend-tls", body);
    }
}
