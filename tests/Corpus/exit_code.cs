// The value returned by int Main is the exit status (computed at run time; below 128 so it is not mistaken
// for a signal).
using System;

class Program
{
    static int Checksum(ReadOnlySpan<byte> data)
    {
        int sum = 0;
        foreach (byte b in data) sum = (sum * 31 + b) & 0x3F;
        return sum;
    }

    static int Main()
    {
        int status = Checksum("exit status"u8) + 42;
        Console.Write("returning ");
        Console.WriteLine(status);
        return status;
    }
}
