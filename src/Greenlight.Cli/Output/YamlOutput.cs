using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Greenlight.Cli.Output;

/// <summary>
/// <c>--output yaml</c>: the same tree as <c>--output json</c>, written as block YAML. Keys keep their JSON order;
/// numbers, booleans and nulls are plain; a string is quoted when it would otherwise read back as something else
/// (<c>"true"</c>, <c>"007"</c>, <c>"null"</c>, <c>"2025-06-01"</c>) or when YAML's syntax needs it; empty objects and
/// arrays are <c>{}</c> and <c>[]</c>.
/// </summary>
internal static partial class YamlOutput
{
    private static readonly EmitterSettings Settings = EmitterSettings.Default.WithBestWidth(int.MaxValue).WithIndentedSequences();

    /// <summary>Writes <paramref name="node"/> as one YAML document.</summary>
    public static void Write(TextWriter writer, JsonNode? node) => WriteStream(writer, [node], separated: false);

    /// <summary>Writes <paramref name="documents"/> as a multi-document stream, each document starting with <c>---</c> (what <c>greenlight export</c> prints).</summary>
    public static void WriteDocuments(TextWriter writer, IEnumerable<JsonNode> documents) => WriteStream(writer, documents, separated: true);

    private static void WriteStream(TextWriter writer, IEnumerable<JsonNode?> documents, bool separated)
    {
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        foreach (var document in documents)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: !separated));
            Emit(emitter, document);
            emitter.Emit(new DocumentEnd(isImplicit: true));
        }

        emitter.Emit(new StreamEnd());
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    String(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        String(emitter, value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString())!);
                        break;
                    case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number:
                        Plain(emitter, value.ToJsonString());
                        break;
                    default:
                        Plain(emitter, "null");
                        break;
                }

                break;
            default:
                Plain(emitter, "null");
                break;
        }
    }

    private static void Plain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    /// <summary>A string: plain when it reads back as the same string, else double-quoted; several lines as a literal block.</summary>
    private static void String(IEmitter emitter, string text)
    {
        if (ReadsAsOther(text))
        {
            emitter.Emit(new Scalar(null, null, text, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
            return;
        }

        // Any lets the emitter quote what its syntax needs (": ", "#", leading "-", control characters).
        var style = text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    /// <summary>
    /// Whether a plain scalar with this text would be read as a null, boolean, number or timestamp by a YAML 1.1 or
    /// 1.2 reader (yes/no/on/off, octal, sexagesimal and dates included), so it must be quoted to stay a string.
    /// </summary>
    internal static bool ReadsAsOther(string text) => text.Length == 0 || NotAString().IsMatch(text);

    [GeneratedRegex(
        @"^(?:~|null|true|false|yes|no|on|off|y|n|<<|=" +
        @"|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?" +
        @"|[-+]?0x[0-9a-f_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+" +
        @"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?" +
        @"|[-+]?\.inf|\.nan" +
        @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAString();
}
