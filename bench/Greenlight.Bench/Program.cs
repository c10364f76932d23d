using System.Diagnostics;
using System.Globalization;
using System.Text;
using Greenlight.Core.AppSpec;

namespace Greenlight.Bench;

/// <summary>
/// <c>appspec [RUNS]</c>: how long <see cref="AppSpecParser.Parse"/> takes on real and hostile documents (median and
/// worst of RUNS parses after a warm-up), and the allocation per parse. The goal (issue 2): a hostile document never
/// takes more than 100 ms.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "lb")
        {
            return LoadBalancerBench.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length == 0 || args[0] != "appspec")
        {
            Console.Error.WriteLine("usage: Greenlight.Bench appspec [RUNS] | lb [SECONDS] [CONCURRENCY]");
            return 2;
        }

        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var cases = new (string Name, string Text)[]
        {
            ("typical appspec (25 lines)", Typical),
            ("64 KiB of keys (the size cap)", Keys(64 * 1024 - 100)),
            ("60k open brackets", new string('[', 60_000)),
            ("deep nested maps (depth 300)", string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i) + "a:\n"))),
            ("billion laughs (9 levels)", BillionLaughs()),
            ("2 MiB document (over the cap)", "version: 0.0\nos: linux\n# " + new string('x', 2 << 20)),
            ("5,000 aliases", "a: &a x\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"k{i}: *a\n"))),
        };

        Console.WriteLine($"{"AppSpecParser.Parse",-34} {"median ms",10} {"worst ms",10} {"KiB alloc",10}  verdict");
        Console.WriteLine($"{new string('-', 34)} {new string('-', 10)} {new string('-', 10)} {new string('-', 10)}  -------");
        foreach (var (name, text) in cases)
        {
            AppSpecParser.Parse(text);
            var times = new List<double>();
            var before = GC.GetAllocatedBytesForCurrentThread();
            AppSpecParseResult? last = null;
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                last = AppSpecParser.Parse(text);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            var kib = (GC.GetAllocatedBytesForCurrentThread() - before) / runs / 1024.0;
            times.Sort();
            var verdict = last!.ErrorCount > 0 ? $"{last.ErrorCount} errors, first {last.Diagnostics.First(d => d.Severity == AppSpecSeverity.Error).Code}" : "valid";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {times[times.Count / 2],10:0.00} {times[^1],10:0.00} {kib,10:0}  {verdict}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n{runs} parses each after one warm-up; {Environment.ProcessorCount} cores. Goal: every hostile case under 100 ms."));
        return 0;
    }

    private const string Typical = """
        version: 0.0
        os: linux
        files:
          - source: /
            destination: /opt/web
        permissions:
          - object: /opt/web
            pattern: "**"
            owner: www-data
            mode: 644
            type:
              - file
        hooks:
          ApplicationStop:
            - location: scripts/stop.sh
              timeout: 60
          AfterInstall:
            - location: scripts/after-install.sh
              timeout: 300
              runas: root
          ApplicationStart:
            - location: scripts/start.sh
          ValidateService:
            - location: scripts/validate.sh
              timeout: 120
        """;

    private static string Keys(int bytes)
    {
        var text = new StringBuilder("version: 0.0\nos: linux\n");
        for (var i = 0; text.Length < bytes; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"k{i}: v\n");
        }

        return text.ToString();
    }

    private static string BillionLaughs()
    {
        var text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            text.Append(CultureInfo.InvariantCulture, $"{level}: &{level} [{string.Join(",", Enumerable.Repeat($"*{previous}", 9))}]\n");
        }

        return text.ToString();
    }
}
