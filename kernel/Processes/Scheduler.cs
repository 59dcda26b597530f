namespace Kernel.Processes;

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kernel.Interrupts;
using Kernel.Memory;
using Kernel.Output;
using Kernel.Sbi;
using UserAbi;

/// <summary>
/// The scheduler (README.md, "Scheduling"), xv6's: <see cref="Run"/> loops on the boot stack, gives the hart to the
/// next runnable process in turn (<see cref="RoundRobin"/>) with <c>rvc_switch</c>, and gets it back when that process
/// yields, sleeps or exits; with nothing runnable it sleeps in <c>wfi</c>, and the interrupt that wakes it wakes the
/// processes sleeping on <see cref="WaitChannel.Interrupt"/>. A process gives the hart up only inside the kernel, in
/// <see cref="Yield"/>, <see cref="Sleep"/> or <see cref="Exit"/>: system calls, and the timer interrupt that ends its
/// time slice in user mode (preemption). The kernel itself runs with interrupts off and is never preempted.
/// </summary>
public static unsafe class Scheduler
{
    /// <summary>sstatus.SPIE: interrupts on after sret (they always trap from U-mode: SIE only matters in S-mode).</summary>
    const nuint SstatusSpie = 1 << 5;

    /// <summary>sstatus.FS = Initial: the FPU on for the program.</summary>
    const nuint SstatusFsInitial = 0x2000;

    static nuint s_schedulerSp;
    static int s_current = -1;
    static int s_last = -1;
    static ulong s_timeSlice;

    /// <summary>True while a process runs (in user mode or in a system call): the kernel's waits sleep instead of
    /// spinning in <c>wfi</c>.</summary>
    public static bool InProcess => s_current >= 0;

    public static ref Process Current => ref ProcessTable.At(s_current);

    /// <summary>The time slice, in ticks of the time CSR: 10 ms.</summary>
    public static void Initialize(ulong timebase) => s_timeSlice = timebase / 100 == 0 ? 1 : timebase / 100;

    /// <summary>Makes sure the timer interrupts the process about to return to user mode by the end of its slice.</summary>
    public static void ArmTimeSlice() => InterruptTraps.ArmTimer(SbiTimer.Now + s_timeSlice);

    /// <summary>
    /// Starts embedded program <paramref name="name"/> as a child of <paramref name="parent"/> (0: none) with a0 =
    /// <paramref name="argument"/>: a slot, an address space sharing the kernel's, the program's segments, a trap frame
    /// that enters it in U-mode, a first context that returns into that frame. Its pid, or a negative
    /// <see cref="SystemCallError"/> (after <c>proc: cannot start NAME: why</c> when the program is bad).
    /// </summary>
    public static int Spawn(ReadOnlySpan<byte> name, int parent, nuint argument)
    {
        int program = UserPrograms.Find(name);
        if (program < 0)
        {
            return (int)SystemCallError.NotFound;
        }

        int slot = ProcessTable.Allocate();
        if (slot < 0)
        {
            return (int)SystemCallError.NoResources;
        }

        ref Process process = ref ProcessTable.At(slot);
        process.PageTable = UserAddressSpace.Create();
        if (process.PageTable == 0)
        {
            process.State = ProcessState.Unused;
            return (int)SystemCallError.NoResources;
        }

        string? error = ProgramLoader.Load(process.PageTable, UserPrograms.Image(program), out ulong entry);
        if (error != null)
        {
            Print.Text("proc: cannot start ");
            Print.Ascii(name);
            Print.Text(": ");
            Print.Line(error);
            UserAddressSpace.Destroy(process.PageTable);
            process.PageTable = 0;
            process.State = ProcessState.Unused;
            return error == "out of memory" ? (int)SystemCallError.NoResources : (int)SystemCallError.NotFound;
        }

        process.Name.Set(name);
        process.Parent = parent;

        // The trap frame as if the program had trapped at its entry: sret goes there in U-mode with a0 = argument.
        nuint* frame = (nuint*)process.Frame;
        Unsafe.InitBlock(frame, 0, (uint)UserTrap.FrameSize);
        frame[UserTrap.SepcSlot] = (nuint)entry;
        frame[UserTrap.SstatusSlot] = SstatusSpie | SstatusFsInitial;
        frame[10] = argument;

        // rvc_switch's context below it: ra = rvc_process_first_run, s0 = the frame, everything else zero.
        nuint contextSize = rvc_switch_context_size();
        nuint* context = (nuint*)((nuint)frame - contextSize);
        Unsafe.InitBlock(context, 0, (uint)contextSize);
        context[0] = rvc_process_first_run_address();
        context[1] = (nuint)frame;
        process.SavedSp = (nuint)context;
        process.State = ProcessState.Runnable;
        return process.Pid;
    }

