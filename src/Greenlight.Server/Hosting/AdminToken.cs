using Greenlight.Engine.Storage;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Hosting;

/// <summary>
/// On the first start (no token at all) creates the admin token, writes it to <c>DATA/admin.token</c> with mode 0600
/// and returns it so the server prints it once. Later starts return null and leave the file alone.
/// </summary>
public static class AdminToken
{
    public static async Task<string?> EnsureAsync(IGreenlightStore store, ServerOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if ((await store.ListTokensAsync(cancellationToken)).Count > 0)
        {
            return null;
        }

        var secret = TokenSecrets.New();
        var path = options.AdminTokenPath;
        var temp = path + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        File.Delete(temp);
        await using (var file = new FileStream(temp, fileOptions))
        await using (var writer = new StreamWriter(file))
        {
            await writer.WriteLineAsync(secret.AsMemory(), cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
        var record = new ApiTokenRecord(TokenSecrets.NewId(), "admin", TokenSecrets.Hash(secret), Roles.Admin, null, time.GetUtcNow(), null, null);
        await store.PutTokenAsync(record, new AuditEntry(time.GetUtcNow(), "server", "CreateAdminToken", record.Id), cancellationToken);
        return secret;
    }
}
