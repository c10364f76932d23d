using System.Text.RegularExpressions;

namespace Greenlight.Server.Api;

/// <summary>CodeDeploy's name rule for applications, groups, configurations and instances: 1-100 of [A-Za-z0-9._+=,@-].</summary>
public static partial class Names
{
    [GeneratedRegex(@"\A[A-Za-z0-9._+=,@-]{1,100}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Null when valid; else the error naming the field and the rule.</summary>
    public static ApiError? Check(string field, string? value) =>
        value is not null && Pattern().IsMatch(value) && value is not ("." or "..")
            ? null
            : ApiErrors.Invalid($"Invalid{char.ToUpperInvariant(field[0])}{field[1..]}Exception",
                $"{field} '{value}' is invalid: use 1 to 100 characters from A-Z a-z 0-9 . _ + = , @ - (not '.' or '..', which no URL can name)");
}
