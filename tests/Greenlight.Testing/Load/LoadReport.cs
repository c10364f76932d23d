using System.Globalization;
using System.Text;

namespace Greenlight.Testing.Load;

/// <summary>
/// What a bounded load run saw, with the checks of oracle O1 (shared/reference/reliability.md): every request got exactly
/// one answer, with no transport error and no non-2xx status, and which version served what, when.
/// </summary>
public sealed class LoadReport(IReadOnlyList<LoadSample> samples)
{
    public IReadOnlyList<LoadSample> Samples { get; } = samples;

    public int Sent => Samples.Count;

    public int TransportErrors => Samples.Count(s => s.Error is not null);

    public int Non2xx => Samples.Count(s => s.Error is null && s.Status is < 200 or >= 300);

    /// <summary>Answers that did not echo their request's id: a response matched to the wrong request, or a proxy's own answer.</summary>
    public int MissingEcho => Samples.Count(s => s.Error is null && !s.EchoedId);

    public int Failed => Samples.Count(s => !s.Succeeded);

    public IReadOnlyDictionary<string, int> ByVersion =>
        Samples.Where(s => s.Version is not null).GroupBy(s => s.Version!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Requests sent at or after <paramref name="moment"/> that <paramref name="version"/> answered.</summary>
    public IReadOnlyList<LoadSample> SentAfterAnsweredBy(TimeSpan moment, string version) =>
        [.. Samples.Where(s => s.SentAt >= moment && s.Version == version)];

    /// <summary>A few lines for an assertion message: the counts and the first failures.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Sent} sent, {Failed} failed ({TransportErrors} transport errors, {Non2xx} non-2xx, {MissingEcho} without their id); by version: ");
        text.AppendJoin(", ", ByVersion.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        foreach (var failure in Samples.Where(s => !s.Succeeded).Take(5))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  #{failure.Id} {failure.Path} at {failure.SentAt.TotalSeconds:0.000}s: status {failure.Status} {failure.Error}");
        }

        return text.ToString();
    }
}
