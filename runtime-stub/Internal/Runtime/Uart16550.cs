namespace Internal.Runtime;

using System.Threading;

/// <summary>
/// Transmit-only driver for the NS16550A UART of QEMU virt. QEMU's model needs no
/// initialization (baud rate and line settings are ignored), so this only polls and writes.
/// </summary>
internal static unsafe class Uart16550
{
    private const nuint BaseAddress = 0x1000_0000;

    // Register offsets (bytes).
    private const int TransmitHolding = 0;  // THR (write)
    private const int LineStatus = 5;       // LSR (read)

    // LSR bit 5: the transmit holding register can take a byte.
    private const byte TransmitHoldingEmpty = 1 << 5;

    public static void Write(byte* bytes, nint length)
    {
        byte* uart = (byte*)BaseAddress;
        for (nint i = 0; i < length; i++)
        {
            // Volatile: these are device registers, each access must happen, in order.
            while ((Volatile.Read(ref uart[LineStatus]) & TransmitHoldingEmpty) == 0)
            {
            }

            Volatile.Write(ref uart[TransmitHolding], bytes[i]);
        }
    }
}
