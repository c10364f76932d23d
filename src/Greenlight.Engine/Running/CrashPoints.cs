namespace Greenlight.Engine.Running;

/// <summary>
/// Named places where a test can make the server die as if by <c>kill -9</c>, to prove restart safety:
/// <see cref="AfterCommit"/> (decision stored, commands not dispatched), <see cref="AfterDispatch"/> (a command
/// carried out, not yet marked dispatched) and <see cref="BetweenTrafficSteps"/> (a weight change carried out,
/// the next step not yet decided). Armed only by the server's test profile, from GREENLIGHT_CRASH_POINT
/// (<c>name</c> or <c>name:n</c> for the n-th time it is reached).
/// </summary>
public sealed class CrashPoints
{
    public const string AfterCommit = "after-commit";
    public const string AfterDispatch = "after-dispatch";
    public const string BetweenTrafficSteps = "between-traffic-steps";

    private readonly string? _armed;
    private readonly int _at;
    private readonly Action<string> _die;
    private int _reached;

    public CrashPoints(string? spec, Action<string> die)
    {
        _die = die;
        if (string.IsNullOrWhiteSpace(spec))
        {
            return;
        }

        var parts = spec.Split(':', 2);
        _armed = parts[0];
        _at = parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
    }

    public static CrashPoints None { get; } = new(null, _ => { });

    public static IReadOnlyList<string> Names { get; } = [AfterCommit, AfterDispatch, BetweenTrafficSteps];

    /// <summary>Dies here if this is the armed point and its count is reached.</summary>
    public void Reach(string name)
    {
        if (_armed is null || !string.Equals(_armed, name, StringComparison.Ordinal))
        {
            return;
        }

        if (Interlocked.Increment(ref _reached) == _at)
        {
            _die(name);
        }
    }
}
