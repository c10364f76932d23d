namespace Greenlight.Bundles;

/// <summary>The input cannot be read as a bundle; the message is shown to the user as is.</summary>
public sealed class BundleReadException(string message, Exception? inner = null) : Exception(message, inner);
