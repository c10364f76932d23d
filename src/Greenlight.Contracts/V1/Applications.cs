namespace Greenlight.Contracts.V1;

/// <summary>CreateApplication input.</summary>
public sealed record CreateApplicationInput(string? ApplicationName, string? ComputePlatform = "Server");

/// <summary>ApplicationInfo.</summary>
public sealed record ApplicationInfo(string ApplicationId, string ApplicationName, DateTimeOffset CreateTime, string ComputePlatform);

/// <summary>A page of names, as CodeDeploy's List* operations return.</summary>
public sealed record NameList(IReadOnlyList<string> Names, string? NextToken = null);
