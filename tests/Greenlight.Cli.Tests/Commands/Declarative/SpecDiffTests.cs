using System.Text.Json.Nodes;
using Greenlight.Cli.Commands.Declarative;

namespace Greenlight.Cli.Tests.Commands.Declarative;

/// <summary>The comparison of a file's spec with the server's: only the fields the file sets, numbers by value, lists item by item.</summary>
public sealed class SpecDiffTests
{
    [Fact]
    public void Compare_FieldsTheFileLeavesOut_AreNotCompared()
    {
        var changes = SpecDiff.Compare(JsonNode.Parse("""{"minSize":1}"""), JsonNode.Parse("""{"minSize":1,"maxSize":9,"tags":[{"key":"a"}]}"""));

        Assert.Empty(changes);
    }

    [Fact]
    public void Compare_NumbersByValue_TwoEqualsTwoPointZero()
    {
        Assert.Empty(SpecDiff.Compare(JsonNode.Parse("""{"threshold":2}"""), JsonNode.Parse("""{"threshold":2.0}""")));
        Assert.Single(SpecDiff.Compare(JsonNode.Parse("""{"threshold":2}"""), JsonNode.Parse("""{"threshold":2.5}""")));
    }

    [Fact]
    public void Compare_NestedChange_NamesTheFieldPath()
    {
        var changes = SpecDiff.Compare(
            JsonNode.Parse("""{"minimumHealthyHosts":{"value":2},"listeners":[{"address":"127.0.0.1:80"}]}"""),
            JsonNode.Parse("""{"minimumHealthyHosts":{"type":"HOST_COUNT","value":1},"listeners":[{"address":"127.0.0.1:81","state":"active"}]}"""));

        Assert.Equal(["~ spec.minimumHealthyHosts.value: 1 -> 2", "~ spec.listeners[0].address: 127.0.0.1:81 -> 127.0.0.1:80"], changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Compare_ListOfAnotherLength_IsOneChangeOfTheWholeList()
    {
        var changes = SpecDiff.Compare(JsonNode.Parse("""{"events":["A","B"]}"""), JsonNode.Parse("""{"events":["A"]}"""));

        Assert.Equal(["~ spec.events: [\"A\"] -> [\"A\",\"B\"]"], changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Compare_EmptyListAndNoList_AreTheSame_ButAFieldTheServerLacksIsAChange()
    {
        Assert.Empty(SpecDiff.Compare(JsonNode.Parse("""{"tags":[]}"""), JsonNode.Parse("{}")));
        Assert.Equal(["~ spec.trafficRouting: (not set) -> canary:10:5m"],
            SpecDiff.Compare(JsonNode.Parse("""{"trafficRouting":"canary:10:5m"}"""), JsonNode.Parse("{}")).Select(c => c.ToString()));
    }
}
