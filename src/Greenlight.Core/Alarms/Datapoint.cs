namespace Greenlight.Core.Alarms;

/// <summary>One period's value (the statistic the metric source computed for it); null = missing.</summary>
/// <remarks>A NaN value counts as missing too: it cannot be compared with a threshold.</remarks>
public sealed record Datapoint(DateTimeOffset PeriodStart, double? Value)
{
    /// <summary>True when the period has a comparable value.</summary>
    public bool HasValue => Value is { } value && !double.IsNaN(value);
}
