using System.CommandLine;
using Greenlight.Cli.Commands;
using Greenlight.Cli.Commands.LoadBalancing;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Cli.Commands.Scaling;

namespace Greenlight.Cli;

/// <summary>The <c>greenlight</c> command. Every verb lives in its own file under Commands/.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the CLI with the given writers; tests call this in-process.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot();
        var config = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).Invoke(config);
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "Greenlight deploys application revisions to server fleets with the model of AWS CodeDeploy.\n" +
            "Exit codes: 0 success; 1 the check, plan, deployment or scaling wait failed, or the server refused the request;\n" +
            "2 usage or input error, no server or token configured, or the server unreachable.");
        root.Subcommands.Add(Commands.Up.UpCommand.Create());
        root.Subcommands.Add(Commands.Demo.DemoCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(ServerCommand.Create());
        root.Subcommands.Add(AgentCommand.Create());
        root.Subcommands.Add(DeployCommand.Create());
        root.Subcommands.Add(DeploymentCommand.Create());
        root.Subcommands.Add(RollbackCommand.Create());
        root.Subcommands.Add(ApplicationCommand.Create());
        root.Subcommands.Add(GroupCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        root.Subcommands.Add(InstanceCommand.Create());
        root.Subcommands.Add(LaunchTemplateCommand.Create());
        root.Subcommands.Add(AsgCommand.Create());
        root.Subcommands.Add(LoadBalancerCommand.Create());
        root.Subcommands.Add(TargetGroupCommand.Create());
        root.Subcommands.Add(Commands.Alarms.AlarmCommand.Create());
        root.Subcommands.Add(Commands.Declarative.ApplyCommand.Create());
        root.Subcommands.Add(Commands.Declarative.DiffCommand.Create());
        root.Subcommands.Add(Commands.Declarative.ExportCommand.Create());
        root.Subcommands.Add(Commands.Revisions.PushCommand.Create());
        root.Subcommands.Add(Commands.Revisions.RevisionCommand.Create());
        root.Subcommands.Add(Commands.Tokens.TokenCommand.Create());
        root.Subcommands.Add(Commands.Tokens.EnrollmentTokenCommand.Create());
        root.Subcommands.Add(Commands.Status.StatusCommand.Create());
        root.Subcommands.Add(Commands.Contexts.ContextCommand.Create());
        root.Subcommands.Add(CompletionCommand.Create());
        return root;
    }
}
