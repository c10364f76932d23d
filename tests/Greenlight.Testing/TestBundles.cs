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

    public static byte[] Zip(string version = "v1", string appSpec = AppSpec) => ZipBuilder.Build(
    [
        ("appspec.yml", appSpec, ZipBuilder.File644),
        ("app/index.html", $"<h1>{version}</h1>", ZipBuilder.File644),
        .. new[] { "stop", "start", "check" }.Select(script => ($"scripts/{script}.sh", "#!/bin/bash\nexit 0\n", ZipBuilder.File755)),
    ]);
}
