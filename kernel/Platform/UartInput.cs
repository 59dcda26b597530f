namespace Kernel.Platform;

using System.Threading;
using Kernel.Interrupts;
using Kernel.Sbi;

/// <summary>
/// The console's input. Bytes are read through the firmware (SBI console_getchar, or DBCN's read: the firmware
/// owns the console, as it does the output, <see cref="SbiConsole"/>). For sleeping until input arrives, the
/// kernel sets the NS16550A UART's "received data available" interrupt enable (IER bit 0, the one register of
/// the UART it touches, mapped R|W): the UART's line to the PLIC (source 10 on virt) is then high while a byte waits.
/// </summary>
public static unsafe class UartInput
{
    /// <summary>The UART the console uses (runtime-stub's Uart16550).</summary>
    public const nuint BaseAddress = 0x1000_0000;

    const int InterruptEnable = 1; // IER

    const int LineStatus = 5;      // LSR
    const byte TransmitterEmpty = 1 << 6;             // LSR.TEMT
    const byte ReceivedDataAvailableInterrupt = 1 << 0; // IER.ERBFI

    static byte* Registers => (byte*)BaseAddress;

    /// <summary>The next received byte, if there is one.</summary>
    public static bool TryRead(out byte value) => SbiConsole.TryRead(out value);

    /// <summary>Raises the UART's interrupt line while received data waits (transmit interrupts stay off: the
    /// console polls).</summary>
    public static void EnableReceiveInterrupt() => Volatile.Write(ref Registers[InterruptEnable], ReceivedDataAvailableInterrupt);

    /// <summary>Lets the transmitter drain before the hart sleeps: QEMU sends what sits in the UART's FIFO while the
    /// hart runs, and output stopped half-way through the prompt when the hart slept with bytes still in it (seen with
    /// the shell on a pipe that stays open).</summary>
    public static void DrainTransmitter()
    {
        for (int i = 0; i < 1_000_000 && (Volatile.Read(ref Registers[LineStatus]) & TransmitterEmpty) == 0; i++)
        {
        }
    }

    /// <summary>Waits for a byte: sleeps in <c>wfi</c> between looks when <paramref name="sleep"/> (the UART's source
    /// enabled at the PLIC, <see cref="EnableReceiveInterrupt"/> done), otherwise spins. Whatever interrupt woke the
    /// hart is claimed by the trap handler and completed before the next sleep; the UART's line stays high while a
    /// byte waits, and the look comes first, so no byte is slept through.</summary>
    public static byte ReadBlocking(bool sleep)
    {
        while (true)
        {
            if (TryRead(out byte value))
            {
                return value;
            }

            if (sleep)
            {
                DrainTransmitter();
                InterruptTraps.CompleteClaimed();
                SupervisorInterrupts.WaitForInterrupt();
            }
        }
    }
}
