namespace Greenlight.Cli.Commands.Demo;

/// <summary>Polls a value until it satisfies a condition, bounded by a timeout; the demo never sleeps blindly.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>The first value that satisfies <paramref name="done"/>; <see cref="DemoCheckFailed"/> naming <paramref name="what"/> and the last value on a timeout.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what, Func<T, string> describe, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new DemoCheckFailed($"{what}: not within {timeout.TotalSeconds:0} s (last seen: {describe(value)})");
            }

            await Task.Delay(Interval, ct);
        }
    }
}
