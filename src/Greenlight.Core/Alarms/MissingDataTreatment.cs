namespace Greenlight.Core.Alarms;

/// <summary>
/// How an alarm treats periods without data (CloudWatch's treatMissingData). Only consulted when the evaluation
/// range holds fewer real datapoints than the rule's EvaluationPeriods; see <see cref="AlarmEvaluator"/>.
/// </summary>
public enum MissingDataTreatment
{
    /// <summary>The default: missing periods are not counted; all missing gives INSUFFICIENT_DATA.</summary>
    Missing,

    /// <summary>Missing periods count as good (within the threshold).</summary>
    NotBreaching,

    /// <summary>Missing periods count as bad (breaching the threshold).</summary>
    Breaching,

    /// <summary>When the data cannot decide, the current state is kept.</summary>
    Ignore,
}
