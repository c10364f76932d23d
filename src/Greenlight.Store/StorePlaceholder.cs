namespace Greenlight.Store;

internal static class StorePlaceholder;
