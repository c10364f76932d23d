namespace Greenlight.Bundles.Tests;

/// <summary>A fresh directory per test, deleted afterwards.</summary>
public abstract class TempDirectory : IDisposable
{
    protected string Temp { get; } = Directory.CreateTempSubdirectory("greenlight-bundles-").FullName;

    public void Dispose()
    {
        Directory.Delete(Temp, recursive: true);
        GC.SuppressFinalize(this);
    }
}
