namespace Kernel.Processes;

using System;
using System.Runtime.CompilerServices;
using UserAbi;

/// <summary>
/// One entry of the process table (README.md): xv6's struct proc. The kernel stack is the slot's own, set aside at
/// boot (<see cref="ProcessTable"/>); the trap frame sits at its top, the saved context (<see cref="SavedSp"/>)
/// wherever <c>rvc_switch</c> left it. A mutable struct: used through a <c>ref</c> to its table entry.
/// </summary>
public struct Process
{
    public ProcessState State;
    public int Pid;

    /// <summary>The parent's pid, 0 for none (the first process, or an orphan).</summary>
    public int Parent;

    /// <summary>Physical address of its root page table (<see cref="UserAddressSpace"/>); 0 once freed.</summary>
    public ulong PageTable;

    /// <summary>The top of its kernel stack; the trap frame is just below.</summary>
    public nuint KernelStackTop;

    /// <summary>Its kernel stack pointer while another runs (rvc_switch's context is there).</summary>
    public nuint SavedSp;

    /// <summary>What it sleeps on (<see cref="WaitChannel"/>), 0 when not sleeping.</summary>
    public nuint Channel;

    public int ExitStatus;

    /// <summary>The pid that killed it (kill system call), 0 if none: it exits instead of returning to user mode.</summary>
    public int KilledBy;

    public ulong Runs;
    public ulong SystemCalls;
    public ulong Preemptions;

    public ProcessName Name;

    /// <summary>The trap frame: user registers while it is in the kernel (Traps/TrapFrame.cs's layout).</summary>
    public readonly nuint Frame => KernelStackTop - (nuint)UserTrap.FrameSize;
}

/// <summary>A program name, NUL-padded (<see cref="ProcessInfo.NameLength"/> bytes).</summary>
[InlineArray(ProcessInfo.NameLength)]
public struct ProcessName
{
    byte _first;

    public void Set(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < ProcessInfo.NameLength; i++)
        {
            this[i] = i < name.Length ? name[i] : (byte)0;
        }
    }

    public readonly int Length
    {
        get
        {
            int n = 0;
            while (n < ProcessInfo.NameLength && this[n] != 0)
            {
                n++;
            }

            return n;
        }
    }
}
