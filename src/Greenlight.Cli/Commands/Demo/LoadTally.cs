using System.Globalization;

namespace Greenlight.Cli.Commands.Demo;

/// <summary>What the demo's load saw: requests served by each version, and the failed ones grouped by why.</summary>
internal sealed class LoadTally(IReadOnlyList<LoadAnswer> answers)
{
    public IReadOnlyList<LoadAnswer> Answers { get; } = answers;

    public int Sent => Answers.Count;

    public int Failed => Answers.Count(a => !a.Served);

    /// <summary>Served (2xx) requests per version, e.g. 1.0.0 → 120, 2.0.0 → 380.</summary>
    public IReadOnlyDictionary<string, int> ServedBy => Answers.Where(a => a.Served)
        .GroupBy(a => a.Version ?? "unknown").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Failed requests per reason: <c>500 from 3.0.0</c>, <c>502</c>, <c>HttpRequestException</c>.</summary>
    public IReadOnlyDictionary<string, int> FailedBy => Answers.Where(a => !a.Served)
        .GroupBy(Reason).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>The requests sent at or after <paramref name="moment"/> (on the load's clock).</summary>
    public LoadTally SentFrom(TimeSpan moment) => new([.. Answers.Where(a => a.SentAt >= moment)]);

    /// <summary><c>412 requests: 301 served by 2.0.0, 111 by 1.0.0; 0 failed</c>.</summary>
    public string Describe()
    {
        var served = ServedBy.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var servedText = served.Count == 0
            ? "none served"
            : string.Join(", ", served.Select((p, i) => (i == 0 ? "served by " : "by ") + $"{p.Key} {p.Value}"));
        var failedText = Failed == 0
            ? "0 failed"
            : $"{Failed} failed (" + string.Join(", ", FailedBy.OrderByDescending(p => p.Value).Select(p => $"{p.Value} {p.Key}")) + ")";
        return string.Create(CultureInfo.InvariantCulture, $"{Sent} requests: {servedText}; {failedText}");
    }

    private static string Reason(LoadAnswer answer) => answer switch
    {
        { Error: { } error } => error,
        { Version: { } version } => $"{answer.Status} from {version}",
        _ => answer.Status.ToString(CultureInfo.InvariantCulture),
    };
}
