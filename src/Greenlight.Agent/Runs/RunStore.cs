using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Greenlight.Agent.Runs;

/// <summary>
/// Run records on disk, one JSON file per ticket (named by the SHA-256 of its key), written through a temp file,
/// fsync and rename, so after a crash each record is either the old or the new one, never half.
/// </summary>
public sealed class RunStore
{
    private readonly string _directory;

    public RunStore(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    public RunRecord? Get(string ticketKey) =>
        File.Exists(PathOf(ticketKey)) ? JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(PathOf(ticketKey)), Protocol.AgentClient.Json) : null;

    public IReadOnlyList<RunRecord> All() =>
    [
        .. Directory.EnumerateFiles(_directory, "*.json")
            .Select(f => JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(f), Protocol.AgentClient.Json)!)
            .OrderBy(r => r.StartedAt),
    ];

    public void Save(RunRecord record)
    {
        var path = PathOf(record.Ticket.TicketKey);
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, record, Protocol.AgentClient.Json);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(string ticketKey) =>
        Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ticketKey))) + ".json");
}
