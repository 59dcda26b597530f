namespace UserAbi;

using System.Runtime.InteropServices;

/// <summary>One block device as blkinfo() returns it (docs/abi.md): what the kernel shell's <c>blk list</c> prints.
/// The same layout on rv32 and rv64.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct BlockInfo
{
    public const int SerialLength = 20;

    public const uint FlagReadOnly = 1;
    public const uint FlagModern = 2;
    public const uint FlagInterrupts = 4;
    public const uint FlagHasIrq = 8;

    public ulong CapacityBytes;
    public ulong Sectors;
    public ulong Address;

    /// <summary>Calls of the wait: polls or sleeps.</summary>
    public ulong Waits;

    /// <summary>Interrupts claimed after a sleep (0 when polling).</summary>
    public ulong Interrupts;

    public uint BlockSize;
    public uint Flags;
    public int Slot;
    public uint Irq;
    public uint QueueSize;
    public int SerialBytes;
    public fixed byte Serial[SerialLength];
    public int Padding;
}
