using System.CommandLine;
using Greenlight.Cli.Commands.Plan;

namespace Greenlight.Cli.Commands;

/// <summary>
/// <c>greenlight completion bash|zsh|fish</c>: prints a shell script that completes commands, options and option
/// values by asking the CLI itself (System.CommandLine's <c>[suggest:POSITION] "LINE"</c> directive), so completion
/// always matches the installed version.
/// </summary>
internal static class CompletionCommand
{
    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        ["bash"] = """
            # greenlight completion for bash. Load it with: source <(greenlight completion bash)
            # or install it: greenlight completion bash > ~/.local/share/bash-completion/completions/greenlight
            _greenlight_complete()
            {
                local program="${COMP_WORDS[0]}"
                local line="${COMP_LINE:0:COMP_POINT}"
                local IFS=$'\n'
                COMPREPLY=( $("$program" "[suggest:${#line}]" "$line" 2>/dev/null) )
            }
            complete -F _greenlight_complete -o default greenlight
            """,
        ["zsh"] = """
            #compdef greenlight
            # greenlight completion for zsh. Load it with: source <(greenlight completion zsh)
            # or install it as _greenlight in a directory of your $fpath.
            _greenlight() {
              local line="${(j: :)words[1,CURRENT]}"
              local -a suggestions
              suggestions=("${(@f)$("${words[1]}" "[suggest:${#line}]" "$line" 2>/dev/null)}")
              compadd -- ${suggestions:#}
            }
            if [[ "$funcstack[1]" = "_greenlight" ]]; then
              _greenlight "$@"
            else
              compdef _greenlight greenlight
            fi
            """,
        ["fish"] = """
            # greenlight completion for fish. Load it with: greenlight completion fish | source
            # or install it: greenlight completion fish > ~/.config/fish/completions/greenlight.fish
            function __greenlight_complete
                set -l line (commandline -cp)
                greenlight "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
            end
            complete -c greenlight -f -a '(__greenlight_complete)'
            """,
    };

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish." };
        shell.AcceptOnlyFromAmong([.. Scripts.Keys]);
        var command = new Command("completion",
            "Print a shell completion script for greenlight's commands, options and option values.\n" +
            "Examples:\n" +
            "  greenlight completion bash > ~/.local/share/bash-completion/completions/greenlight\n" +
            "  greenlight completion zsh > \"${fpath[1]}/_greenlight\"\n" +
            "  greenlight completion fish > ~/.config/fish/completions/greenlight.fish\n" +
            "  source <(greenlight completion bash)\n" +
            "Exit codes: 0 printed; 2 an unknown shell.")
        {
            shell,
        };
        command.Action = new UsageErrorAwareAction(parse =>
        {
            if (UsageErrorAwareAction.Problem(parse) is { } problem)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {problem} (greenlight completion bash|zsh|fish)");
                return ExitCodes.UsageError;
            }

            parse.InvocationConfiguration.Output.WriteLine(Scripts[parse.GetValue(shell)!].ReplaceLineEndings("\n"));
            return ExitCodes.Success;
        });
        return command;
    }
}
