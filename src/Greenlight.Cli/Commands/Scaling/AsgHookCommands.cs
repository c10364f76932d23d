using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Options;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Scaling;

/// <summary><c>greenlight asg put-hook|delete-hook|complete-hook</c>: a group's own lifecycle hooks (deployment groups manage theirs).</summary>
internal static class AsgHookCommands
{
    public static Command Put()
    {
        var name = AsgCommand.Name();
        var hook = HookName();
        var transition = new Option<string>("--transition")
        {
            Description = "launch (instances wait in Pending:Wait) or terminate (Terminating:Wait).",
            HelpName = "launch|terminate",
            Required = true,
            CustomParser = result => AsgOptions.Transition(result.Tokens[0].Value) ?? Error(result, $"--transition '{result.Tokens[0].Value}' must be launch or terminate"),
        };
        var timeout = DurationOption.Create("--heartbeat-timeout", "How long an instance waits for the hook to be completed (default 1h).", TimeSpan.FromHours(2));
        var result = Choices.Only(new Option<string>("--default-result")
        {
            Description = "What happens when the timeout passes: CONTINUE, or ABANDON (the default: a launching instance is terminated).",
            HelpName = "CONTINUE|ABANDON",
        }, "CONTINUE", "ABANDON");
        return new Command("put-hook", Help.Verb("Add a lifecycle hook to a group, or replace the one of that name.",
            "asg put-hook web-asg warmup --transition launch --heartbeat-timeout 5m --default-result CONTINUE",
            "asg put-hook web-asg drain --transition terminate"))
        {
            name, hook, transition, timeout, result,
        }.WithApi(async call =>
        {
            var input = new PutLifecycleHookInput(call.Get(transition), DurationOption.Seconds(call.Get(timeout)), call.Get(result));
            var answer = await call.Api.PutAsync(Path(call, name, hook), input, CancellationToken.None);
            var info = answer["lifecycleHook"];
            return call.Done(answer, $"Lifecycle hook {call.Get(hook)} of {call.Get(name)}: {AsgViews.Transition(call.Get(transition))}, " +
                                     $"timeout {Output.Cells.Text(info?["heartbeatTimeout"])}s, then {Output.Cells.Text(info?["defaultResult"])}");
        });
    }

    public static Command Delete()
    {
        var name = AsgCommand.Name();
        var hook = HookName();
        return new Command("delete-hook", Help.Verb("Remove a lifecycle hook from a group.", "asg delete-hook web-asg warmup")) { name, hook }.WithApi(async call =>
        {
            var answer = await call.Api.DeleteAsync(Path(call, name, hook), CancellationToken.None);
            return call.Done(answer, $"Deleted lifecycle hook {call.Get(hook)} of {call.Get(name)}");
        });
    }

    public static Command Complete()
    {
        var name = AsgCommand.Name();
        var hook = HookName();
        var instance = new Option<string>("--instance", "-i") { Description = "The instance waiting on the hook.", HelpName = "INSTANCE_ID", Required = true };
        var result = Choices.Only(new Option<string>("--result")
        {
            Description = "CONTINUE (the instance goes on to InService or Terminated) or ABANDON (a launching instance is terminated).",
            HelpName = "CONTINUE|ABANDON",
            Required = true,
        }, "CONTINUE", "ABANDON");
        return new Command("complete-hook", Help.Verb("Complete a lifecycle hook for an instance waiting on it (Pending:Wait or Terminating:Wait).",
            "asg complete-hook web-asg warmup --instance web-asg-1 --result CONTINUE"))
        {
            name, hook, instance, result,
        }.WithApi(async call =>
        {
            var answer = await call.Api.PostAsync(Path(call, name, hook) + "/complete",
                new CompleteLifecycleActionInput(call.Get(instance), call.Get(result)), CancellationToken.None);
            return call.Done(answer, $"Completed lifecycle hook {call.Get(hook)} for {call.Get(instance)}: {call.Get(result)}");
        });
    }

    private static Argument<string> HookName() => new("hook-name") { Description = "The lifecycle hook." };

    private static string Path(ApiCall call, Argument<string> name, Argument<string> hook) =>
        AsgCommand.Path(call.Get(name)) + "/lifecycle-hooks/" + Uri.EscapeDataString(call.Get(hook));

    private static string? Error(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
