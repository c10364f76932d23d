using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Greenlight.Contracts.V1;
using Polly;
using Polly.Retry;

namespace Greenlight.Agent.Protocol;

/// <summary>
/// The agent's side of the protocol (v1) over HTTP: enroll, long-poll for tickets, report (with log lines), download
/// bundles. Transient failures (connection refused or dropped, 5xx, timeouts) are retried with exponential backoff and
/// jitter (Polly); 401/403 throw <see cref="AgentRefusedException"/> at once. Reports are idempotent on the server,
/// so a request whose answer was lost is simply sent again.
/// </summary>
public sealed class AgentClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = Contracts.WireJson.Options;

    private readonly HttpClient _http;
    private readonly ResiliencePipeline _retry;

    public AgentClient(string serverUrl, TimeSpan maxRetryDelay, int maxAttempts = int.MaxValue)
    {
        _http = new HttpClient { BaseAddress = new Uri(serverUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(90) };
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TaskCanceledException>(e => e.InnerException is TimeoutException),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = maxRetryDelay,
                MaxRetryAttempts = maxAttempts,
            })
            .Build();
    }

    public void UseCredential(string credential) => _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);

    public Task<EnrollOutput> EnrollAsync(EnrollInput input, CancellationToken cancellationToken) =>
        SendAsync<EnrollOutput>(() => new HttpRequestMessage(HttpMethod.Post, "api/v1/agent/enroll") { Content = JsonContent.Create(input, options: Json) }, cancellationToken);

    public Task<AgentTicketPage> PollAsync(string instance, TimeSpan wait, CancellationToken cancellationToken) =>
        SendAsync<AgentTicketPage>(() => new HttpRequestMessage(HttpMethod.Get,
            $"api/v1/agent/tickets?instanceName={Uri.EscapeDataString(instance)}&waitSeconds={(int)wait.TotalSeconds}"), cancellationToken);

    public Task<AgentReportOutput> ReportAsync(AgentReport report, CancellationToken cancellationToken) =>
        SendAsync<AgentReportOutput>(() => new HttpRequestMessage(HttpMethod.Post, "api/v1/agent/reports") { Content = JsonContent.Create(report, options: Json) }, cancellationToken);

    /// <summary>
    /// Downloads a revision's bundle to <paramref name="path"/> and returns its SHA-256 (lower-case hex). Stops with
    /// <see cref="InvalidDataException"/> past <paramref name="maxBytes"/> (a server that ignores its own Content-Length)
    /// and with a timeout past <paramref name="deadline"/> (a slow-loris download).
    /// </summary>
    public async Task<string> DownloadAsync(string application, string sha256, string path, long maxBytes, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            return await DownloadOnceAsync(application, sha256, path, maxBytes, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            File.Delete(path);
            throw new InvalidDataException($"the bundle download did not finish within {deadline.TotalSeconds:0} s");
        }
    }

    private async Task<string> DownloadOnceAsync(string application, string sha256, string path, long maxBytes, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(async ct =>
        {
            using var response = await _http.GetAsync($"api/v1/applications/{Uri.EscapeDataString(application)}/revisions/{sha256}/bundle", HttpCompletionOption.ResponseHeadersRead, ct);
            await ThrowIfFailedAsync(response, ct);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            long total = 0;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    file.Close();
                    File.Delete(path);
                    throw new InvalidDataException($"the bundle is larger than the agent's limit of {maxBytes} bytes");
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            await file.FlushAsync(ct);
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }, cancellationToken);

    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> request, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(async ct =>
        {
            using var message = request();
            using var response = await _http.SendAsync(message, ct);
            await ThrowIfFailedAsync(response, ct);
            return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
        }, cancellationToken);

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new AgentRefusedException($"the server refused the agent ({(int)response.StatusCode}): {Short(detail)}");
        }

        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            throw new HttpRequestException($"server error {(int)response.StatusCode}", null, response.StatusCode);
        }

        throw new InvalidOperationException($"the server answered {(int)response.StatusCode}: {Short(detail)}");
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] : text;

    public void Dispose() => _http.Dispose();
}
