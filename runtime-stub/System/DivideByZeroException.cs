namespace System;

/// <summary>Thrown by integer division or remainder by zero (via <c>ThrowHelpers.ThrowDivideByZeroException</c>).</summary>
public class DivideByZeroException : ArithmeticException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "Attempted to divide by zero.";

    public DivideByZeroException()
        : base(DefaultMessage)
    {
    }

    public DivideByZeroException(string? message)
        : base(message ?? DefaultMessage)
    {
    }
}
