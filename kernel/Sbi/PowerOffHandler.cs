namespace Kernel.Sbi;

using System;
using System.Runtime.InteropServices;
using Kernel.Output;

/// <summary>
/// The end of every boot: <c>Main</c>'s return value or a panic's status reaches the entry code's <c>rvc_exit</c>,
/// which calls <see cref="PowerOff"/>. SRST carries "failure or not" at most (and nothing at all under OpenSBI
/// v1.1), so a non-zero status is also printed as the console's last line, <c>poweroff: status N</c>, which the
/// launcher turns into its own exit status (kernel/README.md, "Errors and exit status").
/// </summary>
public static class PowerOffHandler
{
    public const string StatusLinePrefix = "poweroff: status ";

    [UnmanagedCallersOnly(EntryPoint = "rvc_kernel_power_off")]
    public static void PowerOff(int status)
    {
        if (status != 0)
        {
            Print.Text(StatusLinePrefix);
            Print.Decimal((ulong)(uint)status);
            Print.Line();
        }

        SbiReset.Shutdown(status != 0);
        // Should the firmware return, entry.S tries again without C#, then sleeps.
    }
}
