using Greenlight.Server.Alarms;

namespace Greenlight.Server.Tests.Alarms;

/// <summary>Parsing of Prometheus' instant query answers, with bodies as Prometheus 2.x/3.x sends them.</summary>
public sealed class PrometheusResponseTests
{
    [Fact]
    public void Parse_Vector_TakesTheFirstSamplesValue()
    {
        const string Body = """
            {"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up","instance":"127.0.0.1:9090","job":"prometheus"},"value":[1764417603.123,"1"]},{"metric":{"__name__":"up","instance":"127.0.0.1:8080","job":"web"},"value":[1764417603.123,"0"]}]}}
            """;

        Assert.Equal((1.0, (string?)null), PrometheusResponse.Parse(Body));
    }

    [Fact]
    public void Parse_VectorOfAnAggregation_ReadsTheDecimal()
    {
        const string Body = """
            {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1764417603.5,"0.06666666666666667"]}]},"warnings":["PromQL info: metric might not be a counter"]}
            """;

        Assert.Equal(0.06666666666666667, PrometheusResponse.Parse(Body).Value);
    }

    [Fact]
    public void Parse_EmptyVector_IsMissingNotAFailure()
    {
        Assert.Equal(((double?)null, (string?)null), PrometheusResponse.Parse("""{"status":"success","data":{"resultType":"vector","result":[]}}"""));
    }

    [Fact]
    public void Parse_Scalar_ReadsItsValue()
    {
        Assert.Equal(42.5, PrometheusResponse.Parse("""{"status":"success","data":{"resultType":"scalar","result":[1764417603.123,"42.5"]}}""").Value);
    }

    [Theory]
    [InlineData("NaN", null)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("1e-3", 0.001)]
    public void Parse_SpecialValues_NaNIsMissing(string text, double? expected)
    {
        var body = $$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1764417603,"{{{text}}}"]}]}}""";

        Assert.Equal((expected, (string?)null), PrometheusResponse.Parse(body));
    }

    [Fact]
    public void Parse_ErrorAnswer_IsAFailureWithPrometheusMessage()
    {
        const string Body = """
            {"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": 1:5: parse error: unexpected <op:*>"}
            """;

        var (value, error) = PrometheusResponse.Parse(Body);

        Assert.Null(value);
        Assert.Equal("Prometheus answered bad_data: invalid parameter \"query\": 1:5: parse error: unexpected <op:*>", error);
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("""{"hello":"world"}""")]
    [InlineData("""{"status":"success","data":{"resultType":"string","result":[1764417603,"text"]}}""")]
    [InlineData("""{"status":"success"}""")]
    public void Parse_NotANumberAnswer_IsAFailure(string body)
    {
        var (value, error) = PrometheusResponse.Parse(body);

        Assert.Null(value);
        Assert.NotNull(error);
    }
}
