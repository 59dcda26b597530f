namespace Firmware.Devices;

using System.Threading;

/// <summary>
/// The NS16550A UART of QEMU's virt machine at 0x10000000: the SBI console. QEMU's model needs no set-up (baud
/// rate and line settings are ignored), so the firmware only polls the line status register.
/// </summary>
internal static unsafe class Uart
{
    private const nuint BaseAddress = 0x1000_0000;

    // Register offsets (bytes): receiver buffer (read) and transmitter holding (write) share offset 0.
    private const int ReceiverBuffer = 0;
    private const int TransmitterHolding = 0;
    private const int LineStatus = 5;

    // Line status bits: a received byte waits (DR); the transmitter holding register can take a byte (THRE).
    private const byte DataReady = 1 << 0;
    private const byte TransmitterHoldingEmpty = 1 << 5;

    /// <summary>Writes one byte, waiting until the UART can take it.</summary>
    public static void Put(byte value)
    {
        byte* uart = (byte*)BaseAddress;
        // Volatile: device registers, each access must happen, in order.
        while ((Volatile.Read(ref uart[LineStatus]) & TransmitterHoldingEmpty) == 0)
        {
        }

        Volatile.Write(ref uart[TransmitterHolding], value);
    }

    /// <summary>The next received byte, or -1 when none waits (never blocks).</summary>
    public static int TryGet()
    {
        byte* uart = (byte*)BaseAddress;
        if ((Volatile.Read(ref uart[LineStatus]) & DataReady) == 0)
        {
            return -1;
        }

        return Volatile.Read(ref uart[ReceiverBuffer]);
    }
}
