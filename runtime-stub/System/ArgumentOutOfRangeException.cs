namespace System;

/// <summary>Thrown for an argument outside its valid range (e.g. <c>Span.Slice</c>). Note: the one-string constructor takes the parameter name, as in .NET.</summary>
public class ArgumentOutOfRangeException : ArgumentException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "Specified argument was out of the range of valid values.";

    public ArgumentOutOfRangeException()
        : base(DefaultMessage)
    {
    }

    public ArgumentOutOfRangeException(string? paramName)
        : base(DefaultMessage, paramName)
    {
    }

    public ArgumentOutOfRangeException(string? paramName, string? message)
        : base(message ?? DefaultMessage, paramName)
    {
    }
}
