namespace System;

/// <summary>The base of OverflowException and DivideByZeroException.</summary>
public class ArithmeticException : SystemException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "Overflow or underflow in the arithmetic operation.";

    public ArithmeticException()
        : base(DefaultMessage)
    {
    }

    public ArithmeticException(string? message)
        : base(message ?? DefaultMessage)
    {
    }
}
