using System.Text.Json.Nodes;
using Greenlight.Cli.Output;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Greenlight.Cli.Config;

/// <summary>
/// Reads and writes the config file (<see cref="CliEnvironment.ConfigPath"/>):
/// <code>
/// currentContext: local
/// contexts:
///   local:
///     server: http://127.0.0.1:7480
///     tokenFile: /home/me/.local/share/greenlight/admin.token
/// </code>
/// A missing file is an empty config. A broken one is a problem naming the file, line and field. Written mode 0600
/// (it may hold a token), through a temporary file and a rename so a crash never leaves half a file.
/// </summary>
public static class CliConfigFile
{
    private static readonly string[] ContextFields = ["server", "tokenFile", "token"];

    /// <summary>The config at <paramref name="path"/>, or null with a one-line problem.</summary>
    public static CliConfig? Load(string path, out string? problem)
    {
        problem = null;
        string text;
        try
        {
            if (!File.Exists(path))
            {
                return CliConfig.Empty;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read the config file {path}: {e.Message}";
            return null;
        }

        try
        {
            return Parse(text);
        }
        catch (YamlException e)
        {
            problem = $"{path}:{e.Start.Line}:{e.Start.Column}: {Message(e)} (fix or delete the file)";
            return null;
        }
    }

    /// <summary>Writes <paramref name="config"/> to <paramref name="path"/> (mode 0600, its directory 0700 when created).</summary>
    public static void Save(string path, CliConfig config)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var text = new StringWriter { NewLine = "\n" };
        text.WriteLine("# greenlight CLI contexts, written by `greenlight context` (see docs/cli.md)");
        YamlOutput.Write(text, ToJson(config));
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text.ToString());
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static JsonObject ToJson(CliConfig config)
    {
        var contexts = new JsonObject();
        foreach (var (name, context) in config.Contexts)
        {
            var fields = new JsonObject();
            if (context.Server is not null)
            {
                fields["server"] = context.Server;
            }

            if (context.TokenFile is not null)
            {
                fields["tokenFile"] = context.TokenFile;
            }

            if (context.Token is not null)
            {
                fields["token"] = context.Token;
            }

            contexts[name] = fields;
        }

        var root = new JsonObject();
        if (config.CurrentContext is not null)
        {
            root["currentContext"] = config.CurrentContext;
        }

        root["contexts"] = contexts;
        return root;
    }

    private static CliConfig Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return CliConfig.Empty;
        }

        var root = Mapping(stream.Documents[0].RootNode, "the file");
        string? current = null;
        var contexts = new List<KeyValuePair<string, CliContext>>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Key(keyNode);
            switch (key)
            {
                case "currentContext":
                    current = Scalar(value, "currentContext");
                    break;
                case "contexts":
                    if (value is YamlScalarNode { Value: null or "" })
                    {
                        break;
                    }

                    foreach (var (nameNode, fields) in Mapping(value, "contexts").Children)
                    {
                        var name = Key(nameNode);
                        contexts.Add(KeyValuePair.Create(name, Context(name, fields)));
                    }

                    break;
                default:
                    throw Problem(keyNode, $"unknown field '{key}' (expected currentContext, contexts)");
            }
        }

        return new CliConfig(current, contexts);
    }

    private static CliContext Context(string name, YamlNode node)
    {
        string? server = null, tokenFile = null, token = null;
        foreach (var (keyNode, value) in Mapping(node, $"contexts.{name}").Children)
        {
            var key = Key(keyNode);
            var field = $"contexts.{name}.{key}";
            switch (key)
            {
                case "server":
                    server = Scalar(value, field);
                    break;
                case "tokenFile":
                    tokenFile = Scalar(value, field);
                    break;
                case "token":
                    token = Scalar(value, field);
                    break;
                default:
                    throw Problem(keyNode, $"contexts.{name}: unknown field '{key}' (expected {string.Join(", ", ContextFields)})");
            }
        }

        return new CliContext(server, tokenFile, token);
    }

    private static YamlMappingNode Mapping(YamlNode node, string field) =>
        node as YamlMappingNode ?? throw Problem(node, $"{field} must be a mapping of names to values");

    private static string Key(YamlNode node) =>
        node is YamlScalarNode { Value: { Length: > 0 } key } ? key : throw Problem(node, "a key must be a name");

    private static string? Scalar(YamlNode node, string field) =>
        node is YamlScalarNode scalar ? (scalar.Value is { Length: > 0 } value ? value : null) : throw Problem(node, $"{field} must be a single value");

    private static YamlException Problem(YamlNode node, string message) => new(node.Start, node.End, message);

    private static string Message(YamlException e)
    {
        // YamlDotNet prefixes its own position ("(Line: 2, Col: 3, Idx: 4) - (...): "); the file:line:column says it already.
        var text = e.InnerException?.Message ?? e.Message;
        var cut = text.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && text.StartsWith("(Line:", StringComparison.Ordinal) ? text[(cut + 3)..] : text;
    }
}
