namespace System;

/// <summary>The base of the runtime's own exceptions.</summary>
public class SystemException : Exception
{
    // CoreCLR's default message. A null message stays null, as in .NET 10.
    private const string DefaultMessage = "System error.";

    public SystemException()
        : base(DefaultMessage)
    {
    }

    public SystemException(string? message)
        : base(message)
    {
    }
}
