using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Greenlight.Agent.Runs;

/// <summary>
/// Run records on disk, one JSON file per ticket (named by the SHA-256 of its key), written through a temp file,
/// fsync and rename, so after a crash each record is either the old or the new one, never half. Saves are serialized
/// and each uses its own temp file: two writers of one record (a final report sent again while the first is still
/// saving) once shared a temp file, one truncating it under the other's rename, and a reader found an empty record.
/// </summary>
public sealed class RunStore
{
    private readonly string _directory;
    private readonly Lock _saving = new();

    public RunStore(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        foreach (var leftover in Directory.EnumerateFiles(directory, "*.tmp"))
        {
            File.Delete(leftover); // A save interrupted by a crash: its record is the previous one.
        }
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
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        lock (_saving)
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(file, record, Protocol.AgentClient.Json);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
    }

    private string PathOf(string ticketKey) =>
        Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ticketKey))) + ".json");
}
