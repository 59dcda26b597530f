namespace Kernel.Sbi;

using System.Runtime.InteropServices;
using Internal.Runtime;

/// <summary>
/// The console through the firmware: the Debug Console extension (SBI 2.0, chapter 12, EID "DBCN") when the
/// firmware has it, else the legacy console_putchar / console_getchar (chapter 5, EIDs 0x01 and 0x02), which
/// OpenSBI v1.1 (Debian 12's QEMU) still offers. <see cref="Install"/> sends every <c>System.Console</c> write here.
/// </summary>
public static unsafe class SbiConsole
{
    public const nuint DebugConsoleExtension = 0x4442434E;
    const nuint LegacyPutchar = 0x01;
    const nuint LegacyGetchar = 0x02;
    const nuint DbcnWrite = 0;
    const nuint DbcnRead = 1;

    static bool s_debugConsole;

    /// <summary>DBCN (true) or the legacy calls.</summary>
    public static bool UsesDebugConsole => s_debugConsole;

    /// <summary>Probes for DBCN and takes the core library's console over.</summary>
    public static void Install()
    {
        s_debugConsole = SbiBase.Has(DebugConsoleExtension);
        ConsoleOutput.Redirect(&Write);
    }

    /// <summary>The next byte typed, if there is one (never waits).</summary>
    public static bool TryRead(out byte value)
    {
        if (s_debugConsole)
        {
            // DBCN takes a physical address: the kernel's stack is identity-mapped (Memory/KernelAddressSpace).
            byte b = 0;
            if (SbiCall.Invoke(DebugConsoleExtension, DbcnRead, 1, (nuint)(&b), 0, out nuint count) == SbiCall.Success && count == 1)
            {
                value = b;
                return true;
            }

            value = 0;
            return false;
        }

        long c = SbiCall.InvokeLegacy(LegacyGetchar, 0);
        value = (byte)c;
        return c >= 0;
    }

    [UnmanagedCallersOnly]
    static void Write(byte* bytes, nint length) => WriteBytes(bytes, length);

    /// <summary>Writes the bytes as they are (the user programs' putchar and write system calls).</summary>
    public static void WriteBytes(byte* bytes, nint length)
    {
        if (s_debugConsole)
        {
            // The bytes are identity-mapped (kernel image, stack or free RAM): their address is physical.
            while (length > 0)
            {
                if (SbiCall.Invoke(DebugConsoleExtension, DbcnWrite, (nuint)length, (nuint)bytes, 0, out nuint written) != SbiCall.Success || written == 0)
                {
                    return;
                }

                bytes += written;
                length -= (nint)written;
            }

            return;
        }

        for (nint i = 0; i < length; i++)
        {
            SbiCall.InvokeLegacy(LegacyPutchar, bytes[i]);
        }
    }
}
