namespace Greenlight.Core.Alarms;

/// <summary>How a datapoint is compared with an alarm's threshold (CloudWatch's ComparisonOperator).</summary>
public enum ComparisonOperator
{
    GreaterThanThreshold,
    GreaterThanOrEqualToThreshold,
    LessThanThreshold,
    LessThanOrEqualToThreshold,
}
