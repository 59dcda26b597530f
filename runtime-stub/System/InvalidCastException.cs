namespace System;

/// <summary>Thrown by invalid casts.</summary>
public class InvalidCastException : SystemException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "Specified cast is not valid.";

    public InvalidCastException()
        : base(DefaultMessage)
    {
    }

    public InvalidCastException(string? message)
        : base(message ?? DefaultMessage)
    {
    }
}
