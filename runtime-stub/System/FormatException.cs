namespace System;

/// <summary>A format string that cannot be used, as in .NET.</summary>
public class FormatException : SystemException
{
    // CoreCLR's default message.
    private const string DefaultMessage = "One of the identified items was in an invalid format.";

    public FormatException()
        : base(DefaultMessage)
    {
    }

    public FormatException(string? message)
        : base(message)
    {
    }
}
