namespace Greenlight.Core.Alarms;

/// <summary>CloudWatch's three alarm states.</summary>
public enum AlarmState
{
    InsufficientData,
    Ok,
    Alarm,
}
