using System.Text.Json.Nodes;
using Greenlight.Cli.Output;

namespace Greenlight.Cli.Tests.Output;

/// <summary>The YAML writer: the same tree as the JSON, keys in order, strings quoted only when they must be.</summary>
public sealed class YamlOutputTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { """{"name":"web","count":3,"ratio":0.5,"on":true,"off":false,"none":null}""", "name: web\ncount: 3\nratio: 0.5\n\"on\": true\n\"off\": false\nnone: null\n" },
        { """{"b":1,"a":2}""", "b: 1\na: 2\n" },
        { """{"outer":{"inner":{"x":"z"}}}""", "outer:\n  inner:\n    x: z\n" },
        { """{"list":[1,"two",{"k":"v","w":[]}]}""", "list:\n  - 1\n  - two\n  - k: v\n    w: []\n" },
        { """{"empty":{},"none":[]}""", "empty: {}\nnone: []\n" },
        { """["true","007","null","1.5","2025-06-01","yes","~","","1e3","0x1F",".inf","12:30","y"]""",
            "- \"true\"\n- \"007\"\n- \"null\"\n- \"1.5\"\n- \"2025-06-01\"\n- \"yes\"\n- \"~\"\n- \"\"\n- \"1e3\"\n- \"0x1F\"\n- \".inf\"\n- \"12:30\"\n- \"y\"\n" },
        { """{"time":"2025-06-01T14:03:07Z","sha":"3f2a9e","id":"d-ABC123"}""", "time: \"2025-06-01T14:03:07Z\"\nsha: 3f2a9e\nid: d-ABC123\n" },
        { "null", "null\n" },
        { "42", "42\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_JsonTree_IsThisYaml(string json, string yaml)
    {
        var written = Yaml(json);

        Assert.Equal(yaml, written);
        YamlTree.AssertSame(json, written);
    }

    [Theory]
    [InlineData("""{"msg":"a: b # c"}""")]
    [InlineData("""{"msg":"- starts like an item"}""")]
    [InlineData("""{"msg":"line one\nline two\n"}""")]
    [InlineData("""{"msg":"  padded  "}""")]
    [InlineData("""{"msg":"tab\there, bell\u0007, quote \" and ' and \\ back"}""")]
    [InlineData("""{"msg":"[not, a, list]","other":"{not: a map}","star":"*alias","amp":"&anchor","bang":"!tag","pct":"%dir","at":"@x","tick":"`x"}""")]
    [InlineData("""{"key: with colon":1,"true":2,"":3}""")]
    [InlineData("""{"unicode":"héllo → 世界"}""")]
    public void Write_StringsYamlSyntaxWouldChange_ReadBackUnchanged(string json) => YamlTree.AssertSame(json, Yaml(json));

    [Fact]
    public void WriteOfT_Record_UsesTheJsonStyle()
    {
        using var text = new StringWriter { NewLine = "\n" };

        StructuredOutput.Write(text, OutputFormat.Yaml, new { DeploymentId = "d-1", Skipped = (string?)null, Format = OutputFormat.Yaml });

        Assert.Equal("deploymentId: d-1\nformat: Yaml\n", text.ToString().ReplaceLineEndings("\n"));
    }

    private static string Yaml(string json)
    {
        using var text = new StringWriter { NewLine = "\n" };
        StructuredOutput.Write(text, OutputFormat.Yaml, JsonNode.Parse(json));
        return text.ToString().ReplaceLineEndings("\n");
    }
}
