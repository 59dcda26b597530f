namespace System;

/// <summary>Marks code that is not written yet.</summary>
public class NotImplementedException : SystemException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "The method or operation is not implemented.";

    public NotImplementedException()
        : base(DefaultMessage)
    {
    }

    public NotImplementedException(string? message)
        : base(message ?? DefaultMessage)
    {
    }
}
