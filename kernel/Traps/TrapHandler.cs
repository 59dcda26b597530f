namespace Kernel.Traps;

using System.Runtime.InteropServices;
using Internal.Runtime.CompilerHelpers;
using Kernel.Interrupts;
using Kernel.Output;

/// <summary>
/// The C# side of the trap vector (Start/trap.S). Interrupts are handled and the interrupted code resumes
/// (<see cref="InterruptTraps"/>); every exception in the kernel is a bug and ends in a panic that names scause,
/// stval and sepc, followed by the stack of the trapping code (the launcher adds the C# methods, files and lines), with status
/// <see cref="PanicStatus"/>. Nothing is retried, so an exception can never loop.
/// </summary>
public static unsafe class TrapHandler
{
    /// <summary>The status of a panic, as a <c>throw</c>'s (the core library's): CoreCLR's abort.</summary>
    public const int PanicStatus = 134;

    [UnmanagedCallersOnly(EntryPoint = "rvc_kernel_trap")]
    public static void Trap(void* frame)
    {
        var trap = new TrapFrame(frame);
        nuint scause = trap.Scause;
        if (TrapCause.IsInterrupt(scause) && InterruptTraps.Handle(TrapCause.Code(scause)))
        {
            // Whoever sleeps waiting for an interrupt looks again (Processes/Scheduler.cs).
            Kernel.Processes.Scheduler.Wakeup(Kernel.Processes.WaitChannel.Interrupt);
            return;
        }

        Print.Text("panic: ");
        Print.Text(TrapCause.Name(scause));
        Print.Text(": scause=");
        Print.Hex(scause);
        Print.Text(" stval=");
        Print.Hex(trap.Stval);
        Print.Text(" sepc=");
        Print.Hex(trap.Sepc);
        Print.Text(" ra=");
        Print.Hex(trap.Ra);
        Print.Text(" sp=");
        Print.Hex(trap.Sp);
        Print.Line();
        PrintStack(trap);
        Exit(PanicStatus);
    }

    /// <summary>The callers of the trapping method, <c>   at 0x...</c> a line (the core library's StackFrames, as a
    /// throw's panic prints them): its frame pointer s0 starts the chain. sepc on the panic line is the trapping
    /// method itself; the launcher turns both into C# methods, files and lines.</summary>
    static void PrintStack(TrapFrame trap)
    {
        nuint* frames = stackalloc nuint[StackFrames.MaxFrames];
        StackFrames.Print(frames, StackFrames.Walk((void*)trap.Register(8), frames, StackFrames.MaxFrames));
    }

    /// <summary>A trap inside the handler (trap.S found sscratch zero): said once, on a stack of its own.</summary>
    [UnmanagedCallersOnly(EntryPoint = "rvc_kernel_nested_trap")]
    public static void NestedTrap(nuint scause, nuint sepc, nuint stval)
    {
        Print.Text("panic: trap while handling a trap: ");
        Print.Text(TrapCause.Name(scause));
        Print.Text(": scause=");
        Print.Hex(scause);
        Print.Text(" stval=");
        Print.Hex(stval);
        Print.Text(" sepc=");
        Print.Hex(sepc);
        Print.Line();
        Exit(PanicStatus);
    }

    // entry.S: the power-off with a status.
    [DllImport("*")]
    private static extern void rvc_exit(int status);

    static void Exit(int status) => rvc_exit(status);
}
