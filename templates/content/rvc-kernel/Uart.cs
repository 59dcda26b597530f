namespace RvcKernel;

/// <summary>The NS16550A UART of QEMU's virt machine at 0x10000000: a byte written to THR goes out once LSR says the
/// transmitter holding register is empty.</summary>
public static unsafe class Uart
{
    private const nuint Base = 0x1000_0000;
    private const int TransmitHolding = 0;   // THR (write)
    private const int LineStatus = 5;        // LSR
    private const byte TransmitterEmpty = 1 << 5;

    public static void Write(char c)
    {
        byte* registers = (byte*)Base;
        while ((Volatile.Read(ref registers[LineStatus]) & TransmitterEmpty) == 0)
        {
        }
        Volatile.Write(ref registers[TransmitHolding], (byte)c);
    }

    public static void Write(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            Write(c);
    }

    public static void WriteLine(ReadOnlySpan<char> text)
    {
        Write(text);
        Write('\n');
    }
}
