using Greenlight.Server.Fleet.Local;

namespace Greenlight.Server.Tests.Fleet.Local;

public sealed class ProcStatTests
{
    [Theory]
    [InlineData("sleep")]
    [InlineData("a) S 1 (b")]
    [InlineData("with space")]
    public void Parse_NameWithSpacesOrParentheses_ReadsFieldsAfterTheLastParenthesis(string name)
    {
        var line = $"4242 ({name}) Z 1 4242 4240 0 -1 4194560 97 0 0 0 0 0 0 0 20 0 1 0 987654 2228224 134 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        var stat = ProcStat.Parse(4242, line);

        Assert.Equal(new ProcStat(4242, 'Z', 4240, 987654), stat);
        Assert.True(stat!.Value.HasExited);
    }

    [Fact]
    public void IsRunning_ThisProcessWithAnotherStartTime_IsFalse()
    {
        var self = ProcStat.TryRead(Environment.ProcessId)!.Value;

        Assert.True(ProcStat.IsRunning(self.Pid, self.StartTime));
        Assert.False(ProcStat.IsRunning(self.Pid, self.StartTime + 1));
    }
}
