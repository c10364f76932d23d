using Greenlight.Core.AppSpec;
using static Greenlight.Core.Tests.AppSpec.AppSpecAssert;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>
/// appspec-in-the-wild.md §6, "Constructs CodeDeploy REJECTS", one row each, plus Greenlight's own stricter
/// rules. Rows marked "deviation" are the documented places where Greenlight differs (docs/appspec.md).
/// </summary>
public sealed class AppSpecParserRejectTests
{
    [Theory]
    // 1. YAML syntax errors.
    [InlineData("1 inconsistent indentation", Linux + "hooks:\n    BeforeInstall:\n      - location: a.sh\n  AfterInstall:\n      - location: b.sh\n", "YamlSyntax@6:3")]
    [InlineData("1 runas:root", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n      runas:root\n", "YamlSyntax@6:7")]
    [InlineData("1 unquoted *.sh", Linux + "permissions:\n  - object: /opt\n    pattern: *.sh\n", "YamlSyntax@5:14")]
    [InlineData("1 stray text lines", "This is my app\nversion: 0.0\n files:\n", "YamlSyntax@2:8")]
    [InlineData("1 tab indentation", Linux + "hooks:\n\tApplicationStart:\n\t\t- location: a.sh\n", "YamlSyntax@4:1")]
    [InlineData("1 tab before a top-level key", "version: 0.0\n\tos: linux\n", "YamlSyntax@2:1")]
    [InlineData("1 tab after spaces", Linux + "hooks:\n  AfterInstall:\n  \t- location: a.sh\n", "YamlSyntax@5:3")]
    [InlineData("1 leading comment line", "//not yaml\nversion: 0.0\nos: linux\n", "YamlSyntax@2:8")]
    // 2. Empty, comments only, root not a map.
    [InlineData("2 empty", "", "EmptyDocument@1:1")]
    [InlineData("2 comments only", "# nothing here\n# really\n", "EmptyDocument@1:1")]
    [InlineData("2 root is text", "just some text\n", "RootNotAMapping@1:1")]
    [InlineData("2 root is a list", "- version: 0.0\n- os: linux\n", "RootNotAMapping@1:1")]
    // 3. version.
    [InlineData("3 0.1", "version: 0.1\nos: linux\n", "InvalidVersion@1:10")]
    [InlineData("3 1.0", "version: 1.0\nos: linux\n", "InvalidVersion@1:10")]
    [InlineData("3 1.1", "version: 1.1\nos: linux\n", "InvalidVersion@1:10")]
    [InlineData("3 quoted 1.0.0", "version: \"1.0.0\"\nos: linux\n", "InvalidVersion@1:10")]
    [InlineData("3 missing", "os: linux\n", "MissingVersion@1:1")]
    // 4. os.
    [InlineData("4 ubuntu", "version: 0.0\nos: ubuntu\n", "InvalidOs@2:5")]
    [InlineData("4 linus", "version: 0.0\nos: linus\n", "InvalidOs@2:5")]
    [InlineData("4 Linux", "version: 0.0\nos: Linux\n", "InvalidOs@2:5")]
    [InlineData("4 missing", "version: 0.0\n", "MissingOs@1:1")]
    [InlineData("4 duplicate, last wrong", "version: 0.0\nos: linux\nos: ubuntu\n", "DuplicateKey@3:1", "InvalidOs@3:5")]
    // 5. hooks shape.
    [InlineData("5 hooks as list", Linux + "hooks:\n  - ApplicationStart:\n    - location: a.sh\n", "WrongType@4:3")]
    [InlineData("5 item is text", Linux + "hooks:\n  ApplicationStart:\n    - start.sh\n", "WrongType@5:7")]
    [InlineData("5 event is a map", Linux + "hooks:\n  ApplicationStart:\n    location: a.sh\n", "WrongType@5:5")]
    // 6. hook item without a non-empty location.
    [InlineData("6 split items", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n    - timeout: 180\n    - runas: ec2-user\n", "MissingLocation@6:7", "MissingLocation@7:7")]
    [InlineData("6 locaiton", Linux + "hooks:\n  ApplicationStart:\n    - locaiton: a.sh\n", "IgnoredKey@5:7", "MissingLocation@5:7")]
    [InlineData("6 run", Linux + "hooks:\n  ApplicationStart:\n    - run: ./start.sh\n", "IgnoredKey@5:7", "MissingLocation@5:7")]
    [InlineData("6 empty location", Linux + "hooks:\n  ApplicationStart:\n    - location:\n      timeout: 60\n", "MissingLocation@5:7")]
    // 7. timeout.
    [InlineData("7 zero", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n      timeout: 0\n", "InvalidTimeout@6:16")]
    [InlineData("7 negative", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n      timeout: -1\n", "InvalidTimeout@6:16")]
    [InlineData("7 text", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n      timeout: abc\n", "InvalidTimeout@6:16")]
    [InlineData("7 5m (agent reads 5)", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n      timeout: 5m\n", "InvalidTimeout@6:16")]
    // 8. files.
    [InlineData("8 sources typo", Linux + "files:\n  - sources: /\n    destinations: /opt\n", "IgnoredKey@4:5", "MissingSource@4:5", "MissingDestination@4:5", "IgnoredKey@5:5")]
    [InlineData("8 missing destination", Linux + "files:\n  - source: /\n", "MissingDestination@4:5")]
    [InlineData("8 files as map", Linux + "files:\n  source: /\n  destination: /opt\n", "WrongType@4:3")]
    // 9. permissions.
    [InlineData("9 missing object", Linux + "permissions:\n  - owner: app\n", "MissingObject@4:5")]
    [InlineData("9 on windows", Windows + "permissions:\n  - object: C:\\app\n", "PermissionsOnWindows@3:1")]
    [InlineData("9 type scalar", Linux + "permissions:\n  - object: /opt\n    type: file\n", "InvalidPermissionType@5:11")]
    [InlineData("9 type link", Linux + "permissions:\n  - object: /opt\n    type: [link]\n", "InvalidPermissionType@5:12")]
    [InlineData("9 mode 5 digits", Linux + "permissions:\n  - object: /opt\n    mode: 12345\n", "InvalidMode@5:11")]
    [InlineData("9 mode 888", Linux + "permissions:\n  - object: /opt\n    mode: 888\n", "InvalidMode@5:11")]
    [InlineData("9 mode symbolic", Linux + "permissions:\n  - object: /opt\n    mode: u+x\n", "InvalidMode@5:11")]
    // 10. byte-order mark.
    [InlineData("10 BOM", "\uFEFFversion: 0.0\nos: linux\n", "ByteOrderMark@1:1")]
    // Greenlight's own rules.
    [InlineData("ECS appspec", "version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n", "EcsOrLambdaAppSpec@2:1")]
    [InlineData("Lambda appspec", "version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n", "EcsOrLambdaAppSpec@2:1")]
    [InlineData("source escapes", Linux + "files:\n  - source: ../secrets\n    destination: /opt\n", "PathEscapesBundle@4:13")]
    [InlineData("location escapes", Linux + "hooks:\n  AfterInstall:\n    - location: scripts/../../x.sh\n", "PathEscapesBundle@5:17")]
    [InlineData("runas injection", Linux + "hooks:\n  AfterInstall:\n    - location: a.sh\n      runas: \"app; touch /tmp/pwned\"\n", "InvalidRunAs@6:14")]
    [InlineData("runas upper case", Linux + "hooks:\n  AfterInstall:\n    - location: a.sh\n      runas: Admin\n", "InvalidRunAs@6:14")]
    [InlineData("sudo text", Linux + "hooks:\n  AfterInstall:\n    - location: a.sh\n      sudo: \"false\"\n", "InvalidSudo@6:13")]
    [InlineData("same source and destination", Linux + "files:\n  - source: app\n    destination: /opt\n  - source: /app/\n    destination: /opt/\n", "DuplicateDestination@6:13")]
    [InlineData("file_exists_behavior", Linux + "file_exists_behavior: overwrite\n", "InvalidFileExistsBehavior@3:23")]
    [InlineData("python tag", Linux + "x: !!python/object:os.system ls\n", "IgnoredKey@3:1", "TagNotAllowed@3:4")]
    [InlineData("local tag", "version: !foo 0.0\nos: linux\n", "TagNotAllowed@1:10")]
    [InlineData("undefined alias", Linux + "hooks: *nothing\n", "YamlSyntax@3:8")]
    public void Parse_RejectedConstruct_Invalid(string name, string yaml, params string[] codes)
    {
        var result = AppSpecParser.Parse(yaml);
        Verdict(Invalid, result.Diagnostics);
        Codes(codes, result.Diagnostics);
        Assert.Null(result.Document);
        Assert.NotNull(name);
    }

    [Theory]
    // Deviation: CodeDeploy rejects these; Greenlight accepts them and says why (docs/appspec.md).
    [InlineData("quoted version", "version: \"0.0\"\nos: linux\n", "QuotedVersion@1:10")]
    [InlineData("null hook event", Linux + "hooks:\n  ApplicationStop:\n  AfterInstall:\n    - location: a.sh\n", "EmptyHookEvent@4:3")]
    [InlineData("unquoted 0755", Linux + "permissions:\n  - object: /opt\n    mode: 0755\n", "ModeReadAsOctalByCodeDeploy@5:11")]
    public void Parse_CodeDeployRejectsGreenlightWarns_Warns(string name, string yaml, params string[] codes)
    {
        var result = AppSpecParser.Parse(yaml);
        Verdict(Warns, result.Diagnostics);
        Codes(codes, result.Diagnostics);
        Assert.NotNull(name);
    }
}
