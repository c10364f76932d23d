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
        return ZipBuilder.Build(
        [
            ("appspec.yml", appSpec, ZipBuilder.File644),
            ("app/index.html", $"<h1>{version}</h1>\n", ZipBuilder.File644),
            ("scripts/record.sh", Record, ZipBuilder.File755),
            ("scripts/stop.sh", stopScript ?? Record, ZipBuilder.File755),
            ("scripts/validate.sh", validateScript ?? Record, ZipBuilder.File755),
        ]);
    }
}
