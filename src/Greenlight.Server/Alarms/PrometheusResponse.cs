using System.Globalization;
using System.Text.Json;

namespace Greenlight.Server.Alarms;

/// <summary>
/// Reads the body of Prometheus' instant query API (<c>/api/v1/query</c>): <c>{"status":"success","data":{"resultType":
/// "vector"|"scalar"|..., "result":...}}</c>. The first sample's value is the datapoint; an empty vector, NaN or a
/// value that is not a number is missing (null). <c>"status":"error"</c> or a body that is not that JSON is a failure.
/// </summary>
public static class PrometheusResponse
{
    /// <summary>The value (null: missing), or the error that makes it a poll failure.</summary>
    public static (double? Value, string? Error) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status))
            {
                return (null, "the answer is not a Prometheus API response (no status)");
            }

            if (status.GetString() != "success")
            {
                var type = root.TryGetProperty("errorType", out var t) ? t.GetString() : "error";
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : "no detail";
                return (null, $"Prometheus answered {type}: {error}");
            }

            if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty("resultType", out var resultType) || !data.TryGetProperty("result", out var result))
            {
                return (null, "the answer has no data.resultType and data.result");
            }

            return resultType.GetString() switch
            {
                "vector" => result.GetArrayLength() == 0 ? (null, null) : (Sample(result[0].GetProperty("value")), null),
                "matrix" => result.GetArrayLength() == 0 || result[0].GetProperty("values").GetArrayLength() == 0
                    ? (null, null)
                    : (Sample(result[0].GetProperty("values")[result[0].GetProperty("values").GetArrayLength() - 1]), null),
                "scalar" => (Sample(result), null),
                var other => (null, $"resultType '{other}' has no number: the query must give an instant vector or a scalar"),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return (null, "the answer is not a Prometheus API response: " + e.Message);
        }
    }

    /// <summary>A sample <c>[unixTime, "value"]</c>; NaN is missing.</summary>
    private static double? Sample(JsonElement pair)
    {
        var text = pair[1].GetString();
        var value = text switch
        {
            "+Inf" or "Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN,
        };
        return double.IsNaN(value) ? null : value;
    }
}
