using System.Globalization;
using Greenlight.Engine.Storage;

namespace Greenlight.Server.Alarms;

/// <summary><c>greenlight_alarm_state{alarm="..."}</c> in <c>GET /metrics</c>: 0 OK, 1 ALARM, -1 INSUFFICIENT_DATA.</summary>
public static class AlarmMetrics
{
    public static async Task WriteAsync(TextWriter writer, IGreenlightStore store, CancellationToken ct)
    {
        var alarms = await AlarmStore.ListAsync(store, ct);
        if (alarms.Count == 0)
        {
            return;
        }

        await writer.WriteLineAsync("# HELP greenlight_alarm_state The alarm's state: 0 OK, 1 ALARM, -1 INSUFFICIENT_DATA.");
        await writer.WriteLineAsync("# TYPE greenlight_alarm_state gauge");
        foreach (var alarm in alarms)
        {
            var value = alarm.Alarm.StateValue switch
            {
                AlarmVocabulary.Ok => 0,
                AlarmVocabulary.Alarm => 1,
                _ => -1,
            };
            var name = alarm.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"greenlight_alarm_state{{alarm=\"{name}\"}} {value}"));
        }
    }
}
