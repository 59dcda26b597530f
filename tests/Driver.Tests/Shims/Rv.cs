namespace System.Runtime.Intrinsics.RiscV;

/// <summary>The core library's RISC-V intrinsics, as far as the drivers use them. On the host a fence is a full
/// memory barrier, and <see cref="OnFence"/> lets a test see which fences the driver issues and where.</summary>
public static class Rv
{
    /// <summary>Called on every fence with its predecessor and successor sets (per thread).</summary>
    [ThreadStatic]
    public static Action<FenceSet, FenceSet>? OnFence;

    public static void Fence(FenceSet predecessor, FenceSet successor)
    {
        Threading.Interlocked.MemoryBarrier();
        OnFence?.Invoke(predecessor, successor);
    }
}
