using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.RiscV;

namespace Kernel.Drivers.Virtio;

/// <summary>The memory barriers virtqueues need (virtio 1.x 2.7.13, 2.7.14). In the kernel <see cref="Rv.Fence"/> is
/// the <c>fence</c> instruction; the host tests' shim makes it a full barrier and records it.</summary>
public static class DmaBarriers
{
    /// <summary>Orders every earlier memory access before every later one (<c>fence rw,rw</c>): between filling a
    /// ring entry and publishing its index, and between seeing an index change and reading the entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Memory() => Rv.Fence(FenceSet.R | FenceSet.W, FenceSet.R | FenceSet.W);

    /// <summary>Orders memory writes (the rings) before the device-register write that follows (<c>fence w,o</c>
    /// after a <c>fence rw,rw</c>): the doorbell must not reach the device before the ring update.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BeforeDoorbell()
    {
        Rv.Fence(FenceSet.R | FenceSet.W, FenceSet.R | FenceSet.W);
        Rv.Fence(FenceSet.W, FenceSet.O);
    }

    /// <summary>Orders the InterruptACK write (device output) before the memory reads that follow (<c>fence o,r</c>):
    /// the used index read after acknowledging must not be satisfied before the acknowledgement reaches the device,
    /// or a completion published in between would be acknowledged and never seen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AfterInterruptAck() => Rv.Fence(FenceSet.O, FenceSet.R);
}
