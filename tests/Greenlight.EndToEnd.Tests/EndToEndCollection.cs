namespace Greenlight.EndToEnd.Tests;

/// <summary>End-to-end tests start real server processes: run them one at a time on this 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
