namespace Greenlight.Core.Deployments;

/// <summary>Why a deployment ends early: it decides the final status and which rollback event applies.</summary>
internal enum StopCause
{
    /// <summary>Failed (DEPLOYMENT_FAILURE).</summary>
    Failure,

    /// <summary>Stopped by an alarm (DEPLOYMENT_STOP_ON_ALARM).</summary>
    Alarm,

    /// <summary>Stopped by a user (DEPLOYMENT_STOP_ON_REQUEST).</summary>
    Request,

    /// <summary>Stopped because nobody continued it in time; rolls back like a failure.</summary>
    WaitTimeout,
}
