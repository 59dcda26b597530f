namespace System;

/// <summary>
/// The base of everything that can be thrown. A throw ends the program
/// (<c>ThrowHelpers.Throw</c> prints <c>panic: type: message</c>), so there is no stack
/// trace or virtual member: <see cref="Message"/> is an ordinary property.
/// </summary>
public class Exception
{
    // Read by ThrowHelpers.Throw for the panic line; name as in CoreCLR.
    internal string? _message;

    public Exception()
    {
    }

    public Exception(string? message)
    {
        _message = message;
    }

    public Exception(string? message, Exception? innerException)
    {
        _message = message;
        _innerException = innerException;
    }

    // Name as in CoreCLR.
    internal Exception? _innerException;

    public Exception? InnerException => _innerException;

    /// <summary>The message given at construction ("" when none: .NET would build a default, which needs the heap).</summary>
    public string Message => _message ?? "";
}
