namespace Kernel.Shell;

using System;
using Kernel.Output;

/// <summary>Bytes as <c>hexdump -C</c> shows them: per 16 bytes the offset (8 hex digits, more when needed), the bytes
/// in hex (an extra space after the eighth) and the printable ones between bars (others as <c>.</c>):
/// <c>00000000  4c 6f 72 65 6d 20 69 70  73 75 6d 20 64 6f 6c 6f  |Lorem ipsum dolo|</c>. Repeated lines are not
/// collapsed.</summary>
public static class HexDump
{
    public const int BytesPerLine = 16;

    /// <summary>Dumps <paramref name="bytes"/>, numbering them from <paramref name="offset"/>.</summary>
    public static void Write(ReadOnlySpan<byte> bytes, ulong offset)
    {
        for (int line = 0; line < bytes.Length; line += BytesPerLine)
        {
            int count = Math.Min(BytesPerLine, bytes.Length - line);
            Console.Write($"{offset + (ulong)line:x8} ");
            for (int i = 0; i < BytesPerLine; i++)
            {
                string gap = i == 8 ? "  " : " ";
                if (i < count)
                {
                    Console.Write($"{gap}{bytes[line + i]:x2}");
                }
                else
                {
                    Console.Write($"{gap}  ");
                }
            }

            Print.Text("  |");
            for (int i = 0; i < count; i++)
            {
                byte b = bytes[line + i];
                Print.Char(b >= 0x20 && b < 0x7F ? (char)b : '.');
            }

            Print.Line("|");
        }
    }
}
