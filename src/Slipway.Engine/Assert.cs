using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Slipway.Engine;

/// <summary>Guards for targets that fail with a message naming the checked expression.</summary>
public static class Assert
{
    public static void True(
        [DoesNotReturnIf(false)] bool condition,
        string? message = null,
        [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition)
            Fail(message ?? $"Assertion failed: {expression}");
    }

    public static T NotNull<T>(
        [NotNull] T? value,
        string? message = null,
        [CallerArgumentExpression(nameof(value))] string? expression = null)
        where T : class
    {
        if (value is null)
            Fail(message ?? $"Expected {expression} to be set, but it is null");
        return value;
    }

    public static T NotNull<T>(
        [NotNull] T? value,
        string? message = null,
        [CallerArgumentExpression(nameof(value))] string? expression = null)
        where T : struct
    {
        if (value is null)
            Fail(message ?? $"Expected {expression} to be set, but it is null");
        return value.Value;
    }

    [DoesNotReturn]
    public static void Fail(string message) => throw new BuildAssertionException(message);
}
