namespace System;

/// <summary>Thrown by span, string and fixed-buffer bounds checks.</summary>
public sealed class IndexOutOfRangeException : SystemException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "Index was outside the bounds of the array.";

    public IndexOutOfRangeException()
        : base(DefaultMessage)
    {
    }

    public IndexOutOfRangeException(string? message)
        : base(message ?? DefaultMessage)
    {
    }
}
