using Greenlight.Contracts.V1;

namespace Greenlight.Server.Api;

/// <summary>Checks a deployment group's fields; every problem names the field and the allowed values.</summary>
public static class DeploymentGroupValidation
{
    private static readonly string[] RollbackEvents = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST"];
    private static readonly string[] FilterTypes = ["KEY_ONLY", "VALUE_ONLY", "KEY_AND_VALUE"];

    public static ApiError? Check(DeploymentGroupInput input)
    {
        var style = input.DeploymentStyle ?? new DeploymentStyle();
        if (style.DeploymentType is not ("IN_PLACE" or "BLUE_GREEN"))
        {
            return Invalid("InvalidDeploymentStyleException", $"deploymentStyle.deploymentType '{style.DeploymentType}' must be IN_PLACE or BLUE_GREEN");
        }

        if (style.DeploymentOption is not ("WITH_TRAFFIC_CONTROL" or "WITHOUT_TRAFFIC_CONTROL"))
        {
            return Invalid("InvalidDeploymentStyleException", $"deploymentStyle.deploymentOption '{style.DeploymentOption}' must be WITH_TRAFFIC_CONTROL or WITHOUT_TRAFFIC_CONTROL");
        }

        if (BlueGreenValidation.CheckInput(input) is { } blueGreenProblem)
        {
            return blueGreenProblem;
        }

        var filters = (input.OnPremisesInstanceTagFilters ?? []).Concat(input.OnPremisesTagSet?.OnPremisesTagSetList?.SelectMany(l => l) ?? []);
        foreach (var filter in filters)
        {
            if (filter.Type is not null && !FilterTypes.Contains(filter.Type))
            {
                return Invalid("InvalidTagFilterException", $"tag filter type '{filter.Type}' must be one of {string.Join(", ", FilterTypes)}");
            }

            if (string.IsNullOrEmpty(filter.Key) && filter.Type != "VALUE_ONLY")
            {
                return Invalid("InvalidTagFilterException", "a tag filter needs a Key (or Type VALUE_ONLY with a Value)");
            }
        }

        if (input.OnPremisesInstanceTagFilters is { Count: > 0 } && input.OnPremisesTagSet is not null)
        {
            return Invalid("InvalidInputException", "use onPremisesInstanceTagFilters or onPremisesTagSet, not both");
        }

        if (input.AutoRollbackConfiguration?.Events?.FirstOrDefault(e => !RollbackEvents.Contains(e)) is { } badEvent)
        {
            return Invalid("InvalidAutoRollbackConfigException", $"autoRollbackConfiguration event '{badEvent}' must be one of {string.Join(", ", RollbackEvents)}");
        }

        if (input.AlarmConfiguration?.Alarms is { Count: > 10 })
        {
            return Invalid("AlarmsLimitExceededException", "an alarm configuration holds at most 10 alarms");
        }

        if (input.OutdatedInstancesStrategy is not (null or "UPDATE" or "IGNORE"))
        {
            return Invalid("InvalidInputException", $"outdatedInstancesStrategy '{input.OutdatedInstancesStrategy}' must be UPDATE or IGNORE");
        }

        if (input.WatchMinutes is < 0 or > 2880)
        {
            return Invalid("InvalidInputException", $"watchMinutes {input.WatchMinutes} must be from 0 to 2880");
        }

        if (input.WatchSeconds is < 0 or > 172_800)
        {
            return Invalid("InvalidInputException", $"watchSeconds {input.WatchSeconds} must be from 0 to 172800");
        }

        return input.AutoScalingGroups is { Count: > 10 }
            ? Invalid("InvalidAutoScalingGroupException", $"autoScalingGroups names {input.AutoScalingGroups.Count} groups; at most 10")
            : null;
    }

    private static ApiError Invalid(string code, string message) => ApiErrors.Invalid(code, message);
}
