using System.IO.Compression;
using System.Text;

namespace Greenlight.Testing;

/// <summary>
/// A real bundle for agent tests: an app file installed to /opt/web, and bash hooks that record what they saw (event,
/// deployment, instance) into files under GREENLIGHT_INSTANCE_ROOT, print a line, and can be told to fail or hang.
/// </summary>
public static class WebBundle
{
    public static byte[] Zip(string version, string? validateScript = null, string? stopScript = null)
    {
        var appSpec = """
            version: 0.0
            os: linux
            files:
              - source: app
                destination: /opt/web
            hooks:
              ApplicationStop:
                - location: scripts/stop.sh
                  timeout: 30
              BeforeInstall:
                - location: scripts/record.sh
              AfterInstall:
                - location: scripts/record.sh
              ApplicationStart:
                - location: scripts/record.sh
              ValidateService:
                - location: scripts/validate.sh
                  timeout: 20
            """;
        const string Record = """
            #!/bin/bash
            set -eu
            mkdir -p "$GREENLIGHT_INSTANCE_ROOT/var/hooks"
            echo "$LIFECYCLE_EVENT $DEPLOYMENT_ID $GREENLIGHT_INSTANCE_ID $APPLICATION_NAME $DEPLOYMENT_GROUP_NAME" >> "$GREENLIGHT_INSTANCE_ROOT/var/hooks/events.log"
            echo "ran $LIFECYCLE_EVENT"
            """;
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "appspec.yml", appSpec, 0b110_100_100);
            Add(zip, "app/index.html", $"<h1>{version}</h1>\n", 0b110_100_100);
            Add(zip, "scripts/record.sh", Record, 0b111_101_101);
            Add(zip, "scripts/stop.sh", stopScript ?? Record, 0b111_101_101);
            Add(zip, "scripts/validate.sh", validateScript ?? Record, 0b111_101_101);
        }

        return memory.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text, int mode)
    {
        var entry = zip.CreateEntry(name);
        entry.ExternalAttributes = (0x8000 | mode) << 16;
        using var stream = entry.Open();
        var normalized = text.ReplaceLineEndings("\n");
        stream.Write(Encoding.UTF8.GetBytes(normalized.EndsWith('\n') ? normalized : normalized + "\n"));
    }
}
