namespace System;

/// <summary>
/// What a static constructor's exception becomes at the access that ran it, as in CoreCLR (the original is the
/// inner exception). The compiler passes the message ("The type initializer for 'T' threw an exception.") as a
/// literal: building it here would need the heap.
/// </summary>
public sealed class TypeInitializationException : SystemException
{
    internal TypeInitializationException(string message, Exception? innerException)
        : base(message)
    {
        _innerException = innerException;
    }
}
