using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Greenlight.Cli.Commands.Declarative;

/// <summary>
/// Writes JSON documents as a multi-document YAML stream (<c>---</c> between them), block style, with multi-line text
/// as literal blocks and text that would read as another type (<c>true</c>, <c>2</c>, <c>null</c>) quoted.
/// </summary>
internal static class YamlDocumentWriter
{
    public static void Write(TextWriter writer, IEnumerable<JsonNode> documents)
    {
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        foreach (var document in documents)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: false));
            Node(emitter, document);
            emitter.Emit(new DocumentEnd(isImplicit: true));
        }

        emitter.Emit(new StreamEnd());
    }

    private static void Node(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart());
                foreach (var (key, value) in obj)
                {
                    emitter.Emit(new Scalar(key));
                    Node(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Node(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case null:
                emitter.Emit(new Scalar("null"));
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                emitter.Emit(Text(value.GetValue<string>()));
                break;
            default:
                emitter.Emit(new Scalar(node.ToJsonString()));
                break;
        }
    }

    private static Scalar Text(string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal) && !text.Contains('\r', StringComparison.Ordinal) && !text.EndsWith(' '))
        {
            return new Scalar(null, null, text, ScalarStyle.Literal, isPlainImplicit: false, isQuotedImplicit: true);
        }

        var ambiguous = text.Length == 0 || bool.TryParse(text, out _) || text is "~" or "null" or "Null" or "NULL" or "yes" or "no" or "on" or "off"
            || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return ambiguous
            ? new Scalar(null, null, text, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true)
            : new Scalar(text);
    }
}
