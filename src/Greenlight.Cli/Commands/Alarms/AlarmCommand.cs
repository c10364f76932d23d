using System.CommandLine;
using Greenlight.Cli.Api;
using Greenlight.Cli.Commands.Resources;
using Greenlight.Cli.Output;
using Greenlight.Contracts.V1;

namespace Greenlight.Cli.Commands.Alarms;

/// <summary><c>greenlight alarm</c>: create, list, get, update, delete, set-state, history.</summary>
internal static class AlarmCommand
{
    public static Command Create() => new Command("alarm",
        "Create and watch alarms: CloudWatch-like metric alarms on the load balancer's traffic or a Prometheus query, or external\n" +
        "alarms set by hand or by Alertmanager. A deployment group's alarm configuration names alarms; one in ALARM stops its\n" +
        "deployments (ALARM_ACTIVE) and, with auto rollback, rolls back (a blue/green one puts traffic back on blue).\n" +
        "Examples:\n" +
        "  greenlight alarm create web-5xx --source lb --target-group web --pool green --metric HTTPCode_Target_5XX_Rate --period 1s --threshold 5 --comparison gt --evaluation-periods 3 --datapoints-to-alarm 2\n" +
        "  greenlight alarm create latency --source prometheus --url http://127.0.0.1:9090 --query 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[1m])) by (le))' --period 10s --threshold 0.5 --comparison gt --evaluation-periods 3\n" +
        "  greenlight alarm create pager --source external\n" +
        "  greenlight alarm set-state pager ALARM --reason 'checkout broken'\n" +
        Help.ApiExitCodes)
    {
        CreateVerb(), List(), Get(), Update(), Delete(), SetState(), History(),
    }.AsGroup();

    private static Argument<string> Name() => Help.Name("alarm", "The alarm.");

    private static string Path(string name) => "alarms/" + Uri.EscapeDataString(name);

    private static Command CreateVerb()
    {
        var name = Help.Name("alarm", "The alarm's name: 1-100 of A-Z a-z 0-9 . _ + = , @ -.");
        var o = new AlarmOptions();
        o.Source.Required = true;
        var command = new Command("create", Help.Verb("Create an alarm. It starts INSUFFICIENT_DATA; an evaluated one is evaluated at the end of each period.",
            "alarm create web-5xx --source lb --target-group web --metric HTTPCode_Target_5XX_Rate --period 1s --threshold 5 --comparison gt --evaluation-periods 3",
            "alarm create slow --source lb --target-group web --metric TargetResponseTime --statistic p99 --period 10s --threshold 0.5 --comparison gt --evaluation-periods 3 --missing notBreaching",
            "alarm create errors --source prometheus --url http://127.0.0.1:9090 --query 'sum(rate(http_requests_total{code=~\"5..\"}[1m]))' --period 15s --threshold 1 --comparison ge --evaluation-periods 2",
            "alarm create pager --source external --alert-name HighErrorRate"))
        {
            name,
        };
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        return command.WithApi(async call =>
        {
            var answer = await call.Api.PostAsync("alarms", o.Input(call, call.Get(name)), CancellationToken.None);
            var alarm = answer["alarm"];
            var rule = AlarmViews.Rule(alarm);
            return call.Done(answer, $"Created alarm {call.Get(name)}: {AlarmViews.Source(alarm?["metric"])}{(rule.Length > 0 ? ", " + rule : "")}");
        });
    }

    private static Command Update()
    {
        var name = Name();
        var o = new AlarmOptions();
        var command = new Command("update", Help.Verb("Change an alarm: only the options given change; --source and its options replace the metric as a whole.",
            "alarm update web-5xx --threshold 2 --evaluation-periods 5", "alarm update web-5xx --source lb --target-group web --pool green --metric HTTPCode_Target_5XX_Rate"))
        {
            name,
        };
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        return command.WithApi(async call =>
        {
            var answer = await call.Api.PutAsync(Path(call.Get(name)), o.Input(call, null), CancellationToken.None);
            return call.Print(answer, w =>
            {
                w.WriteLine($"Updated alarm {call.Get(name)}");
                AlarmViews.Alarm(w, answer["alarm"]);
            });
        });
    }

