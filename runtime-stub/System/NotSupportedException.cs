namespace System;

/// <summary>Thrown by operations this library does not support.</summary>
public class NotSupportedException : SystemException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "Specified method is not supported.";

    public NotSupportedException()
        : base(DefaultMessage)
    {
    }

    public NotSupportedException(string? message)
        : base(message ?? DefaultMessage)
    {
    }
}
