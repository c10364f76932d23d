using System.CommandLine;
using System.Globalization;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.LoadBalancing;

/// <summary>The repeatable <c>--instance ID[:PORT]</c> of <c>target-group register</c> and <c>deregister</c>.</summary>
internal static class TargetRefOption
{
    public static Option<TargetRef[]> Create(string description) => new("--instance", "-i")
    {
        Description = description + " Repeatable.",
        HelpName = "ID[:PORT]",
        Required = true,
        CustomParser = result =>
        {
            var refs = new List<TargetRef>();
            foreach (var token in result.Tokens)
            {
                if (Parse(token.Value) is not { } target)
                {
                    result.AddError($"--instance '{token.Value}' must be INSTANCE or INSTANCE:PORT with a port 1-65535, e.g. web-1 or web-1:8080");
                    return [];
                }

                refs.Add(target);
            }

            return [.. refs];
        },
    };

    /// <summary><c>web-1</c> (the group's port), <c>web-1:8081</c>; null for <c>:80</c>, <c>web-1:</c>, <c>web-1:0</c>, <c>web-1:x</c>.</summary>
    public static TargetRef? Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return text.Length > 0 ? new TargetRef(text) : null;
        }

        return colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? new TargetRef(text[..colon], port)
            : null;
    }
}
