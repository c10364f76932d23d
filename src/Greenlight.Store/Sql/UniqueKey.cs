namespace Greenlight.Store.Sql;

/// <summary>The unique keys whose violation the store turns into a <c>StoreConflictException</c>; each dialect maps its provider's error to one.</summary>
internal enum UniqueKey
{
    Other,
    DeploymentId,
    ActiveDeploymentPerGroup,
    TokenId,
    TokenHash,
}
