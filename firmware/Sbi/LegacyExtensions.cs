namespace Firmware.Sbi;

using Firmware.Devices;

/// <summary>
/// The legacy SBI v0.1 calls this firmware keeps (SBI specification, "Legacy Extensions"): each is an EID of its
/// own, returns one value in a0 and leaves a1 alone. The IPI and remote-fence calls (0x03-0x07) of a
/// multi-hart machine are not implemented: the firmware boots one hart.
/// </summary>
internal static unsafe class LegacyExtensions
{
    public const nuint SetTimer = 0x00;
    public const nuint ConsolePutchar = 0x01;
    public const nuint ConsoleGetchar = 0x02;
    public const nuint Shutdown = 0x08;

    /// <summary>EIDs 0x00-0x0F are the legacy range.</summary>
    public const nuint LastId = 0x0F;

    public static bool Implements(nuint eid) => eid is SetTimer or ConsolePutchar or ConsoleGetchar or Shutdown;

    public static nuint Handle(nuint eid, TrapFrame* frame)
    {
        switch (eid)
        {
            case SetTimer:
                TimerExtension.SetTimer(Ecall.Argument64(frame->A0, frame->A1));
                return 0;
            case ConsolePutchar:
                Uart.Put((byte)frame->A0);
                return 0;
            case ConsoleGetchar:
                // -1 when nothing waits, as the specification says.
                return (nuint)(nint)Uart.TryGet();
            case Shutdown:
                SystemResetExtension.Reset(SystemResetExtension.TypeShutdown, SystemResetExtension.ReasonNone);
                return unchecked((nuint)SbiRet.ErrFailed);
            default:
                return unchecked((nuint)SbiRet.ErrNotSupported);
        }
    }
}
