using Greenlight.Core.AppSpec;
using static Greenlight.Core.Tests.AppSpec.AppSpecAssert;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>appspec-in-the-wild.md §6, "Constructs a compatible parser must ACCEPT": one row per construct.</summary>
public sealed class AppSpecParserAcceptTests
{
    [Theory]
    // 1. Unknown keys in files entries are ignored with a warning.
    [InlineData("1 overwrite", Linux + "files:\n  - source: /\n    destination: /opt/app\n    overwrite: yes\n", Warns, "IgnoredKey@6:5")]
    [InlineData("1 overwrite true", Linux + "files:\n  - source: /\n    destination: /opt/app\n    overwrite: true\nfile_exists_behavior: OVERWRITE\n", Warns, "IgnoredKey@6:5")]
    [InlineData("1 mode and owner", Linux + "files:\n  - source: bin\n    destination: /opt/app\n    mode: 777\n    owner: app\n", Warns, "IgnoredKey@6:5", "IgnoredKey@7:5")]
    // 2. Unknown keys in hook items next to location; sudo is honoured.
    [InlineData("2 commands", Linux + "hooks:\n  ApplicationStart:\n    - location: start.sh\n      commands: echo hi\n", Warns, "IgnoredKey@6:7")]
    [InlineData("2 sudo", Linux + "hooks:\n  ApplicationStart:\n    - location: start.sh\n      sudo: true\n", Valid)]
    // 3. Unknown top-level keys; file_exists_behavior is known.
    [InlineData("3 file_exists_behavior", Linux + "file_exists_behavior: RETAIN\n", Valid)]
    [InlineData("3 phases", Linux + "phases:\n  pre_build:\n    commands: [make]\n", Warns, "IgnoredKey@3:1")]
    [InlineData("3 appid", Linux + "appid: 7\nlanguage: go\n", Warns, "IgnoredKey@3:1", "IgnoredKey@4:1")]
    [InlineData("3 Resources with os", Linux + "Resources:\n  - x: y\n", Warns, "IgnoredKey@3:1")]
    // 4. Unknown or non-scriptable event names warn.
    [InlineData("4 Install", Linux + "hooks:\n  Install:\n    - location: install.sh\n", Warns, "ScriptsNeverRun@4:3")]
    [InlineData("4 BeforeAllowTraffic", Linux + "hooks:\n  BeforeAllowTraffic:\n    - location: a.sh\n", Valid)]
    [InlineData("4 Before Install", Linux + "hooks:\n  Before Install:\n    - location: a.sh\n", Warns, "UnknownLifecycleEvent@4:3")]
    [InlineData("4 typo", Linux + "hooks:\n  AplicationStart:\n    - location: a.sh\n", Warns, "UnknownLifecycleEvent@4:3")]
    [InlineData("4 wrong case", Linux + "hooks:\n  applicationstart:\n    - location: a.sh\n", Warns, "UnknownLifecycleEvent@4:3")]
    // 5. version: any YAML number equal to 0.
    [InlineData("5 0.0", "version: 0.0\nos: linux\n", Valid)]
    [InlineData("5 0", "version: 0\nos: linux\n", Valid)]
    [InlineData("5 0.00", "version: 0.00\nos: linux\n", Valid)]
    [InlineData("5 0.", "version: 0.\nos: linux\n", Valid)]
    // 6. timeout: missing, numeric strings, floats; above 3600 warns.
    [InlineData("6 missing", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n", Valid)]
    [InlineData("6 quoted", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n      timeout: \"300\"\n", Valid)]
    [InlineData("6 float", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n      timeout: 12.7\n", Valid)]
    [InlineData("6 3600", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n      timeout: 3600\n", Valid)]
    [InlineData("6 7200", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n      timeout: 7200\n", Warns, "TimeoutAboveMaximum@6:16")]
    // 7. runas: any plain user; ignored on Windows.
    [InlineData("7 ec2-user", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n      runas: ec2-user\n", Valid)]
    [InlineData("7 www-data", Linux + "hooks:\n  ApplicationStart:\n    - location: a.sh\n      runas: www-data\n", Valid)]
    [InlineData("7 windows Administrator", Windows + "hooks:\n  ApplicationStart:\n    - location: a.ps1\n      runas: Administrator\n", Warns, "RunAsIgnoredOnWindows@6:14")]
    // 8. mode: unquoted 3-4 digit integers and quoted strings; unquoted leading zero warns.
    [InlineData("8 755", Linux + "permissions:\n  - object: /opt/app\n    mode: 755\n", Valid)]
    [InlineData("8 quoted 0644", Linux + "permissions:\n  - object: /opt/app\n    mode: \"0644\"\n", Valid)]
    [InlineData("8 4755", Linux + "permissions:\n  - object: /opt/app\n    mode: \"4755\"\n", Valid)]
    [InlineData("8 7777", Linux + "permissions:\n  - object: /opt/app\n    mode: 7777\n", Valid)]
    [InlineData("8 1", Linux + "permissions:\n  - object: /opt/app\n    mode: 1\n", Valid)]
    [InlineData("8 unquoted 0644", Linux + "permissions:\n  - object: /opt/app\n    mode: 0644\n", Warns, "ModeReadAsOctalByCodeDeploy@5:11")]
    [InlineData("8 unquoted 0755", Linux + "permissions:\n  - object: /opt/app\n    mode: 0755\n", Warns, "ModeReadAsOctalByCodeDeploy@5:11")]
    // 9. null or empty sections and events.
    [InlineData("9 null hooks", Linux + "hooks:\n", Valid)]
    [InlineData("9 null files", Linux + "files:\npermissions:\n", Valid)]
    [InlineData("9 empty event", Linux + "hooks:\n  ApplicationStart: []\n", Valid)]
    [InlineData("9 no files no hooks", Linux, Valid)]
    // 10. bundle-relative sources and locations.
    [InlineData("10 slash", Linux + "files:\n  - source: /\n    destination: /opt/app\n", Valid)]
    [InlineData("10 dot", Linux + "files:\n  - source: .\n    destination: /opt/app\n", Valid)]
    [InlineData("10 dot slash build", Linux + "files:\n  - source: ./build/\n    destination: /opt/app\n", Valid)]
    [InlineData("10 leading slash", Linux + "files:\n  - source: /app\n    destination: /opt/app\n", Valid)]
    [InlineData("10 backslash windows", Windows + "files:\n  - source: \\\n    destination: c:\\inetpub\\wwwroot\n", Valid)]
    [InlineData("10 location slash", Linux + "hooks:\n  AfterInstall:\n    - location: /scripts/a.sh\n    - location: ./scripts/b.sh\n", Valid)]
    [InlineData("10 two folders into one destination", Linux + "files:\n  - source: app\n    destination: /opt/web\n  - source: config\n    destination: /opt/web\n", Valid)]
    // 11. Windows paths; os and path style disagreeing warns.
    [InlineData("11 C forward", Windows + "files:\n  - source: .\\src\n    destination: C:/app/\n", Valid)]
    [InlineData("11 linux with windows dest", Linux + "files:\n  - source: /\n    destination: c:\\deploy\n", Warns, "PathStyleMismatch@5:18")]
    [InlineData("11 windows with linux dest", Windows + "files:\n  - source: /\n    destination: /var/www\n", Warns, "PathStyleMismatch@5:18")]
    // 12. relative destination.
    [InlineData("12 relative destination", Linux + "files:\n  - source: test.py\n    destination: scripts/test.py\n", Warns, "RelativeDestination@5:18")]
    // 13. YAML forms.
    [InlineData("13 comments", "# deploy\nversion: 0.0 # always\nos: linux  # 서버\n# 끝\n", Valid)]
    [InlineData("13 trailing tab and spaces", "version: 0.0\t\nos: linux   \n", Valid)]
    [InlineData("13 no final newline", "version: 0.0\nos: linux", Valid)]
    [InlineData("13 zero-indented list", Linux + "files:\n- source: /\n  destination: /opt/app\n", Valid)]
    [InlineData("13 odd indentation", Linux + "hooks:\n   AfterInstall:\n      - location: a.sh\n        timeout: 10\n", Valid)]
    [InlineData("13 document start", "---\nversion: 0.0\nos: linux\n", Valid)]
    [InlineData("13 crlf", "version: 0.0\r\nos: linux\r\nhooks:\r\n  AfterInstall:\r\n    - location: a.sh\r\n", Valid)]
    [InlineData("13 flow", "{version: 0.0, os: linux, hooks: {AfterInstall: [{location: a.sh, timeout: 60}]}}", Valid)]
    [InlineData("13 yaml 1.1 boolean", Linux + "hooks:\n  AfterInstall:\n    - location: a.sh\n      sudo: yes\n", Valid)]
    [InlineData("13 duplicate key", "version: 0.0\nos: windows\nos: linux\n", Warns, "DuplicateKey@3:1")]
    [InlineData("13 anchor and alias", Linux + "hooks:\n  BeforeInstall: &s\n    - location: a.sh\n  AfterInstall: *s\n", Warns, "AliasUsed@6:17")]
    [InlineData("13 merge key", Linux + "x: &d {timeout: 60, runas: app}\nhooks:\n  AfterInstall:\n    - <<: *d\n      location: a.sh\n", Warns, "IgnoredKey@3:1", "AliasUsed@6:11")]
    // 14. Parses but fails at run time: warn.
    [InlineData("14 glob source", Linux + "files:\n  - source: /*\n    destination: /opt/app\n", Warns, "GlobSource@4:13")]
    [InlineData("14 command location", Linux + "hooks:\n  ApplicationStart:\n    - location: pip install -e .\n", Warns, "LocationLooksLikeCommand@5:17")]
    [InlineData("14 windows location on linux", Linux + "hooks:\n  AfterInstall:\n    - location: scripts\\a.sh\n", Warns, "PathStyleMismatch@5:17")]
    [InlineData("14 windows source on linux", Linux + "files:\n  - source: \\app\n    destination: /opt/app\n", Warns, "PathStyleMismatch@4:13")]
    public void Parse_AcceptedConstruct_ValidOrWarns(string name, string yaml, string verdict, params string[] codes)
    {
        var result = AppSpecParser.Parse(yaml);
        Verdict(verdict, result.Diagnostics);
        Codes(codes, result.Diagnostics);
        Assert.NotNull(result.Document);
        Assert.NotNull(name);
    }
}
