namespace System;

/// <summary>Thrown when an object's state does not allow the call (e.g. <c>Nullable&lt;T&gt;.Value</c> without a value).</summary>
public class InvalidOperationException : SystemException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "Operation is not valid due to the current state of the object.";

    public InvalidOperationException()
        : base(DefaultMessage)
    {
    }

    public InvalidOperationException(string? message)
        : base(message ?? DefaultMessage)
    {
    }
}
