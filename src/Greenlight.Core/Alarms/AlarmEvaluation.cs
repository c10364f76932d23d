using System.Collections.Immutable;

namespace Greenlight.Core.Alarms;

/// <summary>
/// The verdict with its explanation: the datapoints looked at (the evaluation range, oldest first), how many of the
/// evaluated ones breached (missing periods counted as breaching included), how many were evaluated, and a sentence
/// saying why.
/// </summary>
public sealed record AlarmEvaluation(AlarmState State, int Breaching, int Evaluated, string Reason, ImmutableArray<Datapoint> Datapoints);
