namespace Greenlight.Server.Auth;

/// <summary>
/// What a token may do: <c>admin</c> everything; <c>operator</c> everything but tokens; <c>reader</c> only reads;
/// <c>agent</c> only the agent endpoints, for its own instance. Deny by default.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Reader = "reader";
    public const string Agent = "agent";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, Reader, Agent];

    public static bool CanRead(string role) => role is Admin or Operator or Reader;

    public static bool CanWrite(string role) => role is Admin or Operator;
}
