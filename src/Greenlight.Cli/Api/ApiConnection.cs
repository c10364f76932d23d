using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenlight.Cli.Api;

/// <summary>The CLI's HTTP client for the API: JSON in CodeDeploy's names; a failure is <see cref="ApiException"/> with the server's code and detail.</summary>
public sealed class ApiConnection : IDisposable
{
    public static readonly JsonSerializerOptions Json = Contracts.WireJson.Options;

    private readonly HttpClient _http;

    /// <summary>How long a connection may take to open before the server counts as unreachable.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly string _server;

    public ApiConnection(Uri server, string token)
    {
        _server = server.ToString().TrimEnd('/');
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = ConnectTimeout })
        {
            BaseAddress = new Uri(_server + "/api/v1/"),
            Timeout = TimeSpan.FromMinutes(10),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Task<JsonNode> GetAsync(string path, CancellationToken ct) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);

    public Task<JsonNode> PostAsync(string path, object body, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: Json) }, ct);

    public Task<JsonNode> PutAsync(string path, object body, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, body.GetType(), options: Json) }, ct);

    public Task<JsonNode> DeleteAsync(string path, CancellationToken ct) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), ct);

    public Task<JsonNode> PostBytesAsync(string path, byte[] body, CancellationToken ct)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, ct);
    }

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, ct);
            }
            catch (HttpRequestException e)
            {
                throw new ApiException(ApiException.UnreachableCode, $"cannot reach the server at {_server}: {Reason(e)} (is `greenlight up` or `greenlight server` running?)", []);
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                throw new ApiException(ApiException.TimeoutCode, e.InnerException is TimeoutException && e.Message.Contains("connect", StringComparison.OrdinalIgnoreCase)
                    ? $"cannot reach the server at {_server}: no connection within {(int)ConnectTimeout.TotalSeconds}s (is `greenlight up` or `greenlight server` running?)"
                    : $"the server at {_server} did not answer {request.Method} {request.RequestUri} within {(int)_http.Timeout.TotalSeconds}s", []);
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                var node = Parse(text);
                if (response.IsSuccessStatusCode)
                {
                    return node ?? throw new ApiException("BadResponse", $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} with a body that is not JSON", []);
                }

                var status = (int)response.StatusCode;
                var details = node?["details"] is JsonArray array ? array.Select(d => d?.ToJsonString() ?? "").ToList() : [];
                throw new ApiException(Text(node?["code"]) ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Text(node?["detail"]) ?? Text(node?["message"]) ?? Text(node?["title"]) ?? $"{request.Method} {request.RequestUri}: {status} {response.ReasonPhrase}",
                    details, node?["details"] as JsonArray) { Status = status };
            }
        }
    }

    /// <summary>The body as JSON: an empty object for no body (204), null for a body that is not JSON (a proxy's error page).</summary>
    private static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The innermost cause, e.g. <c>Connection refused (127.0.0.1:7480)</c>.</summary>
    private static string Reason(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public void Dispose() => _http.Dispose();
}

/// <summary>The API refused: its stable code, its message, and details (e.g. appspec findings).</summary>
public sealed class ApiException(string code, string message, IReadOnlyList<string> details, JsonArray? detailNodes = null) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyList<string> Details { get; } = details;

    public JsonArray? DetailNodes { get; } = detailNodes;

    /// <summary>The code of a server that could not be reached (refused, no route, DNS, TLS).</summary>
    public const string UnreachableCode = "Unreachable";

    /// <summary>The code of a server that did not answer in time.</summary>
    public const string TimeoutCode = "Timeout";

    /// <summary>The HTTP status, or 0 when the server was not reached.</summary>
    public int Status { get; init; }

    /// <summary>Whether the request never got an answer: the server is down, unreachable or too slow.</summary>
    public bool Unreachable => Status == 0 && Code is UnreachableCode or TimeoutCode;

    /// <summary>The exit code: 2 when the server could not be reached (nothing ran), 1 when it refused or failed the request.</summary>
    public int ExitCode => Unreachable ? ExitCodes.UsageError : ExitCodes.Failure;

    /// <summary>One line for stderr after a prefix: the message, with the server's code when it answered.</summary>
    public string Line => Unreachable ? Message : $"{Message} ({Code})";
}
