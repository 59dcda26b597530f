namespace Firmware.Devices;

using System.Threading;

/// <summary>
/// QEMU's sifive_test device at 0x100000 ("finisher"): a write of 0x5555 ends QEMU with status 0, 0x3333 ends it
/// with the status in bits 16-31 of the value, 0x7777 resets the machine (an exit with <c>-no-reboot</c>).
/// The firmware writes 16 bits, as OpenSBI v1.1 does (docs/abi.md, "System reset and the exit status").
/// </summary>
internal static unsafe class SifiveTest
{
    private const nuint BaseAddress = 0x10_0000;

    public const ushort FinisherFail = 0x3333;
    public const ushort FinisherPass = 0x5555;
    public const ushort FinisherReset = 0x7777;

    public static void Write(ushort value) => Volatile.Write(ref *(ushort*)BaseAddress, value);
}
