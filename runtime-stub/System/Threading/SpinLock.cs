namespace System.Threading;

/// <summary>
/// A struct spin lock with .NET's API, for the kernel's data shared between harts: one word, taken with an
/// atomic compare-and-swap (RISC-V LR/SC) and released with an atomic store. There are no threads to own it,
/// so <see cref="Exit()"/> checks only that it is held when owner tracking is on (the default, as in .NET). It does not mask
/// interrupts: data an interrupt handler shares needs interrupts off around the lock as well.
/// </summary>
public struct SpinLock
{
    private int _state;

    // As in .NET, a default SpinLock tracks its owner; here that only means Exit of a free lock throws.
    private readonly bool _ownerTrackingDisabled;

    /// <summary>Owner tracking needs thread identities, which this runtime does not have: with it, only an Exit of
    /// a lock that is not held is detected (a hart taking a lock it holds spins forever instead of throwing).</summary>
    public SpinLock(bool enableThreadOwnerTracking)
    {
        _state = 0;
        _ownerTrackingDisabled = !enableThreadOwnerTracking;
    }

    public readonly bool IsHeld => Volatile.Read(in _state) != 0;

    public void Enter(ref bool lockTaken)
    {
        CheckNotTaken(lockTaken);
        while (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            // Wait with plain loads, so the line is not written while another hart holds the lock.
            while (Volatile.Read(in _state) != 0)
            {
            }
        }

        lockTaken = true;
    }

    public void TryEnter(ref bool lockTaken)
    {
        CheckNotTaken(lockTaken);
        lockTaken = Interlocked.CompareExchange(ref _state, 1, 0) == 0;
    }

    public void Exit() => Exit(useMemoryBarrier: true);

    public void Exit(bool useMemoryBarrier)
    {
        if (Interlocked.Exchange(ref _state, 0) == 0 && !_ownerTrackingDisabled)
        {
            throw new SynchronizationLockException("The calling thread does not hold the lock.");
        }
    }

    private static void CheckNotTaken(bool lockTaken)
    {
        if (lockTaken)
        {
            throw new ArgumentException("The tookLock argument must be set to false before calling this method.", nameof(lockTaken));
        }
    }
}
