namespace Firmware.Sbi;

using Firmware.Devices;

/// <summary>
/// The debug console extension ("DBCN", EID 0x4442434E, SBI 2.0): write and read many bytes per call through
/// S-mode buffers given by physical address (low XLEN bits in a1, high in a2), or write one byte.
/// OpenSBI v1.1 (SBI 1.0) does not have it: programs probe it first (docs/abi.md).
/// </summary>
internal static unsafe class DebugConsoleExtension
{
    public const nuint Id = 0x4442_434E;

    private const nuint ConsoleWrite = 0;
    private const nuint ConsoleRead = 1;
    private const nuint ConsoleWriteByte = 2;

    public static SbiRet Handle(nuint fid, TrapFrame* frame)
    {
        switch (fid)
        {
            case ConsoleWrite:
                {
                    if (!TryBuffer(frame, out byte* bytes, out nuint count))
                    {
                        return SbiRet.Fail(SbiRet.ErrInvalidParam);
                    }

                    // The specification allows a partial write; this one waits for the UART and writes everything.
                    for (nuint i = 0; i < count; i++)
                    {
                        Uart.Put(bytes[i]);
                    }

                    return SbiRet.Ok(count);
                }

            case ConsoleRead:
                {
                    if (!TryBuffer(frame, out byte* bytes, out nuint count))
                    {
                        return SbiRet.Fail(SbiRet.ErrInvalidParam);
                    }

                    // Non-blocking: what is waiting, up to count bytes, maybe none.
                    nuint read = 0;
                    while (read < count)
                    {
                        int next = Uart.TryGet();
                        if (next < 0)
                        {
                            break;
                        }

                        bytes[read++] = (byte)next;
                    }

                    return SbiRet.Ok(read);
                }

            case ConsoleWriteByte:
                Uart.Put((byte)frame->A0);
                return SbiRet.Ok(0);

            default:
                return SbiRet.Fail(SbiRet.ErrNotSupported);
        }
    }

    /// <summary>The buffer of a write or read: a0 bytes at physical address a2:a1, which must lie in S-mode's RAM.
    /// On rv64 the address is a1 alone and a2 must be 0; on rv32 a2 holds bits 32-63 (0 for any RAM of QEMU virt).</summary>
    private static bool TryBuffer(TrapFrame* frame, out byte* bytes, out nuint count)
    {
        count = frame->A0;
        bytes = null;
        if (frame->A2 != 0 || !SupervisorMemory.Contains(frame->A1, count))
        {
            return false;
        }

        bytes = (byte*)frame->A1;
        return true;
    }
}
