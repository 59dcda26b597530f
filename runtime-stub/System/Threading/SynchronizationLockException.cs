namespace System.Threading;

/// <summary>A lock released by code that does not hold it, as in .NET.</summary>
public class SynchronizationLockException : SystemException
{
    public SynchronizationLockException()
        : base("Object synchronization method was called from an unsynchronized block of code.")
    {
    }

    public SynchronizationLockException(string? message)
        : base(message)
    {
    }
}