    /// <summary>Runs processes until none is left; returns then, on the kernel's own page tables.</summary>
    public static void Run()
    {
        while (true)
        {
            uint runnable = 0;
            bool alive = false;
            for (int i = 0; i < ProcessTable.Capacity; i++)
            {
                ProcessState state = ProcessTable.At(i).State;
                if (state == ProcessState.Runnable)
                {
                    runnable |= 1u << i;
                }

                alive |= state == ProcessState.Runnable || state == ProcessState.Sleeping;
            }

            int next = RoundRobin.Next(runnable, s_last, ProcessTable.Capacity);
            if (next >= 0)
            {
                s_last = next;
                RunOne(next);
                continue;
            }

            if (!alive)
            {
                return;
            }

            // Nothing to run: sleep until an interrupt, which wakes whoever waits for it (TrapHandler).
            SupervisorInterrupts.WaitForInterrupt();
        }
    }

    static void RunOne(int slot)
    {
        ref Process process = ref ProcessTable.At(slot);
        process.State = ProcessState.Running;
        process.Runs++;
        s_current = slot;
        KernelAddressSpace.Activate(process.PageTable);
        // Its time slice starts now. A new process reaches U-mode through rvc_process_first_run, not through the end of
        // UserTrap, which arms the timer for the others: without this, a program that never makes a system call, given
        // the hart just after a time slice's interrupt had used the timer up, ran unpreempted for good (a spinner
        // started in the background froze the shell).
        ArmTimeSlice();
        fixed (nuint* schedulerSp = &s_schedulerSp)
        {
            rvc_switch(schedulerSp, process.SavedSp);
        }

        s_current = -1;
        if (process.State == ProcessState.Zombie && process.PageTable != 0)
        {
            // Its pages go back now, off its page tables; the slot stays until the parent has its status.
            KernelAddressSpace.Activate(KernelAddressSpace.Root);
            UserAddressSpace.Destroy(process.PageTable);
            process.PageTable = 0;
            if (process.Parent == 0 || ProcessTable.Find(process.Parent) < 0)
            {
                process.State = ProcessState.Unused;
            }
        }
    }

    /// <summary>Back to the scheduler; returns when the scheduler runs this process again.</summary>
    static void SwitchToScheduler()
    {
        ref Process process = ref Current;
        rvc_switch((nuint*)Unsafe.AsPointer(ref process.SavedSp), s_schedulerSp);
    }

    /// <summary>Lets the other runnable processes run first.</summary>
    public static void Yield()
    {
        Current.State = ProcessState.Runnable;
        SwitchToScheduler();
    }

    /// <summary>Sleeps until <see cref="Wakeup"/> with <paramref name="channel"/>; the caller checks its condition again.</summary>
    public static void Sleep(nuint channel)
    {
        ref Process process = ref Current;
        process.Channel = channel;
        process.State = ProcessState.Sleeping;
        SwitchToScheduler();
        process.Channel = 0;
    }

