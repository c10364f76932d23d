using System.Text;
using Greenlight.Core.AppSpec;

namespace Greenlight.Bundles;

/// <summary>
/// Reads at most <see cref="AppSpecLimits.MaxDocumentBytes"/> + 1 bytes as UTF-8 (a BOM is kept, so the
/// parser can report it). Anything longer arrives over the limit and is rejected as DocumentTooLarge
/// without ever being held whole in memory.
/// </summary>
public static class CappedText
{
    public static string Read(Stream stream)
    {
        var buffer = new byte[AppSpecLimits.MaxDocumentBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(buffer, 0, total);
    }

    public static string ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }
}
