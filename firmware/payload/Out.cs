namespace SbiPayload;

/// <summary>The payload's output, all of it through the legacy SBI <c>console_putchar</c> (never the UART directly),
/// so that every line it prints is itself a test of that call.</summary>
internal static class Out
{
    public static void Write(char c) => Sbi.Legacy(Sbi.LegacyConsolePutchar, c);

    public static void Write(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            Write(text[i]);
        }
    }

    public static void Line(string text)
    {
        Write(text);
        Write('\n');
    }

    public static void Decimal(long value)
    {
        if (value < 0)
        {
            Write('-');
        }

        ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        ulong divisor = 1;
        while (magnitude / divisor >= 10)
        {
            divisor *= 10;
        }

        for (; divisor > 0; divisor /= 10)
        {
            Write((char)('0' + (int)(magnitude / divisor % 10)));
        }
    }

    public static void Hex(ulong value)
    {
        Write("0x");
        int shift = 60;
        while (shift > 0 && (value >> shift) == 0)
        {
            shift -= 4;
        }

        for (; shift >= 0; shift -= 4)
        {
            int digit = (int)((value >> shift) & 0xF);
            Write((char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
        }
    }
}
