using Greenlight.Contracts.V1;

namespace Greenlight.Server.Deployments;

/// <summary>
/// CodeDeploy's instance selection: an instance matches a list of tag filters if it matches ANY of them, and a
/// tag set if it matches EVERY list of the set. KEY_ONLY matches the key, VALUE_ONLY the value, KEY_AND_VALUE both.
/// </summary>
public static class TagMatcher
{
    public static bool Matches(IReadOnlyList<Tag> tags, TagFilter filter) => tags.Any(t => (filter.Type ?? "KEY_AND_VALUE") switch
    {
        "KEY_ONLY" => t.Key == filter.Key,
        "VALUE_ONLY" => t.Value == filter.Value,
        _ => t.Key == filter.Key && t.Value == filter.Value,
    });

    public static bool MatchesAny(IReadOnlyList<Tag> tags, IReadOnlyList<TagFilter> filters) => filters.Any(f => Matches(tags, f));

    /// <summary>Whether an instance belongs to the group: by its filters, or by its tag set; a group with neither selects nothing.</summary>
    public static bool Selects(DeploymentGroupInfo group, IReadOnlyList<Tag> tags) =>
        group.OnPremisesTagSet?.OnPremisesTagSetList is { Count: > 0 } set
            ? set.All(list => MatchesAny(tags, list))
            : group.OnPremisesInstanceTagFilters.Count > 0 && MatchesAny(tags, group.OnPremisesInstanceTagFilters);
}
