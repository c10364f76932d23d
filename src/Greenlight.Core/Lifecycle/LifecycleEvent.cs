namespace Greenlight.Core.Lifecycle;

/// <summary>
/// The lifecycle events of an EC2/on-premises deployment, in CodeDeploy's canonical order
/// (codedeploy-semantics §2.1). The numeric order is the order in which they can run on one instance.
/// </summary>
public enum LifecycleEvent
{
    Start,
    BeforeBlockTraffic,
    BlockTraffic,
    AfterBlockTraffic,
    ApplicationStop,
    DownloadBundle,
    BeforeInstall,
    Install,
    AfterInstall,
    ApplicationStart,
    ValidateService,
    BeforeAllowTraffic,
    AllowTraffic,
    AfterAllowTraffic,
    End,
}
