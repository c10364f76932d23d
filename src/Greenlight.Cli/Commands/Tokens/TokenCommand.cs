using System.CommandLine;
using System.Globalization;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Tokens;

/// <summary>
/// <c>greenlight token create|list|revoke</c> (admin only): API tokens. The secret is printed once, by create, to stdout
/// only; the server keeps its hash and list never shows it.
/// </summary>
internal static class TokenCommand
{
    public static Command Create() => new Command("token",
        "Create, list and revoke API tokens (admin only). Roles: read (the server's reader: look), write (operator: deploy and change\n" +
        "resources), admin (also tokens), agent (one instance's agent; needs --instance). The secret is printed once, when created:\n" +
        "keep it in a file (--token-file).\n" +
        "Examples:\n" +
        "  greenlight token create --role write --name ci\n" +
        "  greenlight token list\n" +
        "  greenlight token revoke tok-0123456789abcdef\n" +
        Help.ApiExitCodes)
    {
        CreateVerb(), List(), Revoke(),
    }.AsGroup();

    private static Command CreateVerb()
    {
        var role = new Option<string>("--role") { Description = "read (or reader), write (or operator), admin or agent.", HelpName = "ROLE", Required = true };
        role.AcceptOnlyFromAmong("read", "reader", "write", "operator", "admin", "agent");
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. ci (default: ROLE-YYYYMMDD-HHMMSS).", HelpName = "NAME" };
        var instance = new Option<string>("--instance") { Description = "The instance an agent token belongs to (--role agent only).", HelpName = "NAME" };
        var expires = new Option<int?>("--expires-in-days") { Description = "Expire after this many days, 1-3650 (default: never).", HelpName = "DAYS" };
        return new Command("create", Help.Verb("Create a token and print its secret, once. -o json prints it in the token field.",
            "token create --role write --name ci", "token create --role read --name dashboard --expires-in-days 90",
            "token create --role agent --instance web-1"))
        {
            role, name, instance, expires,
        }.WithApi(async call =>
        {
            var roleName = ServerRole(call.Get(role)!);
            var tokenName = call.Get(name) ?? $"{roleName}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
            var answer = await call.Api.PostAsync("tokens", new CreateTokenInput(tokenName, roleName, call.Get(instance), call.Get(expires)), CancellationToken.None);
            return call.Print(answer, w =>
            {
                w.WriteLine($"Created token {Cells.Text(answer["id"])} ({Cells.Text(answer["name"])}, role {Cells.Text(answer["role"])}). Its secret, shown only this once:");
                w.WriteLine(Cells.Text(answer["token"]));
            });
        });
    }

    /// <summary>The server's role name: read is reader, write is operator.</summary>
    internal static string ServerRole(string role) => role switch
    {
        "read" => "reader",
        "write" => "operator",
        _ => role,
    };

    private static Command List() => new Command("list", Help.Verb("List tokens (never their secrets): id, name, role, instance, created, expires, revoked.",
        "token list", "token list -o json")).WithApi(async call =>
    {
        var answer = await call.Api.GetAsync("tokens", CancellationToken.None);
        var table = new Table("ID", "NAME", "ROLE", "INSTANCE", "CREATED", "EXPIRES", "REVOKED");
        foreach (var t in Cells.Items(answer["tokens"]))
        {
            table.Add(Cells.Text(t["id"]), Cells.Text(t["name"]), Cells.Text(t["role"]), Cells.Text(t["instanceName"]), Cells.Time(t["createdAt"]),
                Cells.Time(t["expiresAt"]), Cells.Time(t["revokedAt"]));
        }

        return call.Print(answer, table.Write);
    });

    private static Command Revoke()
    {
        var id = new Argument<string>("token-id") { Description = "The token's id (greenlight token list)." };
        return new Command("revoke", Help.Verb("Revoke a token: every call with it is refused from now on (an agent's long poll is cut off at once).",
            "token revoke tok-0123456789abcdef"))
        {
            id,
        }.WithApi(async call =>
        {
            var answer = await call.Api.DeleteAsync("tokens/" + Uri.EscapeDataString(call.Get(id)), CancellationToken.None);
            return call.Done(answer, $"Revoked token {call.Get(id)}");
        });
    }
}
