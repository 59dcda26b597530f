namespace Kernel.Shell;

using System;
using Kernel.Drivers.Virtio;
using Kernel.FileSystem;
using Kernel.Memory;
using Kernel.Output;
using Kernel.Platform;
using Kernel.Storage;

/// <summary>
/// The file system's side of the kernel shell: the archive on blk0 is mounted when the shell starts, and the book's
/// <c>readfile</c> and <c>writefile</c>, plus <c>ls</c>, <c>cat</c>, <c>write</c>, <c>append</c>, <c>mkdir</c>,
/// <c>rm</c>, <c>fill</c> and <c>sync</c>, go through <see cref="TarFileSystem"/>'s calls, the ones the system calls
/// will make once the shell runs in user mode. <c>poweroff</c> syncs first.
/// </summary>
public static unsafe class FileCommands
{
    static TarFileSystem s_fs;
    static bool s_mounted;

    /// <summary>The mounted file system, for the system calls (Processes/FileCalls.cs).</summary>
    internal static ref TarFileSystem FileSystem => ref s_fs;

    internal static bool IsMounted => s_mounted;

    /// <summary>The most bytes <c>cat</c> and <c>readfile</c> read per request.</summary>
    const int Chunk = 4096;

    /// <summary>The book's <c>writefile</c> content.</summary>
    static ReadOnlySpan<byte> BookText => "Hello from shell!\n"u8;

    static void* AllocatePages(nuint bytes) => default(PageAllocator).AllocateZeroed(bytes, PageAllocator.PageSize);

    /// <summary>Mounts blk0 and says what was found, recovery included.</summary>
    public static void Mount<TWait>(ref BlockDeviceTable<TWait> table)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (table.Count == 0)
        {
            Print.Line("fs: no disk, no file system");
            return;
        }

        FsError error = TarFileSystem.Mount(ref table[0].Driver, &AllocatePages, out s_fs, out MountReport report);
        PrintRecovery(report);
        switch (report.Outcome)
        {
            case MountOutcome.NotUstar:
                Print.Line("fs: blk0 holds no ustar archive: no file system");
                return;
            case MountOutcome.DiskTooSmall:
                Print.Line("fs: blk0 is too small for an archive: no file system");
                return;
            case MountOutcome.NeedsRecoveryReadOnly:
                Print.Line("fs: blk0 has a committed flush to finish but is read-only: not mounted");
                return;
            case MountOutcome.IoError:
                Print.Text("fs: blk0: error: ");
                Print.Line(BlockErrors.Describe(report.DeviceError));
                return;
            case MountOutcome.OutOfMemory:
                Print.Line("fs: out of memory: not mounted");
                return;
        }

        if (error != FsError.None)
        {
            Print.Text("fs: not mounted: ");
            Print.Line(FsErrors.Describe(error));
            return;
        }

        s_mounted = true;
        if (report.Outcome == MountOutcome.Corrupt)
        {
            Print.Text("fs: blk0: bad header at byte ");
            Print.Decimal(report.ProblemOffset);
            Print.Text(": ");
            Print.Text(HeaderProblems.Describe(report.Problem));
            Print.Line("; the entries before it are mounted read-only");
        }

        Print.Text("fs: ");
        Print.Decimal((ulong)report.Files);
        Print.Text(report.Files == 1 ? " file, " : " files, ");
        Print.Decimal(report.Bytes);
        Print.Text(" bytes on blk0");
        if (report.Directories > 0)
        {
            Print.Text(", ");
            Print.Decimal((ulong)report.Directories);
            Print.Text(report.Directories == 1 ? " directory" : " directories");
        }

        if (report.Others > 0)
        {
            Print.Text(", ");
            Print.Decimal((ulong)report.Others);
            Print.Text(" other entries");
        }

