namespace Greenlight.Store;

/// <summary>
/// The database setting cannot be used. The message names the problem in one line and never contains a password.
/// </summary>
public sealed class StoreConfigurationException(string message) : Exception(message);
