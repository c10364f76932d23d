using Greenlight.Contracts.V1;
using Greenlight.Core.Traffic;

namespace Greenlight.Server.Api;

/// <summary>
/// Checks a deployment group's traffic and blue/green fields. <see cref="CheckInput"/> looks at one request's fields on
/// their own; <see cref="CheckGroup"/> at the group they make together with what was stored (an update may change the
/// style alone, and the stored target groups must then still fit it). Every problem names its field.
/// </summary>
public static class BlueGreenValidation
{
    /// <summary>The most target groups a deployment group names (CodeDeploy's limit).</summary>
    public const int MaxTargetGroups = 10;

    /// <summary>The longest wait a blue/green option takes, in minutes (two days, as CodeDeploy).</summary>
    public const int MaxWaitMinutes = 2880;

    public static ApiError? CheckInput(DeploymentGroupInput input)
    {
        if (input.LoadBalancerInfo?.TargetGroupInfoList is { } targetGroups)
        {
            if (targetGroups.Count > MaxTargetGroups)
            {
                return Invalid("InvalidTargetGroupPairException",
                    $"loadBalancerInfo.targetGroupInfoList names {targetGroups.Count} target groups; at most {MaxTargetGroups}");
            }

            for (var i = 0; i < targetGroups.Count; i++)
            {
                if (Names.Check($"loadBalancerInfo.targetGroupInfoList[{i}].name", targetGroups[i]?.Name) is { } bad)
                {
                    return Invalid("InvalidLoadBalancerInfoException", bad.Message);
                }

                if (targetGroups.Take(i).Any(t => t?.Name == targetGroups[i]!.Name))
                {
                    return Invalid("InvalidLoadBalancerInfoException", $"loadBalancerInfo.targetGroupInfoList[{i}].name '{targetGroups[i]!.Name}' is named twice");
                }
            }
        }

        if (input.BlueGreenDeploymentConfiguration is { } blueGreen && CheckBlueGreen(blueGreen) is { } blueGreenProblem)
        {
            return blueGreenProblem;
        }

        return !string.IsNullOrEmpty(input.TrafficRouting) && !TrafficScheduleParser.TryParse(input.TrafficRouting, out _, out var error)
            ? Invalid("InvalidTrafficRoutingConfigurationException", $"trafficRouting {error}")
            : null;
    }

    /// <summary>The group as it will be stored: the style's needs (target groups, one scaling group to copy) and trafficRouting's place.</summary>
    public static ApiError? CheckGroup(DeploymentGroupInfo group)
    {
        var blueGreen = group.DeploymentStyle.DeploymentType == "BLUE_GREEN";
        var trafficControl = blueGreen || group.DeploymentStyle.DeploymentOption == "WITH_TRAFFIC_CONTROL";
        if (trafficControl && group.LoadBalancerInfo?.TargetGroupInfoList is not { Count: > 0 })
        {
            return Invalid("InvalidLoadBalancerInfoException", blueGreen
                ? "loadBalancerInfo.targetGroupInfoList is required for a BLUE_GREEN group: name 1 to 10 target groups whose traffic moves from blue to green"
                : "loadBalancerInfo.targetGroupInfoList is required WITH_TRAFFIC_CONTROL: name 1 to 10 target groups the instances are taken out of and put back in");
        }

        if (!blueGreen)
        {
            return group.TrafficRouting is not null
                ? Invalid("InvalidTrafficRoutingConfigurationException", "trafficRouting applies to BLUE_GREEN groups only (deploymentStyle.deploymentType is IN_PLACE)")
                : null;
        }

        var discover = group.BlueGreenDeploymentConfiguration?.GreenFleetProvisioningOption?.Action == "DISCOVER_EXISTING";
        return !discover && group.AutoScalingGroups.Count != 1
            ? Invalid("InvalidAutoScalingGroupException",
                $"autoScalingGroups names {group.AutoScalingGroups.Count} groups; a BLUE_GREEN group with greenFleetProvisioningOption COPY_AUTO_SCALING_GROUP needs exactly one, the blue fleet to copy")
            : null;
    }

    /// <summary>The style as stored: BLUE_GREEN always goes WITH_TRAFFIC_CONTROL.</summary>
    public static DeploymentStyle Normalize(DeploymentStyle style) =>
        style.DeploymentType == "BLUE_GREEN" ? style with { DeploymentOption = "WITH_TRAFFIC_CONTROL" } : style;

    private static ApiError? CheckBlueGreen(BlueGreenDeploymentConfiguration config)
    {
        const string Prefix = "blueGreenDeploymentConfiguration.";
        if (config.TerminateBlueInstancesOnDeploymentSuccess is { } terminate)
        {
            const string Field = Prefix + "terminateBlueInstancesOnDeploymentSuccess.";
            if (terminate.Action is not ("TERMINATE" or "KEEP_ALIVE"))
            {
                return Invalid("InvalidBlueGreenDeploymentConfigurationException", $"{Field}action '{terminate.Action}' must be TERMINATE or KEEP_ALIVE");
            }

            if (Wait(Field + "terminationWaitTimeInMinutes", terminate.TerminationWaitTimeInMinutes, Field + "terminationWaitTimeInSeconds", terminate.TerminationWaitTimeInSeconds) is { } bad)
            {
                return bad;
            }
        }

        if (config.DeploymentReadyOption is { } ready)
        {
            const string Field = Prefix + "deploymentReadyOption.";
            if (ready.ActionOnTimeout is not ("CONTINUE_DEPLOYMENT" or "STOP_DEPLOYMENT"))
            {
                return Invalid("InvalidDeploymentReadyOptionException", $"{Field}actionOnTimeout '{ready.ActionOnTimeout}' must be CONTINUE_DEPLOYMENT or STOP_DEPLOYMENT");
            }

            if (Wait(Field + "waitTimeInMinutes", ready.WaitTimeInMinutes, Field + "waitTimeInSeconds", ready.WaitTimeInSeconds) is { } bad)
            {
                return bad;
            }
        }

        return config.GreenFleetProvisioningOption?.Action is { } action && action is not ("COPY_AUTO_SCALING_GROUP" or "DISCOVER_EXISTING")
            ? Invalid("InvalidGreenFleetProvisioningOptionException",
                $"{Prefix}greenFleetProvisioningOption.action '{action}' must be COPY_AUTO_SCALING_GROUP or DISCOVER_EXISTING")
            : null;
    }

    private static ApiError? Wait(string minutesField, int? minutes, string secondsField, double? seconds)
    {
        if (minutes is < 0 or > MaxWaitMinutes)
        {
            return Invalid("InvalidBlueGreenDeploymentConfigurationException", $"{minutesField} {minutes} must be from 0 to {MaxWaitMinutes}");
        }

        return seconds is { } s && (double.IsNaN(s) || s < 0 || s > MaxWaitMinutes * 60.0)
            ? Invalid("InvalidBlueGreenDeploymentConfigurationException",
                $"{secondsField} {s.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be from 0 to {MaxWaitMinutes * 60}")
            : null;
    }

    private static ApiError Invalid(string code, string message) => ApiErrors.Invalid(code, message);
}
