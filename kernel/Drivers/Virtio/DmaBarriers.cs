using System.Runtime.Intrinsics.RiscV;
using System.Threading;
using Internal.Runtime;

namespace Kernel.Drivers.Virtio;

/// <summary>The memory barriers virtqueues need (virtio 1.x 2.7.13, 2.7.14). <see cref="RuntimeInformation.Arch"/>
/// is a compile-time constant in rvc, so only one branch is emitted; the host test project supplies a
/// <c>RuntimeInformation</c> that answers <c>Host</c>, which takes the <see cref="Interlocked.MemoryBarrier"/> path.</summary>
public static class DmaBarriers
{
    /// <summary>Orders every earlier memory access before every later one (<c>fence rw,rw</c>): between filling a
    /// ring entry and publishing its index, and between seeing an index change and reading the entry.</summary>
    public static void Memory()
    {
        if (RuntimeInformation.Arch == TargetArch.Host)
        {
            Interlocked.MemoryBarrier();
        }
        else
        {
            Rv.Fence(FenceSet.R | FenceSet.W, FenceSet.R | FenceSet.W);
        }
    }

    /// <summary>Orders memory writes (the rings) before the device-register write that follows (<c>fence w,o</c>
    /// after a <c>fence rw,rw</c>): the doorbell must not reach the device before the ring update.</summary>
    public static void BeforeDoorbell()
    {
        if (RuntimeInformation.Arch == TargetArch.Host)
        {
            Interlocked.MemoryBarrier();
        }
        else
        {
            Rv.Fence(FenceSet.R | FenceSet.W, FenceSet.R | FenceSet.W);
            Rv.Fence(FenceSet.W, FenceSet.O);
        }
    }
}
