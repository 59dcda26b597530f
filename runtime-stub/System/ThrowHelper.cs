namespace System;

using System.Diagnostics.CodeAnalysis;

/// <summary>
/// The library's own throws, out of line so the checking methods stay small (as in .NET).
/// The messages are CoreCLR's. The compiler's helpers are in
/// <c>Internal.Runtime.CompilerHelpers.ThrowHelpers</c>.
/// </summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    internal static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();

    [DoesNotReturn]
    internal static void ThrowArgumentOutOfRangeException_Length() => throw new ArgumentOutOfRangeException("length");

    [DoesNotReturn]
    internal static void ThrowValueArgumentOutOfRange_NeedNonNegNumException() =>
        throw new ArgumentOutOfRangeException("value", "Non-negative number required.");

    [DoesNotReturn]
    internal static void ThrowArgumentException_DestinationTooShort() =>
        throw new ArgumentException("Destination is too short.", "destination");

    [DoesNotReturn]
    internal static void ThrowInvalidOperationException_NoValue() =>
        throw new InvalidOperationException("Nullable object must have a value.");

    [DoesNotReturn]
    internal static void ThrowOverflowException_NegateTwosCompNum() =>
        throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");

    [DoesNotReturn]
    internal static void ThrowNotSupportedException() => throw new NotSupportedException();

    [DoesNotReturn]
    internal static void ThrowNotSupportedException_NonLatin1() =>
        throw new NotSupportedException("Character classification beyond Latin-1 needs Unicode tables, which this library does not include.");
}
