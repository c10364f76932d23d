using Greenlight.Cli.Commands.LoadBalancing;

namespace Greenlight.Cli.Tests.Commands.LoadBalancing;

/// <summary>The <c>--listener</c> syntax: what it reads, and errors that name the bad part.</summary>
public sealed class ListenerSpecParserTests
{
    public static TheoryData<string, string, string, string> Valid() => new()
    {
        { "127.0.0.1:8080=web", "127.0.0.1:8080", "HTTP", "web:1" },
        { "127.0.0.1:8080=web:90,canary:10", "127.0.0.1:8080", "HTTP", "web:90,canary:10" },
        { " 127.0.0.1:0 = web : 3 , canary ", "127.0.0.1:0", "HTTP", "web:3,canary:1" },
        { "http://127.0.0.1:80=web:0", "127.0.0.1:80", "HTTP", "web:0" },
        { "https://127.0.0.1:8443=web", "127.0.0.1:8443", "HTTPS", "web:1" },
        { "HTTPS://localhost:443=a:999", "localhost:443", "HTTPS", "a:999" },
        { "[::1]:8080=web:2", "[::1]:8080", "HTTP", "web:2" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_ValidSpec_ReadsAddressProtocolAndWeights(string text, string address, string protocol, string forward)
    {
        var parsed = ListenerSpecParser.Parse(text);

        Assert.Null(parsed.Error);
        Assert.Equal((address, protocol), (parsed.Spec!.Address, parsed.Spec.Protocol));
        Assert.Equal(forward, string.Join(",", parsed.Spec.Forward!.Select(f => $"{f.TargetGroupName}:{f.Weight}")));
        Assert.Null(parsed.Spec.CertificateFile);
    }

    [Theory]
    [InlineData("127.0.0.1:8080", "no '='")]
    [InlineData("=web", "no address before '='")]
    [InlineData("127.0.0.1=web", "address '127.0.0.1' must be HOST:PORT")]
    [InlineData("127.0.0.1:http=web", "address '127.0.0.1:http' must be HOST:PORT")]
    [InlineData("127.0.0.1:70000=web", "address '127.0.0.1:70000' must be HOST:PORT with a port 0-65535")]
    [InlineData(":8080=web", "address ':8080' must be HOST:PORT")]
    [InlineData("127.0.0.1:8080=", "no target group after '='")]
    [InlineData("127.0.0.1:8080=web,,canary", "an empty target group between commas")]
    [InlineData("127.0.0.1:8080=:10", "':10' has no target group name before ':'")]
    [InlineData("127.0.0.1:8080=web:abc", "weight 'abc' of target group 'web' must be a whole number 0-999")]
    [InlineData("127.0.0.1:8080=web:1000", "weight '1000' of target group 'web' must be a whole number 0-999")]
    [InlineData("127.0.0.1:8080=web:-1", "weight '-1' of target group 'web'")]
    [InlineData("127.0.0.1:8080=web:", "weight '' of target group 'web'")]
    [InlineData("127.0.0.1:8080=web,web:2", "target group 'web' is named twice")]
    [InlineData("tcp://127.0.0.1:8080=web", "'tcp://' must be http:// or https://")]
    public void Parse_BadSpec_NamesTheBadPart(string text, string problem)
    {
        var parsed = ListenerSpecParser.Parse(text);

        Assert.Null(parsed.Spec);
        Assert.StartsWith($"--listener '{text}': ", parsed.Error, StringComparison.Ordinal);
        Assert.Contains(problem, parsed.Error, StringComparison.Ordinal);
    }
}
