using System.IO.Compression;
using System.Text;

namespace Greenlight.Testing;

/// <summary>Small, valid zip bundles built in memory for tests.</summary>
public static class TestBundles
{
    public const string AppSpec = """
        version: 0.0
        os: linux
        files:
          - source: app
            destination: /opt/web
        hooks:
          ApplicationStop:
            - location: scripts/stop.sh
          ApplicationStart:
            - location: scripts/start.sh
              timeout: 60
          ValidateService:
            - location: scripts/check.sh
        """;

    public static byte[] Zip(string version = "v1", string appSpec = AppSpec)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "appspec.yml", appSpec);
            Add(zip, "app/index.html", $"<h1>{version}</h1>");
            foreach (var script in new[] { "stop", "start", "check" })
            {
                Add(zip, $"scripts/{script}.sh", "#!/bin/bash\nexit 0\n");
            }
        }

        return memory.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
