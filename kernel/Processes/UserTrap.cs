namespace Kernel.Processes;

using System.Runtime.InteropServices;
using Kernel.Interrupts;
using Kernel.Output;
using Kernel.Traps;

/// <summary>
/// Traps from U-mode (Start/process.S saved the user registers in the process's trap frame and called here on its
/// kernel stack): a system call (<see cref="SystemCalls"/>), an interrupt (handled as in the kernel; the timer ends
/// the time slice: the process yields), or a fault, which kills the process with a line naming it, the cause, the
/// address and the pc; the kernel and the other processes go on. Returning resumes the process in U-mode.
/// </summary>
public static unsafe class UserTrap
{
    public const int SepcSlot = 32;
    public const int SstatusSlot = 33;
    public const int ScauseSlot = 34;
    public const int StvalSlot = 35;

    /// <summary>Status of a killed process.</summary>
    public const int KilledStatus = -1;

    const nuint EnvironmentCallFromUser = 8;

    /// <summary>Bytes of a trap frame (trap.S's FRAME_SIZE): x0-x31, sepc, sstatus, scause, stval, f0-f31, fcsr.</summary>
    public static int FrameSize => ((36 * sizeof(nuint)) + (32 * 8) + sizeof(nuint) + 15) & ~15;

    [UnmanagedCallersOnly(EntryPoint = "rvc_user_trap")]
    static void Trap(nuint* frame)
    {
        nuint scause = frame[ScauseSlot];
        nuint code = TrapCause.Code(scause);
        if (TrapCause.IsInterrupt(scause))
        {
            if (!InterruptTraps.Handle(code))
            {
                Kill(frame, scause);
            }

            Scheduler.Wakeup(WaitChannel.Interrupt);
            if (code == TrapCause.SupervisorTimerInterrupt)
            {
                Scheduler.Current.Preemptions++;
                Scheduler.Yield();
            }
        }
        else if (code == EnvironmentCallFromUser)
        {
            // Resume after the ecall.
            frame[SepcSlot] += 4;
            Scheduler.Current.SystemCalls++;
            frame[10] = (nuint)SystemCalls.Dispatch(frame);
        }
        else
        {
            Kill(frame, scause);
        }

        if (Scheduler.Current.KilledBy != 0)
        {
            Scheduler.PrintName(Scheduler.Current);
            Print.Text(" killed by pid ");
            Print.Decimal((ulong)Scheduler.Current.KilledBy);
            Print.Line();
            Scheduler.Exit(KilledStatus);
        }

        Scheduler.ArmTimeSlice();
    }

    /// <summary><c>proc: pid 3 (badwrite) killed: store/AMO page fault at 0x80200000, pc 0x1000010</c>, then exit.</summary>
    static void Kill(nuint* frame, nuint scause)
    {
        Scheduler.PrintName(Scheduler.Current);
        Print.Text(" killed: ");
        Print.Text(TrapCause.Name(scause));
        Print.Text(" at ");
        Print.Hex(frame[StvalSlot]);
        Print.Text(", pc ");
        Print.Hex(frame[SepcSlot]);
        Print.Line();
        Scheduler.Exit(KilledStatus);
    }
}
