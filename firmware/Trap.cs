namespace Firmware;

using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.RiscV;
using Firmware.Sbi;

/// <summary>
/// The firmware's traps once S-mode runs (README.md, "Traps"). Everything the S-mode program can cause itself is
/// delegated to it (<see cref="Delegation"/>), so only two kinds arrive here: an <c>ecall</c> from S-mode, which is
/// an SBI call, and the machine timer interrupt, which the firmware turns into S-mode's timer interrupt.
/// Anything else is a firmware bug: reported, and the machine powers off with status 1.
/// </summary>
internal static unsafe class Trap
{
    // mcause: the top bit says interrupt; the rest is the code (privileged specification, "Machine Cause Register").
    private const int EcallFromSMode = 9;
    private const int MachineTimerInterrupt = 7;

    /// <summary>Called by <c>fw_trap_vector</c> (trap.S) with the interrupted registers.</summary>
    [UnmanagedCallersOnly(EntryPoint = "fw_trap")]
    public static void Handle(TrapFrame* frame)
    {
        nuint cause = Rv.ReadCsr(Csr.Mcause);
        bool interrupt = (nint)cause < 0;
        nuint code = cause & (nuint.MaxValue >> 1);
        if (!interrupt && code == EcallFromSMode)
        {
            Ecall.Handle(frame);
            // Resume after the ecall (4 bytes: there is no compressed ecall).
            frame->Mepc += 4;
            return;
        }

        if (interrupt && code == MachineTimerInterrupt)
        {
            TimerExtension.OnMachineTimerInterrupt();
            return;
        }

        Fail("unexpected trap from S/U-mode", cause, frame->Mepc, Rv.ReadCsr(Csr.Mtval));
    }

    /// <summary>Called by <c>fw_trap_vector</c> for a trap taken while the firmware itself ran.</summary>
    [UnmanagedCallersOnly(EntryPoint = "fw_machine_trap")]
    public static void HandleFromMachineMode(nuint cause, nuint epc, nuint tval)
        => Fail("trap in the firmware itself", cause, epc, tval);

    private static void Fail(string what, nuint cause, nuint epc, nuint tval)
    {
        Console.Write("rvcsbi: ");
        Console.Write(what);
        Console.Write(": mcause=");
        Hex.Write(cause);
        Console.Write(" mepc=");
        Hex.Write(epc);
        Console.Write(" mtval=");
        Hex.Write(tval);
        Console.WriteLine();
        Environment.Exit(1);
    }
}
