namespace Greenlight.Core.Deployments;

/// <summary>What a deployment does; each kind has its own flow in <see cref="DeploymentMachine"/>.</summary>
public enum DeploymentKind
{
    /// <summary>Install on the group's instances in batches that respect minimum healthy hosts.</summary>
    InPlace,

    /// <summary>Provision green, install there, shift traffic by weight, block and retire blue.</summary>
    BlueGreen,

    /// <summary>Put traffic back on the original (blue) instances and retire the replacements.</summary>
    BlueGreenRollback,

    /// <summary>The last successful revision onto one instance a scaling group launched (creator autoscaling).</summary>
    AutoScalingLaunch,

    /// <summary>Block traffic and stop the application on an instance being scaled in; never blocks the scale-in.</summary>
    AutoScalingTermination,
}
