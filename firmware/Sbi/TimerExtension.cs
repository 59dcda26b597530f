namespace Firmware.Sbi;

using System.Runtime.Intrinsics.RiscV;
using Firmware.Devices;

/// <summary>
/// The timer extension ("TIME", EID 0x54494D45) and what makes it work: S-mode asks for an interrupt at a
/// <c>time</c> value; the firmware programs the CLINT's <c>mtimecmp</c> and waits for the machine timer interrupt,
/// which it passes on by setting the supervisor timer interrupt pending bit (STIP) that S-mode sees in <c>sip</c>.
/// This is how OpenSBI does it on a hart without the Sstc extension.
/// </summary>
internal static unsafe class TimerExtension
{
    public const nuint Id = 0x5449_4D45;

    private const nuint SetTimerFid = 0;

    // mip/mie bits (privileged specification, "Machine Interrupt Registers").
    private const nuint SupervisorTimerPending = 1 << 5;   // STIP
    private const nuint MachineTimerEnable = 1 << 7;       // MTIE

    public static SbiRet Handle(nuint fid, TrapFrame* frame)
    {
        if (fid != SetTimerFid)
        {
            return SbiRet.Fail(SbiRet.ErrNotSupported);
        }

        SetTimer(Ecall.Argument64(frame->A0, frame->A1));
        return SbiRet.Ok(0);
    }

    /// <summary><c>set_timer(stime_value)</c>: the next timer interrupt when <c>time</c> ≥ <paramref name="stimeValue"/>;
    /// a pending one is cleared (the specification: "clear the pending timer interrupt bit").</summary>
    public static void SetTimer(ulong stimeValue)
    {
        Clint.SetTimerCompare(Rv.ReadCsr(Csr.Mhartid), stimeValue);
        Rv.ClearCsr(Csr.Mip, SupervisorTimerPending);
        Rv.SetCsr(Csr.Mie, MachineTimerEnable);
    }

    /// <summary>The machine timer fired: mask it (MTIP stays pending until the next <c>set_timer</c> moves
    /// <c>mtimecmp</c>, so it would fire again at once) and let S-mode see its own timer interrupt.</summary>
    public static void OnMachineTimerInterrupt()
    {
        Rv.ClearCsr(Csr.Mie, MachineTimerEnable);
        Rv.SetCsr(Csr.Mip, SupervisorTimerPending);
    }
}
