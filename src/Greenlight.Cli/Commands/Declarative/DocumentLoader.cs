using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// Reads declarative files: <c>-f FILE</c>, <c>-f DIR</c> (every *.yaml and *.yml in it, by name) or <c>-f -</c> (stdin).
/// Each file holds YAML documents separated by <c>---</c>; a document is one resource (<c>kind</c>, <c>name</c>,
/// <c>application</c> for deployment groups, <c>spec</c>), or a list of them (as <c>export -o json</c> prints).
/// Every document is checked before any is returned: the first problem is an error naming file, line and field.
/// </summary>
internal static class DocumentLoader
{
    private static readonly string[] TopFields = ["kind", "name", "application", "spec"];

    public static IReadOnlyList<ResourceDocument> Load(IEnumerable<string> sources, TextReader stdin)
    {
        var documents = new List<ResourceDocument>();
        foreach (var source in sources)
        {
            if (source == "-")
            {
                documents.AddRange(Parse("<stdin>", stdin));
            }
            else if (Directory.Exists(source))
            {
                var files = Directory.EnumerateFiles(source)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0)
                {
                    throw new DeclarativeInputException($"{source}: the directory has no *.yaml or *.yml file");
                }

                foreach (var file in files)
                {
                    documents.AddRange(ParseFile(file));
                }
            }
            else if (File.Exists(source))
            {
                documents.AddRange(ParseFile(source));
            }
            else
            {
                throw new DeclarativeInputException($"-f '{source}': no such file or directory");
            }
        }

        if (documents.Count == 0)
        {
            throw new DeclarativeInputException("the files hold no resource: write documents with kind:, name: and spec: (see docs/declarative.md)");
        }

        var duplicate = documents.GroupBy(d => (d.Kind, d.Key)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DeclarativeInputException($"{duplicate.Skip(1).First().Source}: {duplicate.First().Title} is also defined at {duplicate.First().Source}");
        }

        return documents;
    }

    private static IEnumerable<ResourceDocument> ParseFile(string file)
    {
        try
        {
            using var reader = new StreamReader(file);
            return Parse(file, reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DeclarativeInputException($"{file}: cannot read it: {e.Message}");
        }
    }

    /// <summary>The resources of one YAML stream.</summary>
    public static IReadOnlyList<ResourceDocument> Parse(string file, TextReader text)
    {
        var stream = new YamlStream();
        var reader = new SpecReader(file);
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            throw reader.Error(e.Start, "", "not valid YAML: " + Reason(e));
        }

        var documents = new List<ResourceDocument>();
        foreach (var document in stream.Documents)
        {
            switch (document.RootNode)
            {
                case YamlSequenceNode list:
                    documents.AddRange(list.Children.Select(item => Resource(reader, file, item)));
                    break;
                case var root when SpecReader.IsNull(root):
                    break;
                case var root:
                    documents.Add(Resource(reader, file, root));
                    break;
            }
        }

        return documents;
    }

    private static ResourceDocument Resource(SpecReader reader, string file, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw reader.Error(node, "", "a document must be a mapping with kind:, name: and spec:");
        }

        foreach (var key in mapping.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } word } || !TopFields.Contains(word, StringComparer.Ordinal))
            {
                throw reader.Error(key, "", $"unknown field '{(key as YamlScalarNode)?.Value}' (a document has {string.Join(", ", TopFields)})");
            }
        }

        var kindText = Text(reader, mapping, "kind") ?? throw reader.Error(node, "kind", $"missing: one of {string.Join(", ", ResourceKind.All.Select(k => k.Name))}");
        var kind = ResourceKind.Find(kindText)
            ?? throw reader.Error(Child(mapping, "kind")!, "kind", $"unknown kind '{kindText}' (one of {string.Join(", ", ResourceKind.All.Select(k => k.Name))})");
        var name = Text(reader, mapping, "name") ?? throw reader.Error(node, "name", $"missing: the {kind.Name}'s name");
        var application = Text(reader, mapping, "application");
        if (kind.HasApplication && application is null)
        {
            throw reader.Error(node, "application", "missing: a DeploymentGroup names its application");
        }

        if (!kind.HasApplication && application is not null)
        {
            throw reader.Error(Child(mapping, "application")!, "application", $"only a DeploymentGroup has an application, not a {kind.Name}");
        }

        var specNode = Child(mapping, "spec");
        if (specNode is YamlMappingNode specMapping && specMapping.Children.Keys.OfType<YamlScalarNode>()
                .FirstOrDefault(k => string.Equals(k.Value, kind.NameField, StringComparison.OrdinalIgnoreCase)) is { } nameKey)
        {
            throw reader.Error(nameKey, "spec." + kind.NameField, "the name goes in the document's name:, not in spec");
        }

        var spec = specNode is null ? new JsonObject() : (JsonObject?)reader.Read(specNode, kind.Spec, "spec") ?? new JsonObject();
        return new ResourceDocument(kind, name, application, spec, $"{file}:{node.Start.Line}");
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(SpecReader reader, YamlMappingNode mapping, string key) => Child(mapping, key) switch
    {
        null => null,
        var node when SpecReader.IsNull(node) => null,
        YamlScalarNode { Value: { Length: > 0 } value } => value,
        var node => throw reader.Error(node, key, "expected a word"),
    };

    private static string Reason(YamlException e) => e.InnerException?.Message ?? e.Message.Split("): ", 2)[^1];
}
