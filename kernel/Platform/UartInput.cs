namespace Kernel.Platform;

using System.Threading;
using Kernel.Interrupts;

/// <summary>
/// The receiving half of QEMU virt's NS16550A UART (the core library's console only transmits, through the same
/// registers). QEMU's model needs no set-up: bytes arrive in RBR and LSR bit 0 says one is there. For sleeping until
/// input arrives, <see cref="EnableReceiveInterrupt"/> sets IER's "received data available" bit: the UART's line to
/// the PLIC (source 10 on virt) is then high while a byte waits.
/// </summary>
public static unsafe class UartInput
{
    /// <summary>The UART the console uses (runtime-stub's Uart16550).</summary>
    public const nuint BaseAddress = 0x1000_0000;

    const int ReceiveBuffer = 0;   // RBR (read, DLAB = 0)
    const int InterruptEnable = 1; // IER
    const int LineStatus = 5;      // LSR

    const byte DataReady = 1 << 0;                    // LSR.DR
    const byte TransmitterEmpty = 1 << 6;             // LSR.TEMT
    const byte ReceivedDataAvailableInterrupt = 1 << 0; // IER.ERBFI

    static byte* Registers => (byte*)BaseAddress;

    public static bool HasData => (Volatile.Read(ref Registers[LineStatus]) & DataReady) != 0;

    /// <summary>The next received byte, if there is one.</summary>
    public static bool TryRead(out byte value)
    {
        if (!HasData)
        {
            value = 0;
            return false;
        }

        value = Volatile.Read(ref Registers[ReceiveBuffer]);
        return true;
    }

    /// <summary>Raises the UART's interrupt line while received data waits (transmit interrupts stay off: the
    /// console polls).</summary>
    public static void EnableReceiveInterrupt() => Volatile.Write(ref Registers[InterruptEnable], ReceivedDataAvailableInterrupt);

    /// <summary>Waits for a byte: sleeps in <c>wfi</c> between looks when <paramref name="sleep"/> (the UART's source
    /// enabled at the PLIC, <see cref="EnableReceiveInterrupt"/> done), otherwise spins. Whatever interrupt woke the
    /// hart is claimed and completed; the UART's line stays high while a byte waits, and the look comes first, so
    /// no byte is slept through.</summary>
    public static byte ReadBlocking(bool sleep, in Plic plic)
    {
        while (true)
        {
            if (TryRead(out byte value))
            {
                return value;
            }

            if (sleep)
            {
                // Let the transmitter drain first: QEMU sends what sits in the UART's FIFO while the hart runs, and
                // output stopped half-way through the prompt when the hart slept with bytes still in it (seen with
                // the shell on a pipe that stays open).
                for (int i = 0; i < 1_000_000 && (Volatile.Read(ref Registers[LineStatus]) & TransmitterEmpty) == 0; i++)
                {
                }

                MachineInterrupts.WaitForInterrupt();
                uint source = plic.Claim();
                if (source != 0)
                {
                    plic.Complete(source);
                }
            }
        }
    }
}
