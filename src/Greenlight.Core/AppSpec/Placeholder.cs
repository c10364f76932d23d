namespace Greenlight.Core.AppSpec;

internal static class Placeholder;