    private static Command List() => new Command("list", Help.Verb("List alarms: state, source, rule and the reason of the last change.",
        "alarm list", "alarm list -o json")).WithApi(async call =>
    {
        var answer = await call.Api.GetAsync("alarms", CancellationToken.None);
        var table = new Table("NAME", "STATE", "SOURCE", "RULE", "SINCE", "REASON");
        foreach (var alarm in Cells.Items(answer["alarms"]))
        {
            table.Add(Cells.Text(alarm["alarmName"]), Cells.Text(alarm["stateValue"]), AlarmViews.Source(alarm["metric"]), AlarmViews.Rule(alarm),
                Cells.Time(alarm["stateUpdatedTimestamp"]), Cells.Text(alarm["stateReason"]));
        }

        return call.Print(answer, table.Write);
    });

    private static Command Get()
    {
        var name = Name();
        return new Command("get", Help.Verb("Show an alarm: its source and rule, its state and why, and the last evaluation's reason and datapoints (oldest first, - missing).",
            "alarm get web-5xx", "alarm get web-5xx -o json"))
        {
            name,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync(Path(call.Get(name)), CancellationToken.None);
            return call.Print(answer, w => AlarmViews.Alarm(w, answer["alarm"]));
        });
    }

    private static Command Delete()
    {
        var name = Name();
        return new Command("delete", Help.Verb("Delete an alarm. Refused (exit 1, ResourceInUseException) while a deployment group's alarm configuration names it.",
            "alarm delete web-5xx"))
        {
            name,
        }.WithApi(async call =>
        {
            var answer = await call.Api.DeleteAsync(Path(call.Get(name)), CancellationToken.None);
            return call.Done(answer, $"Deleted alarm {call.Get(name)}");
        });
    }

    private static Command SetState()
    {
        var name = Name();
        var state = new Argument<string>("state") { Description = "ALARM, OK or INSUFFICIENT_DATA." };
        state.AcceptOnlyFromAmong("ALARM", "OK", "INSUFFICIENT_DATA");
        var reason = new Option<string>("--reason") { Description = "Why (shown in the alarm, its history and the deployments it stops).", HelpName = "TEXT" };
        return new Command("set-state", Help.Verb("Set an alarm's state (CloudWatch's SetAlarmState): for ever for an external alarm, until the next evaluation for the others. " +
                                                  "Deployments watching it hear it at once.",
            "alarm set-state pager ALARM --reason 'checkout broken'", "alarm set-state pager OK"))
        {
            name, state, reason,
        }.WithApi(async call =>
        {
            var answer = await call.Api.PutAsync(Path(call.Get(name)) + "/state", new SetAlarmStateInput(call.Get(state), call.Get(reason)), CancellationToken.None);
            return call.Done(answer, $"Alarm {call.Get(name)} is {Cells.Text(answer["alarm"]?["stateValue"])}: {Cells.Text(answer["alarm"]?["stateReason"])}");
        });
    }

    private static Command History()
    {
        var name = Name();
        return new Command("history", Help.Verb("An alarm's state changes, newest first (the last 100): when, from, to, why, and the datapoints evaluated.",
            "alarm history web-5xx", "alarm history web-5xx -o json"))
        {
            name,
        }.WithApi(async call =>
        {
            var answer = await call.Api.GetAsync(Path(call.Get(name)) + "/history", CancellationToken.None);
            var table = new Table("TIME", "FROM", "TO", "DATAPOINTS", "REASON");
            foreach (var item in Cells.Items(answer["alarmHistoryItems"]))
            {
                table.Add(Cells.Time(item["timestamp"]), Cells.Text(item["oldStateValue"]), Cells.Text(item["newStateValue"]),
                    AlarmViews.Datapoints(item["datapoints"]), Cells.Text(item["reason"]));
            }

            return call.Print(answer, table.Write);
        });
    }
}
