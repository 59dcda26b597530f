namespace UserAbi;

using System.Runtime.InteropServices;

/// <summary>One process-table entry as procinfo() returns it (docs/abi.md): the same layout on rv32 and rv64.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ProcessInfo
{
    public const int NameLength = 16;

    public int Pid;

    /// <summary>The parent's pid, 0 for none.</summary>
    public int Parent;

    /// <summary>A <see cref="ProcessState"/>.</summary>
    public int State;

    public int Padding;

    /// <summary>How many times the scheduler gave it the hart.</summary>
    public ulong Runs;

    /// <summary>System calls it made.</summary>
    public ulong SystemCalls;

    /// <summary>Timer interrupts that took the hart from it in user mode (preemptions).</summary>
    public ulong Preemptions;

    /// <summary>The program's name, NUL-padded.</summary>
    public fixed byte Name[NameLength];
}
