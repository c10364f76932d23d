using System.Diagnostics;
using Greenlight.Server.Fleet.Local;

namespace Greenlight.Server.Tests.Fleet.Local;

public sealed class InstanceMarkerTests
{
    [Fact]
    public void Apply_ServerEnvironment_MarksTheProcessAndWithholdsTheServersTokens()
    {
        var info = new ProcessStartInfo("true");
        info.Environment["GREENLIGHT_TOKEN"] = "glt_admin";
        info.Environment["GREENLIGHT_ENROLLMENT_TOKEN"] = "gle_x";
        info.Environment[InstanceMarker.Variable] = "inherited";
        info.Environment["KEEP"] = "1";

        InstanceMarker.Apply(info, "i-1");

        Assert.Equal("i-1", info.Environment[InstanceMarker.Variable]);
        Assert.Equal("1", info.Environment["KEEP"]);
        Assert.False(info.Environment.ContainsKey("GREENLIGHT_TOKEN"));
        Assert.False(info.Environment.ContainsKey("GREENLIGHT_ENROLLMENT_TOKEN"));
    }
}