    /// <summary>Every process sleeping on <paramref name="channel"/> becomes runnable.</summary>
    public static void Wakeup(nuint channel)
    {
        for (int i = 0; i < ProcessTable.Capacity; i++)
        {
            ref Process process = ref ProcessTable.At(i);
            if (process.State == ProcessState.Sleeping && process.Channel == channel)
            {
                process.State = ProcessState.Runnable;
            }
        }
    }

    /// <summary>Waits for an interrupt: the current process sleeps (others run meanwhile); with none (the boot, the
    /// kernel shell) the hart sleeps in <c>wfi</c>. Interrupts are handled before this returns either way.</summary>
    public static void WaitForInterrupt()
    {
        if (InProcess)
        {
            Sleep(WaitChannel.Interrupt);
        }
        else
        {
            SupervisorInterrupts.WaitForInterrupt();
        }
    }

    /// <summary>Ends the current process with <paramref name="status"/> (its pages go back in the scheduler); its
    /// children lose their parent, its parent is woken. Never returns.</summary>
    public static void Exit(int status)
    {
        ref Process process = ref Current;
        process.ExitStatus = status;
        for (int i = 0; i < ProcessTable.Capacity; i++)
        {
            ref Process child = ref ProcessTable.At(i);
            if (child.State != ProcessState.Unused && child.Parent == process.Pid)
            {
                child.Parent = 0;
                if (child.State == ProcessState.Zombie && child.PageTable == 0)
                {
                    child.State = ProcessState.Unused;
                }
            }
        }

        process.State = ProcessState.Zombie;
        Wakeup(WaitChannel.ChildOf(process.Parent));
        SwitchToScheduler();
        throw new InvalidOperationException("a process ran after it exited");
    }

    /// <summary>Waits for child <paramref name="pid"/> of the current process to exit; its status, or an error.</summary>
    public static int WaitFor(int pid)
    {
        int me = Current.Pid;
        if (pid == 0)
        {
            return ReapAny(me);
        }

        while (true)
        {
            int slot = ProcessTable.Find(pid);
            if (slot < 0 || ProcessTable.At(slot).Parent != me)
            {
                return (int)SystemCallError.NotChild;
            }

            ref Process child = ref ProcessTable.At(slot);
            if (child.State == ProcessState.Zombie && child.PageTable == 0)
            {
                int status = child.ExitStatus;
                child.State = ProcessState.Unused;
                return status;
            }

            if (Current.KilledBy != 0)
            {
                return (int)SystemCallError.NotFound;
            }

            Sleep(WaitChannel.ChildOf(me));
        }
    }

    /// <summary>wait(0): frees the slot of one child of <paramref name="parent"/> that has exited, without waiting;
    /// its pid, or NotFound when none has.</summary>
    static int ReapAny(int parent)
    {
        for (int i = 0; i < ProcessTable.Capacity; i++)
        {
            ref Process child = ref ProcessTable.At(i);
            if (child.State == ProcessState.Zombie && child.PageTable == 0 && child.Parent == parent)
            {
                child.State = ProcessState.Unused;
                return child.Pid;
            }
        }

        return (int)SystemCallError.NotFound;
    }

    /// <summary>Prints <c>proc: pid N (NAME)</c>.</summary>
    public static void PrintName(in Process process)
    {
        Print.Text("proc: pid ");
        Print.Decimal((ulong)process.Pid);
        Print.Text(" (");
        Span<byte> name = stackalloc byte[ProcessInfo.NameLength];
        int length = process.Name.Length;
        for (int i = 0; i < length; i++)
        {
            name[i] = process.Name[i];
        }

        Print.Ascii(name.Slice(0, length));

        Print.Text(")");
    }

    [DllImport("*")]
    static extern void rvc_switch(nuint* saveSp, nuint sp);

    [DllImport("*")]
    static extern nuint rvc_switch_context_size();

    [DllImport("*")]
    static extern nuint rvc_process_first_run_address();
}
