namespace Kernel.Processes;

using System;
using System.Runtime.CompilerServices;
using Kernel.Drivers.Virtio;
using Kernel.Memory;
using Kernel.Output;
using Kernel.Platform;
using Kernel.Storage;
using UserAbi;

/// <summary>
/// The block-device system calls (docs/abi.md): blkinfo, blkread, blkwrite, blkflush, blkid over the boot's block
/// layer (<see cref="BlockDeviceTable{TWait}"/>, one instantiation per completion mode, chosen at boot). Data goes
/// through a bounce buffer of the kernel's (the device needs physical addresses; user pages are not where their
/// addresses say). One process at a time is inside the driver: the others sleep on <see cref="WaitChannel.BlockLayer"/>
/// (with interrupts, the one inside sleeps too while the device works, and the rest of the system runs).
/// </summary>
public static unsafe class BlockCalls
{
    /// <summary>The largest transfer of one call: 64 sectors.</summary>
    public const int MaxTransfer = 64 * 512;

    const int SectorSize = 512;

    static void* s_table;
    static bool s_interrupts;
    static bool s_busy;
    static byte* s_bounce;

    /// <summary>Gives the calls the boot's block layer (it lives on the boot stack, below the scheduler's frame, as
    /// long as processes run). False when there is no memory for the bounce buffer.</summary>
    public static bool Attach<TWait>(ref BlockDeviceTable<TWait> table)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        s_table = Unsafe.AsPointer(ref table);
        s_interrupts = default(TWait).UsesInterrupts;
        s_bounce = (byte*)default(PageAllocator).AllocateZeroed(MaxTransfer, PageAllocator.PageSize);
        return s_bounce != null;
    }

    public static nint Info(int device, nuint user) => s_interrupts
        ? Info<InterruptWait>(device, user)
        : Info<PollingWait>(device, user);

    public static nint Read(int device, ulong sector, nuint user, nuint length) => s_interrupts
        ? Transfer<InterruptWait>(device, sector, user, length, write: false)
        : Transfer<PollingWait>(device, sector, user, length, write: false);

    public static nint Write(int device, ulong sector, nuint user, nuint length) => s_interrupts
        ? Transfer<InterruptWait>(device, sector, user, length, write: true)
        : Transfer<PollingWait>(device, sector, user, length, write: true);

    public static nint Flush(int device) => s_interrupts ? Flush<InterruptWait>(device) : Flush<PollingWait>(device);

    public static nint Id(int device, nuint user, nuint length) => s_interrupts
        ? Id<InterruptWait>(device, user, length)
        : Id<PollingWait>(device, user, length);

    /// <summary>Whether the block layer waits by interrupt (which instantiation <see cref="Table{TWait}"/> takes).</summary>
    internal static bool UsesInterrupts => s_interrupts;

    /// <summary>The bounce buffer (<see cref="MaxTransfer"/> bytes); only under <see cref="Lock"/>.</summary>
    internal static byte* Bounce => s_bounce;

    internal static ref BlockDeviceTable<TWait> Table<TWait>()
        where TWait : struct, ICompletionWait, IWaitCounters
        => ref Unsafe.AsRef<BlockDeviceTable<TWait>>(s_table);

    internal static bool Exists<TWait>(int device)
        where TWait : struct, ICompletionWait, IWaitCounters
        => s_table != null && device >= 0 && device < Table<TWait>().Count;

    static nint Info<TWait>(int device, nuint user)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (!Exists<TWait>(device))
        {
            return (nint)SystemCallError.NoDevice;
        }

        if (!UserMemory.IsAccessible(user, (nuint)sizeof(BlockInfo), write: true))
        {
            return (nint)SystemCallError.BadAddress;
        }

        Lock();
        ref BlockDevice<TWait> entry = ref Table<TWait>()[device];
        entry.Driver.RefreshConfiguration();
        BlockInfo info = default;
        info.CapacityBytes = entry.CapacityBytes;
        info.Sectors = entry.CapacitySectors;
        info.Address = entry.Address;
        info.BlockSize = entry.BlockSize;
        info.Flags = (entry.IsReadOnly ? BlockInfo.FlagReadOnly : 0)
            | (entry.Driver.TransportVersion == VirtioMmio.VersionModern ? BlockInfo.FlagModern : 0)
            | (entry.Driver.UsesInterrupts ? BlockInfo.FlagInterrupts : 0)
            | (entry.Irq != DeviceTree.VirtioMmioNode.NoIrq ? BlockInfo.FlagHasIrq : 0);
        info.Slot = entry.Slot;
        info.Irq = entry.Irq;
        info.QueueSize = entry.Driver.QueueSize;
        TWait wait = entry.Driver.CompletionWait;
        info.Waits = wait.Waits;
        info.Interrupts = wait.InterruptsClaimed;
        info.SerialBytes = entry.Serial.Length;
        for (int i = 0; i < entry.Serial.Length && i < BlockInfo.SerialLength; i++)
        {
            info.Serial[i] = entry.Serial[i];
        }

        Unlock();
        return UserMemory.CopyOut(user, &info, (nuint)sizeof(BlockInfo)) ? 0 : (nint)SystemCallError.BadAddress;
    }

    static nint Transfer<TWait>(int device, ulong sector, nuint user, nuint length, bool write)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (!Exists<TWait>(device))
        {
            return (nint)SystemCallError.NoDevice;
        }

        if (length == 0 || length > MaxTransfer || length % SectorSize != 0)
        {
            return (nint)SystemCallError.OutOfRange;
        }

        if (!UserMemory.IsAccessible(user, length, write: !write))
        {
            return (nint)SystemCallError.BadAddress;
        }

        Lock();
        ref BlockDevice<TWait> entry = ref Table<TWait>()[device];
        var buffer = new Span<byte>(s_bounce, (int)length);
        BlockError error;
        if (write)
        {
            UserMemory.CopyIn(s_bounce, user, length);
            error = entry.Driver.Write(sector, buffer);
        }
        else
        {
            error = entry.Driver.Read(sector, buffer);
            if (error == BlockError.None)
            {
                UserMemory.CopyOut(user, s_bounce, length);
            }
        }

        nint result = error == BlockError.None ? (nint)length : Failure(ref entry, error);
        Unlock();
        return result;
    }

    static nint Flush<TWait>(int device)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (!Exists<TWait>(device))
        {
            return (nint)SystemCallError.NoDevice;
        }

        Lock();
        ref BlockDevice<TWait> entry = ref Table<TWait>()[device];
        BlockError error = entry.Driver.Flush();
        nint result = error == BlockError.None ? 0 : Failure(ref entry, error);
        Unlock();
        return result;
    }

    static nint Id<TWait>(int device, nuint user, nuint length)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (!Exists<TWait>(device))
        {
            return (nint)SystemCallError.NoDevice;
        }

        if (!UserMemory.IsAccessible(user, length, write: true))
        {
            return (nint)SystemCallError.BadAddress;
        }

        Lock();
        ref BlockDevice<TWait> entry = ref Table<TWait>()[device];
        var id = new Span<byte>(s_bounce, SerialNumber.MaxLength);
        id.Clear();
        BlockError error = entry.Driver.GetId(id);
        nint result;
        if (error != BlockError.None)
        {
            result = Failure(ref entry, error);
        }
        else
        {
            int n = 0;
            while (n < id.Length && id[n] != 0)
            {
                n++;
            }

            nuint copied = (nuint)n < length ? (nuint)n : length;
            UserMemory.CopyOut(user, s_bounce, copied);
            result = (nint)copied;
        }

        Unlock();
        return result;
    }

    /// <summary>The two errors a shell explains itself come back as their own codes; any other is printed here, as
    /// the kernel shell prints it (<c>blk0: error: device I/O error</c>).</summary>
    internal static nint Failure<TWait>(ref BlockDevice<TWait> entry, BlockError error)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (error == BlockError.ReadOnly)
        {
            return (nint)SystemCallError.ReadOnly;
        }

        if (error == BlockError.OutOfRange)
        {
            return (nint)SystemCallError.OutOfRange;
        }

        entry.PrintName();
        Print.Text(": error: ");
        Print.Line(BlockErrors.Describe(error));
        return (nint)SystemCallError.DeviceError;
    }

    internal static void Lock()
    {
        while (s_busy)
        {
            Scheduler.Sleep(WaitChannel.BlockLayer);
        }

        s_busy = true;
    }

    internal static void Unlock()
    {
        s_busy = false;
        Scheduler.Wakeup(WaitChannel.BlockLayer);
    }
}