        Print.Line(s_fs.IsReadOnly ? " (read-only disk)" : report.Full ? " (no room left for a flush)" : "");
        if (report.LoneZeroBlock)
        {
            Print.Line("fs: note: the archive ends with a lone zero block");
        }
    }

    static void PrintRecovery(in MountReport report)
    {
        switch (report.Recovery)
        {
            case RecoveryOutcome.Replayed:
                Print.Text("fs: recovery: flush #");
                Print.Decimal(report.RecoveredSequence);
                Print.Text(" was cut short after its commit: installed its log again (");
                Print.Decimal(report.RecoveredSectors);
                Print.Text(" sectors in ");
                Print.Decimal((ulong)report.RecoveredRuns);
                Print.Line(" runs); the archive is as after that flush");
                break;
            case RecoveryOutcome.DiscardedTornRecord:
                Print.Line("fs: recovery: a torn commit record was cleared; the archive is as before that flush");
                break;
            case RecoveryOutcome.DiscardedBadLog:
                Print.Line("fs: recovery: the log does not match its commit record's checksum: discarded; the archive is as before that flush");
                break;
        }
    }

    public static void PrintHelp()
    {
        Print.Line("  readfile                     print hello.txt (the book's command)");
        Print.Line("  writefile                    write \"Hello from shell!\\n\" to hello.txt and sync (the book's)");
        Print.Line("  ls                           the archive's entries: size and name");
        Print.Line("  cat NAME                     print a file");
        Print.Line("  write NAME TEXT              NAME's content becomes TEXT and a newline (created if missing)");
        Print.Line("  append NAME TEXT             add TEXT and a newline at the end of NAME");
        Print.Line("  mkdir NAME                   create a directory");
        Print.Line("  rm NAME                      delete a file or an empty directory");
        Print.Line("  fill NAME SIZE SEED          write SIZE bytes of SEED's xorshift64 pattern to NAME");
        Print.Line("  sync                         make every change part of the archive on blk0 (crash-safe)");
    }

    /// <summary>Runs <paramref name="command"/> if it is one of the file commands; false otherwise.</summary>
    public static bool TryRun<TWait>(ref BlockDeviceTable<TWait> table, ReadOnlySpan<byte> command, ref Words words)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (command.SequenceEqual("readfile"u8))
        {
            if (Ready(words, "usage: readfile"))
            {
                Cat(ref table, "hello.txt"u8);
                Print.Line();
            }
        }
        else if (command.SequenceEqual("writefile"u8))
        {
            if (Ready(words, "usage: writefile"))
            {
                if (Report(s_fs.WriteFile(ref table[0].Driver, "hello.txt"u8, BookText), "hello.txt"u8))
                {
                    Sync(ref table, book: true);
                }
            }
        }
        else if (command.SequenceEqual("ls"u8))
        {
            if (Ready(words, "usage: ls"))
            {
                List();
            }
        }
        else if (command.SequenceEqual("cat"u8))
        {
            ReadOnlySpan<byte> name = words.Next();
            if (Ready(words, "usage: cat NAME", name, needsName: true))
            {
                Cat(ref table, name);
            }
        }
        else if (command.SequenceEqual("write"u8) || command.SequenceEqual("append"u8))
        {
            ReadOnlySpan<byte> name = words.Next();
            ReadOnlySpan<byte> text = words.Rest();
            if (name.IsEmpty || text.IsEmpty)
            {
                Print.Line(command.SequenceEqual("write"u8) ? "usage: write NAME TEXT" : "usage: append NAME TEXT");
            }
            else if (s_mounted)
            {
                Write(ref table, name, text, append: command.SequenceEqual("append"u8));
            }
            else
            {
                NotMounted();
            }
        }
        else if (command.SequenceEqual("mkdir"u8))
        {
            ReadOnlySpan<byte> name = words.Next();
            if (Ready(words, "usage: mkdir NAME", name, needsName: true))
            {
                Report(s_fs.Create(name, EntryKind.Directory), name);
            }
        }
        else if (command.SequenceEqual("rm"u8))
        {
            ReadOnlySpan<byte> name = words.Next();
            if (Ready(words, "usage: rm NAME", name, needsName: true))
            {
                Report(s_fs.Delete(name), name);
            }
        }
        else if (command.SequenceEqual("fill"u8))
        {
            Fill(ref table, ref words);
        }
        else if (command.SequenceEqual("sync"u8))
        {
            if (Ready(words, "usage: sync"))
            {
                Sync(ref table, book: false);
            }
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Before power-off: every change made part of the archive. False when that failed.</summary>
    public static bool SyncBeforePowerOff<TWait>(ref BlockDeviceTable<TWait> table)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (!s_mounted || !s_fs.IsDirty)
        {
            return true;
        }

        return Sync(ref table, book: false);
    }

    /// <summary>The command's arguments are complete (<paramref name="name"/> given when
    /// <paramref name="needsName"/>, nothing after it) and a file system is mounted; otherwise says why not.</summary>
    static bool Ready(Words words, string usage, ReadOnlySpan<byte> name = default, bool needsName = false)
    {
        if (!words.AtEnd || (needsName && name.IsEmpty))
        {
            Print.Line(usage);
            return false;
        }

        if (!s_mounted)
        {
            NotMounted();
            return false;
        }

        return true;
    }

    static void NotMounted() => Print.Line("fs: no file system mounted (blk0 holds no ustar archive)");

    static void List()
    {
        Span<byte> name = stackalloc byte[TarNames.MaxLength];
        ulong files = 0, bytes = 0;
        for (int p = s_fs.NextEntry(0); p >= 0; p = s_fs.NextEntry(p + 1))
        {
            s_fs.GetEntry(p, name, out int length, out EntryKind kind, out ulong size);
            PrintPadded(size, 10);
            Print.Text("  ");
            Print.Ascii(name.Slice(0, length));
            Print.Line(kind == EntryKind.Other ? "  (not a regular file)" : "");
            if (kind == EntryKind.Regular)
            {
                files++;
                bytes += size;
            }
        }

        Print.Decimal(files);
        Print.Text(files == 1 ? " file, " : " files, ");
        Print.Decimal(bytes);
        Print.Line(" bytes");
    }

    static void PrintPadded(ulong value, int width)
    {
        int digits = 1;
        for (ulong v = value; v >= 10; v /= 10)
        {
            digits++;
        }

        for (int i = digits; i < width; i++)
        {
            Print.Char(' ');
        }

        Print.Decimal(value);
    }

    static void Cat<TWait>(ref BlockDeviceTable<TWait> table, ReadOnlySpan<byte> name)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        Span<byte> buffer = stackalloc byte[Chunk];
        ulong offset = 0;
        while (true)
        {
            FsError error = s_fs.ReadFile(ref table[0].Driver, name, offset, buffer, out int read);
            if (!Report(error, name) || read == 0)
            {
                return;
            }

            for (int i = 0; i < read; i++)
            {
                byte b = buffer[i];
                Print.Char(b == (byte)'\n' || b == (byte)'\t' || (b >= 0x20 && b < 0x7F) ? (char)b : '.');
            }

            offset += (ulong)read;
        }
    }

    static void Write<TWait>(ref BlockDeviceTable<TWait> table, ReadOnlySpan<byte> name, ReadOnlySpan<byte> text, bool append)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        // The text and a newline, as one piece: the line is at most 256 bytes.
        Span<byte> content = stackalloc byte[text.Length + 1];
        text.CopyTo(content);
        content[text.Length] = (byte)'\n';
        FsError error = append ? s_fs.Append(ref table[0].Driver, name, content) : s_fs.WriteFile(ref table[0].Driver, name, content);
        if (Report(error, name))
        {
            Print.Ascii(name);
            Print.Text(append ? ": appended " : ": wrote ");
            Print.Decimal((ulong)content.Length);
            Print.Line(" bytes (sync makes it durable)");
        }
    }

    /// <summary><c>fill NAME SIZE SEED</c>: SIZE bytes of xorshift64 output (kernel/FileSystem/README.md has the
    /// pattern, for the host to compare with), written piece by piece through WriteFile and Append.</summary>
    static void Fill<TWait>(ref BlockDeviceTable<TWait> table, ref Words words)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        ReadOnlySpan<byte> name = words.Next();
        ReadOnlySpan<byte> sizeText = words.Next();
        ReadOnlySpan<byte> seedText = words.Next();
        if (name.IsEmpty || seedText.IsEmpty || !words.AtEnd || !Numbers.TryParse(sizeText, out ulong size) || !Numbers.TryParse(seedText, out ulong seed))
        {
            Print.Line("usage: fill NAME SIZE SEED (numbers decimal, or hex with 0x)");
            return;
        }

        if (!s_mounted)
        {
            NotMounted();
            return;
        }

        Span<byte> buffer = stackalloc byte[Chunk];
        ulong state = FillPattern.Start(seed);
        ulong done = 0;
        FsError error = s_fs.WriteFile(ref table[0].Driver, name, default);
        while (error == FsError.None && done < size)
        {
            int piece = size - done < Chunk ? (int)(size - done) : Chunk;
            state = FillPattern.Next(state, buffer.Slice(0, piece));
            error = s_fs.Append(ref table[0].Driver, name, buffer.Slice(0, piece));
            done += (ulong)piece;
        }

        if (Report(error, name))
        {
            Print.Ascii(name);
            Print.Text(": filled ");
            Print.Decimal(size);
            Print.Line(" bytes");
        }
    }

    internal static bool Sync<TWait>(ref BlockDeviceTable<TWait> table, bool book)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        // The line before the flush starts, the line after it ends: a test that kills QEMU knows where it landed.
        Print.Line("fs: sync: flushing blk0");
        FsError error = s_fs.Sync(ref table[0].Driver, out FlushReport report);
        if (!Report(error, "sync"u8))
        {
            return false;
        }

        if (book)
        {
            // The book's fs_flush reply; here, the bytes of the archive the flush rewrote.
            Print.Text("wrote ");
            Print.Decimal(report.Sectors * 512);
            Print.Line(" bytes to disk");
        }

        if (report.NothingToDo)
        {
            Print.Line("fs: sync: done, nothing had changed");
            return true;
        }

        Print.Text("fs: sync: done, flush #");
        Print.Decimal(report.Sequence);
        Print.Text(": ");
        Print.Decimal(report.Sectors);
        Print.Text(" sectors in ");
        Print.Decimal((ulong)report.Runs);
        Print.Text(report.Runs == 1 ? " run, archive " : " runs, archive ");
        Print.Decimal(report.ArchiveBytes);
        Print.Line(" bytes");
        return true;
    }

    /// <summary>Prints <c>fs: NAME: error</c> for a failure; true when there was none.</summary>
    static bool Report(FsError error, ReadOnlySpan<byte> name)
    {
        if (error == FsError.None)
        {
            return true;
        }

        Print.Text("fs: ");
        Print.Ascii(name);
        Print.Text(": ");
        Print.Text(FsErrors.Describe(error));
        if (error == FsError.IoError)
        {
            Print.Text(" (");
            Print.Text(BlockErrors.Describe(s_fs.LastDeviceError));
            Print.Text(")");
        }

        Print.Line();
        return false;
    }
}
