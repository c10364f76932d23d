using System.Collections.Immutable;
using Greenlight.Agent.Install;

namespace Greenlight.Agent.Tests.Install;

public sealed class PermissionApplierTests
{
    [Fact]
    public void FullAcl_NamedEntries_AddsBaseEntriesFromMode() =>
        Assert.Equal("u::rw-,g::r--,o::---,u:bob:rw",
            PermissionApplier.FullAcl(ImmutableArray.Create("u:bob:rw"), InstallFixture.Mode("640")));

    [Fact]
    public void FullAcl_OtherGiven_KeepsIt() =>
        Assert.Equal("u::rwx,g::r-x,o::r,m::rx",
            PermissionApplier.FullAcl(ImmutableArray.Create("o::r", "m::rx"), InstallFixture.Mode("755")));
}
