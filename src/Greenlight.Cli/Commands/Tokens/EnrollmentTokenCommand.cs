using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Options;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Tokens;

/// <summary>
/// <c>greenlight enrollment-token create</c> (admin only): a token an agent exchanges, on its first start, for its own
/// credential. The secret is printed once, to stdout only.
/// </summary>
internal static class EnrollmentTokenCommand
{
    public static Command Create() => new Command("enrollment-token",
        "Create enrollment tokens (admin only): an agent's first start exchanges one for its own credential and registers its instance.\n" +
        "Examples:\n" +
        "  greenlight enrollment-token create --name web-hosts --uses 10 --tag role=web\n" +
        "  GREENLIGHT_ENROLLMENT_TOKEN=gle_... greenlight agent --server http://10.0.0.5:7480 --name web-1\n" +
        Help.ApiExitCodes)
    {
        CreateVerb(),
    }.AsGroup();

    private static Command CreateVerb()
    {
        var name = new Option<string>("--name") { Description = "What the token is for (default: enroll).", HelpName = "NAME", DefaultValueFactory = _ => "enroll" };
        var uses = new Option<int>("--uses") { Description = "How many agents may enroll with it, 1-10000 (default 1).", HelpName = "N", DefaultValueFactory = _ => 1 };
        var expires = new Option<int>("--expires-in-hours") { Description = "Expire after this many hours, 1-8760 (default 24).", HelpName = "HOURS", DefaultValueFactory = _ => 24 };
        var tags = TagOptions.Tags("Tags every instance enrolled with it gets (KEY=VALUE); an agent's own --tags win on the same key.");
        return new Command("create", Help.Verb("Create an enrollment token and print its secret, once, with the agent command that uses it.",
            "enrollment-token create", "enrollment-token create --name web-hosts --uses 10 --expires-in-hours 4 --tag role=web --tag env=prod"))
        {
            name, uses, expires, tags,
        }.WithApi(async call =>
        {
            var input = new CreateEnrollmentTokenInput(call.Get(name), call.Get(uses), call.Get(expires), call.Get(tags));
            var answer = await call.Api.PostAsync("enrollment-tokens", input, CancellationToken.None);
            return call.Print(answer, w =>
            {
                w.WriteLine($"Created enrollment token {Cells.Text(answer["id"])} ({Cells.Text(answer["name"])}): {Cells.Text(answer["uses"])} use(s), " +
                            $"expires {Cells.Time(answer["expiresAt"])}. Its secret, shown only this once:");
                w.WriteLine(Cells.Text(answer["token"]));
                w.WriteLine("On each host: GREENLIGHT_ENROLLMENT_TOKEN=<secret> greenlight agent --server URL --name NAME");
            });
        });
    }
}
