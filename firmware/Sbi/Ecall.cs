namespace Firmware.Sbi;

/// <summary>
/// One SBI call: <c>ecall</c> from S-mode with the extension id (EID) in a7, the function id (FID) in a6 and the
/// arguments in a0-a5 (SBI specification, "Binary Encoding"). The legacy extensions (EID 0x00-0x0F) return one
/// value in a0 and leave a1 alone; every other extension returns <see cref="SbiRet"/> in a0 (error) and a1 (value).
/// An unknown EID or FID gives <see cref="SbiRet.ErrNotSupported"/>.
/// </summary>
internal static unsafe class Ecall
{
    public static void Handle(TrapFrame* frame)
    {
        nuint eid = frame->A7;
        if (eid <= LegacyExtensions.LastId)
        {
            frame->A0 = LegacyExtensions.Handle(eid, frame);
            return;
        }

        nuint fid = frame->A6;
        SbiRet result = eid switch
        {
            BaseExtension.Id => BaseExtension.Handle(fid, frame),
            TimerExtension.Id => TimerExtension.Handle(fid, frame),
            SystemResetExtension.Id => SystemResetExtension.Handle(fid, frame),
            DebugConsoleExtension.Id => DebugConsoleExtension.Handle(fid, frame),
            _ => SbiRet.Fail(SbiRet.ErrNotSupported),
        };
        frame->A0 = (nuint)result.Error;
        frame->A1 = result.Value;
    }

    /// <summary>The base extension's <c>probe_extension</c>: 1 for every extension this firmware implements.</summary>
    public static bool Implements(nuint eid) => eid switch
    {
        BaseExtension.Id or TimerExtension.Id or SystemResetExtension.Id or DebugConsoleExtension.Id => true,
        _ => LegacyExtensions.Implements(eid),
    };

    /// <summary>A 64-bit argument: one register on rv64, two on rv32 (<paramref name="low"/> and <paramref name="high"/>).</summary>
    public static ulong Argument64(nuint low, nuint high)
        => sizeof(nuint) == 8 ? low : ((ulong)high << 32) | (uint)low;
}
