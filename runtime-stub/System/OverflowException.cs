namespace System;

/// <summary>Thrown by <c>checked</c> arithmetic and conversions (via <c>ThrowHelpers.ThrowOverflowException</c>).</summary>
public class OverflowException : ArithmeticException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "Arithmetic operation resulted in an overflow.";

    public OverflowException()
        : base(DefaultMessage)
    {
    }

    public OverflowException(string? message)
        : base(message ?? DefaultMessage)
    {
    }
}
