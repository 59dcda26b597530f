namespace User.Shell;

using System;
using UserAbi;

/// <summary>
/// The user shell (user/README.md): the "Operating System in 1000 Lines" book's shell, in C# in U-mode. Its prompt
/// and replies are the book's (<c>&gt; </c>; <c>hello</c> prints <c>Hello world from shell!</c>; <c>exit</c> ends
/// the process; anything else <c>unknown command: LINE</c>); beyond the book: the kernel shell's <c>blk</c> commands
/// with the same output, <c>ps</c>, <c>programs</c> and <c>run NAME [ARG] [&amp;]</c>, every one through system calls.
/// </summary>
public static unsafe class Program
{
    const int LineCapacity = 128;

    public static int Main()
    {
        Span<byte> line = stackalloc byte[LineCapacity];
        while (true)
        {
            // Background children that have exited (the kernel said so) give their slots back.
            while (Sys.Wait(0) > 0)
            {
            }

            Out.Text("> ");
            Out.Flush();
            int length = ReadLine(line);
            if (length < 0)
            {
                Out.Line("command line too long");
                continue;
            }

            ReadOnlySpan<byte> command = line.Slice(0, length);
            if (command.SequenceEqual("exit"u8))
            {
                return 0;
            }

            Commands.Run(command);
        }
    }

    /// <summary>Reads a line with echo (as the book's shell: every byte typed is written back; Enter, CR or LF, ends
    /// it, a CR LF pair counting once; backspace erases). -1 when it is longer than the buffer.</summary>
    static int ReadLine(Span<byte> line)
    {
        int length = 0;
        bool tooLong = false;
        while (true)
        {
            byte c = Sys.GetChar();
            if (c == (byte)'\r' || c == (byte)'\n')
            {
                if (c == (byte)'\r')
                {
                    s_skipLineFeed = true;
                }
                else if (s_skipLineFeed)
                {
                    s_skipLineFeed = false;
                    continue;
                }

                Out.Line();
                return tooLong ? -1 : length;
            }

            s_skipLineFeed = false;
            if (c == 0x7F || c == 0x08)
            {
                if (length > 0)
                {
                    length--;
                    Out.Text("\b \b");
                    Out.Flush();
                }

                continue;
            }

            if (c < 0x20 || c >= 0x7F)
            {
                continue;
            }

            Out.Byte(c);
            Out.Flush();
            if (length == line.Length)
            {
                tooLong = true;
                continue;
            }

            line[length++] = c;
        }
    }

    static bool s_skipLineFeed;
}
