using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.LoadBalancing;

/// <summary>
/// <c>--listener SPEC</c> (repeatable, see <see cref="ListenerSpecParser"/>) and the certificate of its HTTPS listeners:
/// a listener written with <c>https://</c> is HTTPS and serves <c>--cert FILE</c> (a PFX, or a PEM certificate with
/// <c>--key FILE</c> for its private key). One certificate for every HTTPS listener of the command keeps the syntax short;
/// the files are read by the server, so their paths are made absolute here.
/// </summary>
internal sealed class ListenerOptions
{
    public Option<ListenerSpec[]> Listeners { get; } = new("--listener", "-l")
    {
        Description = "A listener: ADDRESS=TG[:WEIGHT][,TG[:WEIGHT]...], e.g. 127.0.0.1:8080=web:90,canary:10; " +
                      "https://ADDRESS=... for HTTPS (needs --cert); port 0 picks a free port. Repeatable.",
        HelpName = ListenerSpecParser.Syntax,
        Required = true,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result =>
        {
            var specs = new List<ListenerSpec>();
            foreach (var token in result.Tokens)
            {
                var parsed = ListenerSpecParser.Parse(token.Value);
                if (parsed.Spec is null)
                {
                    result.AddError(parsed.Error!);
                    return [];
                }

                specs.Add(parsed.Spec);
            }

            return [.. specs];
        },
    };

    public Option<string> Certificate { get; } = new("--cert")
    {
        Description = "The certificate of the https:// listeners: a .pfx file, or a PEM certificate (with --key). A path on the server's machine.",
        HelpName = "FILE",
    };

    public Option<string> Key { get; } = new("--key")
    {
        Description = "The PEM private key of --cert, when it is not in the certificate file.",
        HelpName = "FILE",
    };

    /// <summary>The listeners with the certificate set on the HTTPS ones; a usage error when HTTPS and --cert do not go together.</summary>
    public List<ListenerSpec> Specs(ApiCall call)
    {
        var specs = call.Get(Listeners) ?? [];
        var cert = call.Get(Certificate);
        var key = call.Get(Key);
        var https = specs.Any(s => s.Protocol == "HTTPS");
        if (key is not null && cert is null)
        {
            throw new UsageException("--key needs --cert");
        }

        if (https && cert is null)
        {
            throw new UsageException("an https:// listener needs --cert FILE (and --key FILE for a PEM key in its own file)");
        }

        if (!https && (cert is not null || key is not null))
        {
            throw new UsageException($"{(cert is null ? "--key" : "--cert")} is for https:// listeners, and no --listener starts with https://");
        }

        return [.. specs.Select(s => s.Protocol == "HTTPS"
            ? s with { CertificateFile = Path.GetFullPath(cert!), CertificateKeyFile = key is null ? null : Path.GetFullPath(key) }
            : s)];
    }
}
