using Greenlight.Core.AppSpec;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>What the parsed document holds, and the options.</summary>
public sealed class AppSpecParserModelTests
{
    private const string Full = """
        version: 0.0
        os: linux
        files:
          - source: /app
            destination: /opt/web
        file_exists_behavior: OVERWRITE
        permissions:
          - object: /opt/web
            pattern: "*.sh"
            except: [keep.sh]
            owner: web
            group: web
            mode: "0750"
            acls: ["u:bob:rw"]
            context:
              name: system_u
              type: httpd_sys_content_t
              range: s0
            type:
              - file
        hooks:
          BeforeInstall:
            - location: scripts/stop.sh
          ApplicationStart:
            - location: /scripts/start.sh
              timeout: 300
              runas: web
              sudo: true
            - location: ./scripts/warm.sh
        """;

    [Fact]
    public void Parse_FullAppSpec_ModelHoldsEveryField()
    {
        var result = AppSpecParser.Parse(Full);

        Assert.Empty(result.Diagnostics);
        var doc = Assert.IsType<AppSpecDocument>(result.Document);
        Assert.Equal(AppSpecOs.Linux, doc.Os);
        Assert.Equal(FileExistsBehavior.Overwrite, doc.FileExistsBehavior);
        Assert.Equal(new FileMapping("/app", "app", "/opt/web", 4, 13), Assert.Single(doc.Files));
        var p = Assert.Single(doc.Permissions);
        Assert.Equal(("/opt/web", "*.sh", "web", "web", "0750", 488), (p.Object, p.Pattern, p.Owner, p.Group, p.Mode!.Digits, p.Mode.Value));
        Assert.Equal(["keep.sh"], p.Except.ToArray());
        Assert.Equal(["u:bob:rw"], p.Acls.ToArray());
        Assert.Equal(new SelinuxContext("system_u", "httpd_sys_content_t", "s0"), p.Context);
        Assert.Equal([PermissionObjectType.File], p.Types.ToArray());
        Assert.Equal([LifecycleEvent.BeforeInstall, LifecycleEvent.ApplicationStart], doc.Hooks.Keys.ToArray());
        var start = doc.ScriptsFor(LifecycleEvent.ApplicationStart);
        Assert.Equal(new HookScript("/scripts/start.sh", "scripts/start.sh", 300, "web", true, 25, 17), start[0]);
        Assert.Equal(new HookScript("./scripts/warm.sh", "scripts/warm.sh", 3600, null, false, 29, 17), start[1]);
        Assert.Empty(doc.ScriptsFor(LifecycleEvent.ValidateService));
    }

    [Fact]
    public void Parse_Strict_WarningsBecomeErrorsWithTheSameCode()
    {
        const string text = "version: \"0.0\"\nos: linux\noverwrite: yes\n";

        var lenient = AppSpecParser.Parse(text);
        var strict = AppSpecParser.Parse(text, new AppSpecParseOptions { Strict = true });

        Assert.NotNull(lenient.Document);
        Assert.Equal(2, lenient.WarningCount);
        Assert.Null(strict.Document);
        Assert.Equal(2, strict.ErrorCount);
        Assert.Equal(lenient.Diagnostics.Select(d => d.Code), strict.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Parse_ManyProblems_ReportsAllAtOnceWithPaths()
    {
        const string text = "version: 1.0\nos: ubuntu\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 0\n      runas: \"x y\"\n";

        var result = AppSpecParser.Parse(text);

        Assert.Equal(
            ["version", "os", "hooks.AfterInstall[0].timeout", "hooks.AfterInstall[0].runas"],
            result.Diagnostics.Select(d => d.Path));
        Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
    }

    [Fact]
    public void Parse_WindowsRunAs_IsDropped()
    {
        var result = AppSpecParser.Parse("version: 0.0\nos: windows\nhooks:\n  AfterInstall:\n    - location: a.ps1\n      runas: Administrator\n");

        Assert.Null(result.Document!.ScriptsFor(LifecycleEvent.AfterInstall)[0].RunAs);
    }
}
