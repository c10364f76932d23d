using Greenlight.LoadBalancer.Listeners;

namespace Greenlight.LoadBalancer.Tests.Listeners;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1:8080")]
    [InlineData("127.0.0.1:0", "127.0.0.1:0")]
    [InlineData("localhost:80", "127.0.0.1:80")]
    [InlineData("[::1]:0", "[::1]:0")]
    [InlineData("*:9000", "0.0.0.0:9000")]
    public void TryParse_ValidAddress_Endpoint(string address, string expected)
    {
        var endPoint = ListenAddress.TryParse(address, out var error);

        Assert.Null(error);
        Assert.Equal(expected, ListenAddress.Format(endPoint!));
    }

    [Theory]
    [InlineData("web:80", "is not an IP address")]
    [InlineData("127.0.0.1", "is not HOST:PORT")]
    [InlineData("127.0.0.1:70000", "is not HOST:PORT")]
    [InlineData(":80", "is not HOST:PORT")]
    public void TryParse_BadAddress_ErrorSaysWhy(string address, string expected)
    {
        Assert.Null(ListenAddress.TryParse(address, out var error));
        Assert.Contains(expected, error);
    }
}
