using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.LoadBalancing;

/// <summary>
/// <c>greenlight load-balancer</c> (alias <c>lb</c>): create, list, get, update and delete the built-in load balancer's
/// load balancers, each a set of listeners forwarding to target groups by weight.
/// </summary>
internal static class LoadBalancerCommand
{
    public static Command Create()
    {
        var command = new Command("load-balancer",
            "Create, change and delete load balancers. The server runs them itself (YARP on Kestrel): each listener listens on\n" +
            "its address and forwards requests to target groups by weight; see docs/load-balancer.md.\n" +
            "Examples:\n" +
            "  greenlight load-balancer create web-lb --listener 127.0.0.1:8080=web\n" +
            "  greenlight lb create web-lb --listener 127.0.0.1:8080=web:90,canary:10\n" +
            "  greenlight lb create secure-lb --listener https://127.0.0.1:8443=web --cert /etc/greenlight/web.pfx\n" +
            "  greenlight lb get web-lb\n" +
            Help.ApiExitCodes)
        {
            CreateVerb(), List(), Get(), Update(), Delete(),
        };
        command.Aliases.Add("lb");
        return command.AsGroup();
    }

    public static string Path(string name) => "load-balancers/" + Uri.EscapeDataString(name);

    private static Argument<string> Name() => Help.Name("load-balancer", "The load balancer.");

    private static Command CreateVerb()
    {
        var name = Help.Name("load-balancer", "The load balancer's name: 1-100 of A-Z a-z 0-9 . _ + = , @ -.");
        var o = new ListenerOptions();
        return new Command("create", Help.Verb("Create a load balancer; its listeners start listening at once (get shows each one's state and bound address).",
            "load-balancer create web-lb --listener 127.0.0.1:8080=web",
            "lb create web-lb --listener 127.0.0.1:0=web:90,canary:10 --listener 127.0.0.1:8081=admin",
            "lb create secure-lb --listener https://127.0.0.1:8443=web --cert web.crt --key web.key"))
        {
            name, o.Listeners, o.Certificate, o.Key,
        }.WithApi(async call =>
        {
            var answer = await call.Api.PostAsync("load-balancers", new LoadBalancerInput(call.Get(name), o.Specs(call)), CancellationToken.None);
            return call.Print(answer, w =>
            {
                w.WriteLine($"Created load balancer {call.Get(name)}");
                LoadBalancingViews.Listeners(answer["loadBalancer"]?["listeners"]).Write(w);
            });
        });
    }

    private static Command Update()
    {
        var name = Name();
        var o = new ListenerOptions();
        return new Command("update", Help.Verb("Replace a load balancer's listeners with those given: listeners no longer named stop, new ones start, and a " +
                                               "changed forward takes effect for the next request.",
            "load-balancer update web-lb --listener 127.0.0.1:8080=web:50,canary:50", "lb update web-lb --listener 127.0.0.1:8080=web"))
        {
            name, o.Listeners, o.Certificate, o.Key,
        }.WithApi(async call =>
        {
            var answer = await call.Api.PutAsync(Path(call.Get(name)), new LoadBalancerInput(null, o.Specs(call)), CancellationToken.None);
            return call.Print(answer, w =>
            {
                w.WriteLine($"Updated load balancer {call.Get(name)}");
                LoadBalancingViews.Listeners(answer["loadBalancer"]?["listeners"]).Write(w);
            });
        });
    }

    private static Command List() => new Command("list", Help.Verb("List load balancers with their listeners (bound addresses) and forward actions.", "load-balancer list", "lb list -o json"))
        .WithApi(async call =>
        {
            var answer = await call.Api.GetAsync("load-balancers", CancellationToken.None);
            var table = new Table("NAME", "LISTENERS", "STATES", "FORWARD");
            foreach (var lb in Cells.Items(answer["loadBalancers"]))
            {
                var listeners = Cells.Items(lb["listeners"]).ToList();
                table.Add(Cells.Text(lb["loadBalancerName"]), LoadBalancingViews.Bound(lb["listeners"]),
                    string.Join(",", listeners.Select(l => Cells.Text(l["state"]))), string.Join(" ", listeners.Select(l => LoadBalancingViews.Forward(l["forward"]))));
            }

            return call.Print(answer, table.Write);
        });

    private static Command Get()
    {
        var name = Name();
        return new Command("get", Help.Verb("Show a load balancer: each listener's address, protocol, state (active or failed), bound address, forward weights and error.",
            "load-balancer get web-lb", "lb get web-lb -o json"))
        {
            name,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync(Path(call.Get(name)), CancellationToken.None);
            return call.Print(answer, w => LoadBalancingViews.LoadBalancer(w, answer["loadBalancer"]));
        });
    }

    private static Command Delete()
    {
        var name = Name();
        return new Command("delete", Help.Verb("Delete a load balancer: its listeners stop listening. Its target groups stay.", "load-balancer delete web-lb", "lb delete web-lb -o json"))
        {
            name,
        }.WithApi(async call =>
        {
            var answer = await call.Api.DeleteAsync(Path(call.Get(name)), CancellationToken.None);
            return call.Done(answer, $"Deleted load balancer {call.Get(name)}");
        });
    }
}
