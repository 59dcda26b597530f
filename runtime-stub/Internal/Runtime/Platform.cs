namespace Internal.Runtime;

using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

/// <summary>
/// The two things the library needs from the machine: write bytes to the console and exit.
/// The host goes through the boot code's system calls; RISC-V writes the UART directly, unless the program
/// took the console over (<see cref="ConsoleOutput.Redirect"/>: the S-mode kernel writes through SBI).
/// </summary>
internal static unsafe class Platform
{
    /// <summary>Set by <see cref="ConsoleOutput.Redirect"/>; null: the default console.</summary>
    internal static delegate* unmanaged<byte*, nint, void> s_writer;

    /// <summary>Writes all bytes to stdout (host) or the UART (RISC-V).</summary>
    public static void Write(byte* bytes, nint length)
    {
        if (s_writer != null)
        {
            s_writer(bytes, length);
        }
        else if (RuntimeInformation.Arch == TargetArch.Host)
        {
            while (length > 0)
            {
                nint written = rvc_host_write(1, bytes, length);
                if (written <= 0)
                {
                    // Nowhere to report the error; dropping output beats spinning.
                    return;
                }

                bytes += written;
                length -= written;
            }
        }
        else
        {
            Uart16550.Write(bytes, length);
        }
    }

    /// <summary>Writes to stderr on the host (where CoreCLR reports a stack overflow), to the UART on RISC-V.</summary>
    public static void WriteError(byte* bytes, nint length)
    {
        if (RuntimeInformation.Arch == TargetArch.Host)
        {
            rvc_host_write(2, bytes, length);
        }
        else
        {
            Uart16550.Write(bytes, length);
        }
    }

    [DoesNotReturn]
    public static void Exit(int status) => rvc_exit(status);

    // Defined by the boot code (docs/abi.md). riscv.S also defines a stub rvc_host_write so
    // that an unoptimized build, which keeps the dead host branch above, still links.
    [DllImport("*")]
    private static extern nint rvc_host_write(int fd, byte* bytes, nint length);

    [DllImport("*")]
    [DoesNotReturn]
    private static extern void rvc_exit(int status);
}
