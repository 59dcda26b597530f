namespace Firmware.Sbi;

using System.Runtime.Intrinsics.RiscV;
using Firmware.Devices;

/// <summary>
/// The system reset extension ("SRST", EID 0x53525354): shutdown and cold or warm reboot through QEMU's sifive_test
/// device. It writes exactly what OpenSBI v1.1 writes (docs/abi.md, "System reset and the exit status"), so QEMU ends
/// with status 0 for a shutdown whatever the reason, and a program cannot tell the two firmwares apart.
/// </summary>
internal static unsafe class SystemResetExtension
{
    public const nuint Id = 0x5352_5354;

    private const nuint SystemResetFid = 0;

    public const uint TypeShutdown = 0;
    public const uint TypeColdReboot = 1;
    public const uint TypeWarmReboot = 2;
    public const uint ReasonNone = 0;
    public const uint ReasonSystemFailure = 1;

    public static SbiRet Handle(nuint fid, TrapFrame* frame)
    {
        if (fid != SystemResetFid)
        {
            return SbiRet.Fail(SbiRet.ErrNotSupported);
        }

        // Both are 32-bit values; as OpenSBI v1.1, a type or reason it does not know is an invalid parameter
        // (reserved and vendor-specific reasons included), and the call returns.
        nuint type = frame->A0;
        nuint reason = frame->A1;
        if (type > TypeWarmReboot || reason > ReasonSystemFailure)
        {
            return SbiRet.Fail(SbiRet.ErrInvalidParam);
        }

        Reset((uint)type, (uint)reason);
        return SbiRet.Fail(SbiRet.ErrFailed);
    }

    /// <summary>Returns only if the machine did not go down within a second (no sifive_test device): then the call
    /// fails with <see cref="SbiRet.ErrFailed"/> rather than hang.</summary>
    public static void Reset(uint type, uint reason)
    {
        ushort value = type == TypeShutdown
            ? (reason == ReasonNone ? SifiveTest.FinisherPass : SifiveTest.FinisherFail)
            : SifiveTest.FinisherReset;
        SifiveTest.Write(value);
        // QEMU exits on the write at once, but a reset request takes effect a few instructions later.
        ulong deadline = Csr.ReadTime() + TimebaseHz;
        while (Csr.ReadTime() < deadline)
        {
        }
    }

    // QEMU virt's timebase (the device tree's /cpus/timebase-frequency): a second of the time CSR.
    private const ulong TimebaseHz = 10_000_000;
}
