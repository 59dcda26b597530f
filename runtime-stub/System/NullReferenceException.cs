namespace System;

/// <summary>Thrown by the null checks the compiler inserts.</summary>
public class NullReferenceException : SystemException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "Object reference not set to an instance of an object.";

    public NullReferenceException()
        : base(DefaultMessage)
    {
    }

    public NullReferenceException(string? message)
        : base(message ?? DefaultMessage)
    {
    }
}
