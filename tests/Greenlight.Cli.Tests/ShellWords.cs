using System.Text;

namespace Greenlight.Cli.Tests;

/// <summary>
/// Splits one shell command line from the docs into its words, as bash would before running it: single and double
/// quotes, backslash escapes, <c>$(...)</c> kept as one word; a <c>#</c> comment, a pipe, <c>;</c>, <c>&amp;</c> or
/// a redirection ends the command. Enough for documentation examples; not a shell.
/// </summary>
internal static class ShellWords
{
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                Flush();
                continue;
            }

            if (!inWord && c == '#' || c is '|' or ';' or '&' or '>' or '<')
            {
                break;
            }

            inWord = true;
            switch (c)
            {
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    var end = close < 0 ? line.Length : close;
                    word.Append(line, i + 1, end - i - 1);
                    i = end;
                    break;
                case '"':
                    for (i++; i < line.Length && line[i] != '"'; i++)
                    {
                        word.Append(line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' ? line[++i] : line[i]);
                    }
                    break;
                case '\\' when i + 1 < line.Length:
                    word.Append(line[++i]);
                    break;
                case '$' when i + 1 < line.Length && line[i + 1] == '(':
                    var depth = 0;
                    for (; i < line.Length; i++)
                    {
                        word.Append(line[i]);
                        depth += line[i] == '(' ? 1 : line[i] == ')' ? -1 : 0;
                        if (depth == 0 && line[i] == ')')
                        {
                            break;
                        }
                    }
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }
    }
}
