namespace User.Shell;

using System;
using UserAbi;

/// <summary>
/// The file commands (issue 11), through the file-system system calls, with the kernel shell's replies: the book's
/// <c>readfile</c> (print hello.txt) and <c>writefile</c> (write <c>Hello from shell!\n</c> to it and sync), and
/// <c>ls</c>, <c>cat NAME</c>, <c>write NAME TEXT</c>, <c>append NAME TEXT</c>, <c>rm NAME</c>, <c>mkdir NAME</c>, <c>sync</c>. <c>cat</c> reads
/// the file a buffer at a time (readfile's offset), so a file of any size is shown whole.
/// </summary>
public static class FileCommands
{
    const int ReadCapacity = 16 * 1024;

    static Buffer s_buffer;

    public static bool TryRun(ReadOnlySpan<byte> command, ref Words words)
    {
        if (command.SequenceEqual("readfile"u8))
        {
            if (Ready(ref words, "usage: readfile"))
            {
                Cat("hello.txt"u8);
                Out.Line();
            }
        }
        else if (command.SequenceEqual("writefile"u8))
        {
            if (Ready(ref words, "usage: writefile") && Report(Sys.WriteFile("hello.txt"u8, "Hello from shell!\n"u8), "hello.txt"u8))
            {
                Report(Sys.Sync(book: true), "sync"u8);
            }
        }
        else if (command.SequenceEqual("ls"u8))
        {
            if (Ready(ref words, "usage: ls"))
            {
                List();
            }
        }
        else if (command.SequenceEqual("cat"u8) || command.SequenceEqual("rm"u8) || command.SequenceEqual("mkdir"u8))
        {
            ReadOnlySpan<byte> name = words.Next();
            if (name.IsEmpty || !words.AtEnd)
            {
                Out.Text("usage: ");
                Out.Bytes(command);
                Out.Line(" NAME");
            }
            else if (command.SequenceEqual("cat"u8))
            {
                Cat(name);
            }
            else
            {
                Report(command.SequenceEqual("rm"u8) ? Sys.FileDelete(name) : Sys.MakeDirectory(name), name);
            }
        }
        else if (command.SequenceEqual("write"u8) || command.SequenceEqual("append"u8))
        {
            bool append = command.SequenceEqual("append"u8);
            ReadOnlySpan<byte> name = words.Next();
            ReadOnlySpan<byte> text = words.Rest();
            if (name.IsEmpty || text.IsEmpty)
            {
                Out.Line(append ? "usage: append NAME TEXT" : "usage: write NAME TEXT");
            }
            else
            {
                Write(name, text, append);
            }
        }
        else if (command.SequenceEqual("sync"u8))
        {
            if (Ready(ref words, "usage: sync"))
            {
                Report(Sys.Sync(), "sync"u8);
            }
        }
        else
        {
            return false;
        }

        return true;
    }

    static bool Ready(ref Words words, string usage)
    {
        if (words.AtEnd)
        {
            return true;
        }

        Out.Line(usage);
        return false;
    }

    static void Cat(ReadOnlySpan<byte> name)
    {
        Span<byte> buffer = s_buffer;
        long offset = 0;
        while (true)
        {
            nint read = Sys.ReadFile(name, buffer, offset);
            if (!Report(read, name))
            {
                break;
            }

            for (int i = 0; i < (int)read; i++)
            {
                byte b = buffer[i];
                Out.Byte(b == (byte)'\n' || b == (byte)'\t' || (b >= 0x20 && b < 0x7F) ? b : (byte)'.');
            }

            offset += read;
            if (read < buffer.Length)
            {
                break;   // the end of the file
            }
        }

        Out.Flush();
    }

    static void Write(ReadOnlySpan<byte> name, ReadOnlySpan<byte> text, bool append)
    {
        // The text and a newline, as the kernel shell writes it.
        Span<byte> content = s_buffer;
        int length = text.Length < ReadCapacity - 1 ? text.Length : ReadCapacity - 1;
        text.Slice(0, length).CopyTo(content);
        content[length] = (byte)'\n';
        ReadOnlySpan<byte> line = content.Slice(0, length + 1);
        if (Report(append ? Sys.AppendFile(name, line) : Sys.WriteFile(name, line), name))
        {
            Out.Bytes(name);
            Out.Text(append ? ": appended " : ": wrote ");
            Out.Decimal((ulong)(length + 1));
            Out.Line(" bytes (sync makes it durable)");
        }
    }

    static unsafe void List()
    {
        FileInfo info;
        ulong files = 0, bytes = 0;
        nint position = Sys.FileEntry(0, &info);
        if (!Report(position == (nint)SystemCallError.NotFound ? 0 : position, "ls"u8))
        {
            return;
        }

        for (; position >= 0; position = Sys.FileEntry((int)position + 1, &info))
        {
            Padded(info.Size, 10);
            Out.Text("  ");
            Out.Bytes(new ReadOnlySpan<byte>(info.Name, info.NameLength));
            Out.Line(info.Kind == FileInfo.KindOther ? "  (not a regular file)" : "");
            if (info.Kind == FileInfo.KindRegular)
            {
                files++;
                bytes += info.Size;
            }
        }

        Out.Decimal(files);
        Out.Text(files == 1 ? " file, " : " files, ");
        Out.Decimal(bytes);
        Out.Line(" bytes");
    }

    static void Padded(ulong value, int width)
    {
        int digits = 1;
        for (ulong v = value; v >= 10; v /= 10)
        {
            digits++;
        }

        for (int i = digits; i < width; i++)
        {
            Out.Byte((byte)' ');
        }

        Out.Decimal(value);
    }

    /// <summary>True for a result that is not an error; otherwise prints <c>fs: NAME: why</c> as the kernel shell does
    /// (a device error the kernel printed already).</summary>
    static bool Report(nint result, ReadOnlySpan<byte> name)
    {
        if (result >= 0)
        {
            return true;
        }

        Out.Text("fs: ");
        Out.Bytes(name);
        Out.Text(": ");
        if (FileErrors.TryFromResult(result, out FileError error))
        {
            Out.Line(error == FileError.NotMounted ? "no file system mounted (blk0 holds no ustar archive)" : FileErrors.Describe(error));
        }
        else
        {
            Out.Text("system call failed (");
            Out.Decimal((long)result);
            Out.Line(")");
        }

        return false;
    }

    [System.Runtime.CompilerServices.InlineArray(ReadCapacity)]
    struct Buffer
    {
        byte _first;
    }
}
