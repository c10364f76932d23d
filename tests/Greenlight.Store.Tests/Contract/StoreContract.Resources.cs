using Greenlight.Engine.Storage;

namespace Greenlight.Store.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task PutResourceAsync_NewKey_CreatedAtVersion1WithAudit()
    {
        var audit = Audit("CreateApplication", "shop");

        var stored = await Store.PutResourceAsync(ResourceKinds.Application, "shop", """{"name":"shop"}""", 0, audit, Ct);

        var expected = new StoredResource(ResourceKinds.Application, "shop", """{"name":"shop"}""", 1, T0, T0);
        Assert.Equal(expected, stored);
        Assert.Equal(expected, await Store.GetResourceAsync(ResourceKinds.Application, "shop", Ct));
        Assert.Equal([audit], await Store.ListAuditAsync(10, Ct));
    }

    [Fact]
    public async Task PutResourceAsync_ExistingKeyExpectingNew_AlreadyExistsAndNoAudit()
    {
        await Store.PutResourceAsync(ResourceKinds.Application, "shop", "{}", 0, Audit("Create", "shop"), Ct);

        var refused = await Assert.ThrowsAsync<StoreConflictException>(
            () => Store.PutResourceAsync(ResourceKinds.Application, "shop", """{"x":1}""", 0, Audit("Create again", "shop"), Ct));

        Assert.Equal("AlreadyExists", refused.Code);
        Assert.Equal("{}", (await Store.GetResourceAsync(ResourceKinds.Application, "shop", Ct))!.Body);
        Assert.Single(await Store.ListAuditAsync(10, Ct));
    }

    [Fact]
    public async Task PutResourceAsync_MatchingVersion_ReplacedAndVersionIncremented()
    {
        await Store.PutResourceAsync(ResourceKinds.DeploymentGroup, "shop/web", "v1", 0, Audit("Create", "shop/web"), Ct);

        var replaced = await Store.PutResourceAsync(ResourceKinds.DeploymentGroup, "shop/web", "v2", 1, Audit("Update", "shop/web", T0.AddMinutes(1)), Ct);

        Assert.Equal(new StoredResource(ResourceKinds.DeploymentGroup, "shop/web", "v2", 2, T0, T0.AddMinutes(1)), replaced);
        Assert.Equal(replaced, await Store.GetResourceAsync(ResourceKinds.DeploymentGroup, "shop/web", Ct));
        Assert.Equal(["Update", "Create"], (await Store.ListAuditAsync(10, Ct)).Select(a => a.Action));
    }

    [Fact]
    public async Task PutResourceAsync_StaleVersion_VersionConflictAndNothingWritten()
    {
        await Store.PutResourceAsync(ResourceKinds.Alarm, "cpu", "v1", 0, Audit("Create", "cpu"), Ct);
        await Store.PutResourceAsync(ResourceKinds.Alarm, "cpu", "v2", 1, Audit("Update", "cpu"), Ct);

        var refused = await Assert.ThrowsAsync<StoreConflictException>(
            () => Store.PutResourceAsync(ResourceKinds.Alarm, "cpu", "stale", 1, Audit("Update stale", "cpu"), Ct));

        Assert.Equal("VersionConflict", refused.Code);
        var stored = await Store.GetResourceAsync(ResourceKinds.Alarm, "cpu", Ct);
        Assert.Equal(("v2", 2L), (stored!.Body, stored.Version));
        Assert.Equal(2, (await Store.ListAuditAsync(10, Ct)).Count);
    }

    [Fact]
    public async Task PutResourceAsync_MissingKeyWithVersion_NotFoundAndNoAudit()
    {
        var refused = await Assert.ThrowsAsync<StoreConflictException>(
            () => Store.PutResourceAsync(ResourceKinds.Alarm, "cpu", "v1", 3, Audit("Update", "cpu"), Ct));

        Assert.Equal("NotFound", refused.Code);
        Assert.Null(await Store.GetResourceAsync(ResourceKinds.Alarm, "cpu", Ct));
        Assert.Empty(await Store.ListAuditAsync(10, Ct));
    }

    [Fact]
    public async Task PutResourceAsync_AuditRowFails_ChangeRolledBack()
    {
        var broken = new AuditEntry(T0, null!, "Create", "shop");

        await Assert.ThrowsAnyAsync<Exception>(
            () => Store.PutResourceAsync(ResourceKinds.Application, "shop", "{}", 0, broken, Ct));

        Assert.Null(await Store.GetResourceAsync(ResourceKinds.Application, "shop", Ct));
        Assert.Empty(await Store.ListAuditAsync(10, Ct));
    }

    [Fact]
    public async Task DeleteResourceAsync_Existing_DeletedWithAudit()
    {
        await Store.PutResourceAsync(ResourceKinds.Instance, "i-1", "{}", 0, Audit("Register", "i-1"), Ct);

        Assert.True(await Store.DeleteResourceAsync(ResourceKinds.Instance, "i-1", null, Audit("Deregister", "i-1"), Ct));

        Assert.Null(await Store.GetResourceAsync(ResourceKinds.Instance, "i-1", Ct));
        Assert.Equal(["Deregister", "Register"], (await Store.ListAuditAsync(10, Ct)).Select(a => a.Action));
    }

    [Fact]
    public async Task DeleteResourceAsync_Missing_FalseAndNoAudit()
    {
        Assert.False(await Store.DeleteResourceAsync(ResourceKinds.Instance, "i-404", null, Audit("Deregister", "i-404"), Ct));
        Assert.False(await Store.DeleteResourceAsync(ResourceKinds.Instance, "i-404", 1, Audit("Deregister", "i-404"), Ct));

        Assert.Empty(await Store.ListAuditAsync(10, Ct));
    }

    [Fact]
    public async Task DeleteResourceAsync_StaleVersion_VersionConflictAndKept()
    {
        await Store.PutResourceAsync(ResourceKinds.Instance, "i-1", "v1", 0, Audit("Register", "i-1"), Ct);
        await Store.PutResourceAsync(ResourceKinds.Instance, "i-1", "v2", 1, Audit("Update", "i-1"), Ct);

        var refused = await Assert.ThrowsAsync<StoreConflictException>(
            () => Store.DeleteResourceAsync(ResourceKinds.Instance, "i-1", 1, Audit("Deregister", "i-1"), Ct));

        Assert.Equal("VersionConflict", refused.Code);
        Assert.NotNull(await Store.GetResourceAsync(ResourceKinds.Instance, "i-1", Ct));
        Assert.Equal(2, (await Store.ListAuditAsync(10, Ct)).Count);
    }

    [Fact]
    public async Task DeleteResourceAsync_MatchingVersion_Deleted()
    {
        await Store.PutResourceAsync(ResourceKinds.Instance, "i-1", "v1", 0, Audit("Register", "i-1"), Ct);

        Assert.True(await Store.DeleteResourceAsync(ResourceKinds.Instance, "i-1", 1, Audit("Deregister", "i-1"), Ct));

        Assert.Null(await Store.GetResourceAsync(ResourceKinds.Instance, "i-1", Ct));
    }

    [Fact]
    public async Task ListResourcesAsync_Prefix_OnlyThatKindAndLiteralPrefixInByteOrder()
    {
        foreach (var key in new[] { "shop/web", "shop/api", "shop_x/web", "shopping/web", "a%b/web" })
        {
            await Store.PutResourceAsync(ResourceKinds.DeploymentGroup, key, "{}", 0, Audit("Create", key), Ct);
        }
        await Store.PutResourceAsync(ResourceKinds.Application, "shop/other-kind", "{}", 0, Audit("Create", "x"), Ct);

        var shop = await Store.ListResourcesAsync(ResourceKinds.DeploymentGroup, "shop/", Ct);
        var all = await Store.ListResourcesAsync(ResourceKinds.DeploymentGroup, null, Ct);
        var literal = await Store.ListResourcesAsync(ResourceKinds.DeploymentGroup, "a%", Ct);

        Assert.Equal(["shop/api", "shop/web"], shop.Select(r => r.Key));
        Assert.Equal(["a%b/web", "shop/api", "shop/web", "shop_x/web", "shopping/web"], all.Select(r => r.Key));
        Assert.Equal(["a%b/web"], literal.Select(r => r.Key));
    }
}
