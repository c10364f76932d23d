using Greenlight.Cli.Commands.Declarative;

namespace Greenlight.Cli.Tests.Commands.Declarative;

/// <summary>Reading declarative YAML: types from the API's input records, names in name:, errors with file:line:column.</summary>
public sealed class DocumentLoaderTests
{
    [Fact]
    public void Parse_TextFieldsThatLookLikeNumbers_StayText_AndNumbersAreTyped()
    {
        var docs = DocumentLoader.Parse("t.yaml", new StringReader(
            "kind: LaunchTemplate\nname: '001'\nspec:\n  launchTemplateData:\n    agent: {pollWait: 10, maxRevisions: 3}\n    tags: [{key: v, value: 1.10}]\n"));

        var data = docs.Single().Spec["launchTemplateData"]!;
        Assert.Equal("001", docs[0].Name);
        Assert.Equal("\"10\"", data["agent"]!["pollWait"]!.ToJsonString());
        Assert.Equal("3", data["agent"]!["maxRevisions"]!.ToJsonString());
        Assert.Equal("\"1.10\"", data["tags"]![0]!["value"]!.ToJsonString());
    }

    [Fact]
    public void Parse_ListDocumentAndEmptyDocuments_ReadsEveryResource()
    {
        var docs = DocumentLoader.Parse("t.yaml", new StringReader(
            "---\n---\n[{\"kind\": \"Application\", \"name\": \"a\"}, {\"kind\": \"DeploymentGroup\", \"name\": \"g\", \"application\": \"a\", \"spec\": {\"watchSeconds\": 30}}]\n"));

        Assert.Equal(["Application a", "DeploymentGroup a/g"], docs.Select(d => d.Title));
        Assert.Equal("t.yaml:3", docs[0].Source);
        Assert.Equal(30, docs[1].Spec["watchSeconds"]!.GetValue<long>());
    }

    [Fact]
    public void Parse_NullField_CountsAsNotSet()
    {
        var docs = DocumentLoader.Parse("t.yaml", new StringReader("kind: TargetGroup\nname: t\nspec:\n  port: 80\n  algorithm: ~\n"));

        Assert.Equal("""{"port":80}""", docs.Single().Spec.ToJsonString());
    }

    [Fact]
    public void Load_SameResourceTwice_NamesBothPlaces()
    {
        using var files = new DeclarativeFiles();
        var a = files.Write("a.yaml", "kind: Alarm\nname: x\n");
        var b = files.Write("b.yaml", "kind: Application\nname: y\n---\nkind: Alarm\nname: x\n");

        var error = Assert.Throws<DeclarativeInputException>(() => DocumentLoader.Load([a, b], TextReader.Null));

        Assert.Equal($"{b}:4: Alarm x is also defined at {a}:1", error.Message);
    }
}
