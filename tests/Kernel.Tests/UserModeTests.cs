using System.Globalization;
using System.Text.RegularExpressions;

namespace Rvc.Kernel.Tests;

// Issue 10's boot-log tests: processes, user mode and system calls. The user shell (user/Shell) runs as the first
// process (the launcher's `--shell`: `shell=user`) and is driven through QEMU's standard input; every boot is on rv32 and rv64, and
// where the disk is involved with both completion modes.

/// <summary>What the user shell's boots share: the session after the kernel's <c>proc: user programs:</c> line.</summary>
internal static class UserShell
{
    public const string ProgramsLine = "proc: user programs: shell hello printer spinner badwrite badptr reader counter";
    public const string NoProcessLeft = "proc: no user process left; powering off";

    public static BootResult Boot(string arch, string input, params string[] options)
        => KernelBoot.BootWithInput(arch, input, ["--shell", .. options]);

    /// <summary>Everything printed after the programs line.</summary>
    public static string Session(BootResult boot)
    {
        int at = boot.Stdout.IndexOf(ProgramsLine + "\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"the user shell did not start: no line '{ProgramsLine}'\n{boot.Describe()}");
        return boot.Stdout[(at + ProgramsLine.Length + 1)..];
    }

    public static List<string> SessionLines(BootResult boot) => Session(boot).Split('\n').ToList();

    public static int IndexOf(List<string> lines, string line, BootResult boot)
    {
        int index = lines.IndexOf(line);
        Assert.True(index >= 0, $"no line '{line}' in the session\n{boot.Describe()}");
        return index;
    }

    public static int IndexMatching(List<string> lines, Regex pattern, BootResult boot)
    {
        int index = lines.FindIndex(pattern.IsMatch);
        Assert.True(index >= 0, $"no line matching {pattern} in the session\n{boot.Describe()}");
        return index;
    }
}

public class UserModeTests
{
    /// <summary>The book's shell session, byte for byte: the prompt, the echo, the replies, and the kernel's lines when
    /// the shell exits and no process is left (then the boot ends with status 0 by itself).</summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void TheBooksShellSessionByteForByte(string arch)
    {
        var boot = UserShell.Boot(arch, "hello\nfrobnicate now\nexit\n");

        BootAssert.ExitedWith(0, boot);
        Assert.Equal(
            "> hello\nHello world from shell!\n"
            + "> frobnicate now\nunknown command: frobnicate now\n"
            + "> exit\nproc: pid 1 (shell) exited with status 0\n"
            + UserShell.NoProcessLeft + "\n",
            UserShell.Session(boot));
    }

    /// <summary>Two printers started in the background together interleave their lines (each yields after a line); a spinner
    /// that never makes a system call does not stop the shell from answering (the timer preempts it): the shell answers
    /// <c>hello</c> and <c>ps</c>, which lists the spinner alive, and kills it; the spinner, which enters the kernel only
    /// by the timer, ends at its next preemption, long before its 10^12 iterations. The kernel goes on until the last
    /// process has exited. (The spinner is killed rather than let finish so that nothing depends on how fast the host
    /// runs it: with a spinner of 200 million iterations, a loaded host once delivered the shell's input only after it.)</summary>
    /// <summary>The session without the printers' lines and their exit lines (checked on their own above): the printers
    /// may still run when the shell reads its later commands, and the console is shared, so their lines can land
    /// between the shell's, or inside its echo.</summary>
    static string ShellLinesOnly(string session) =>
        Regex.Replace(session, @"printer [12]: line [1-5] of 5\n|proc: pid \d+ \(printer\) exited with status 0\n", "");

    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void ProcessesInterleaveAndASpinnerCannotStopTheShell(string arch)
    {
        var boot = UserShell.Boot(arch, "run printer 1 & printer 2 &\nrun spinner 1000000 &\nhello\nps\nkill 4\nkill 99\nkill\nexit\n");

        BootAssert.ExitedWith(0, boot);
        var lines = UserShell.SessionLines(boot);
        // Each printer's five lines, in order; the two printers' lines interleave.
        var printed = lines.Select(l => Regex.Match(l, @"printer ([12]): line ([1-5]) of 5$")).Where(m => m.Success)
            .Select(m => (Tag: m.Groups[1].Value, Line: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        foreach (string tag in new[] { "1", "2" })
        {
            Assert.True(printed.Where(p => p.Tag == tag).Select(p => p.Line).SequenceEqual([1, 2, 3, 4, 5]),
                $"printer {tag} should print lines 1 to 5 in order\n{boot.Describe()}");
        }

        int lastOfFirst = printed.FindLastIndex(p => p.Tag == "1");
        int firstOfSecond = printed.FindIndex(p => p.Tag == "2");
        Assert.True(firstOfSecond < lastOfFirst, $"the printers did not interleave\n{boot.Describe()}");

        // The shell answered while the spinner was alive: ps lists it (pid 4, parent 1, not a zombie) after hello.
        int started = UserShell.IndexOf(lines, "[4] spinner", boot);
        int hello = UserShell.IndexOf(lines, "Hello world from shell!", boot);
        int listed = UserShell.IndexMatching(lines, new Regex(@"^ +4 +1  (runnable|running ) +\d+ +\d+ +\d+  spinner$"), boot);
        Assert.True(started < hello && hello < listed, $"expected [4] spinner, then hello's answer, then ps listing it\n{boot.Describe()}");
        Assert.DoesNotContain(lines, l => l.StartsWith("spinner: done", StringComparison.Ordinal));

        // kill ends it at its next timer interrupt, whenever that comes: the kernel's line may land in the middle of
        // the shell's echo, so it is taken out before the shell's own lines are compared. A pid that is not there and
        // a missing pid are errors of the shell.
        const string Killed = "proc: pid 4 (spinner) killed by pid 1\n";
        string session = UserShell.Session(boot);
        int killed = session.IndexOf(Killed, StringComparison.Ordinal);
        Assert.True(killed > session.IndexOf("  spinner\n", StringComparison.Ordinal), $"no '{Killed}' after ps\n{boot.Describe()}");
        Assert.Contains("> kill 4\n> kill 99\nkill: no process 99 (or it is this shell, or it has ended; try ps)\n> kill\nusage: kill PID\n"
            + "> exit\nproc: pid 1 (shell) exited with status 0\n", ShellLinesOnly(session.Replace(Killed, "", StringComparison.Ordinal)));
        Assert.True(killed < session.IndexOf(UserShell.NoProcessLeft, StringComparison.Ordinal),
            $"the kernel should wait for the spinner's end\n{boot.Describe()}");
    }

    /// <summary>A program that stores into the kernel is killed with a line naming it, the cause, the address and the
    /// pc; one that hands system calls kernel and other bad pointers gets an error for each and goes on, and the
    /// kernel's CRC-32 of the memory it aimed at is unchanged; the shell answers after both.</summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void BadProgramsAreKilledOrRefusedAndTheShellGoesOn(string arch)
    {
        var boot = UserShell.Boot(arch, "run badwrite\nhello\nrun badptr\nhello\nexit\n");

        BootAssert.ExitedWith(0, boot);
        var lines = UserShell.SessionLines(boot);
        int killed = UserShell.IndexMatching(lines,
            new Regex(@"^proc: pid 2 \(badwrite\) killed: store/AMO page fault at 0x80200000, pc 0x10[0-9a-f]{5}$"), boot);
        int hello = UserShell.IndexOf(lines, "Hello world from shell!", boot);
        Assert.True(killed < hello, $"the shell should answer after the kill\n{boot.Describe()}");

        Assert.Equal(11, lines.Count(l => l.StartsWith("badptr: ", StringComparison.Ordinal) && l.EndsWith(" (refused, as it should be)", StringComparison.Ordinal)));
        UserShell.IndexMatching(lines, new Regex("^badptr: kernel crc32 before ([0-9a-f]{8}) ([0-9a-f]{8}), after \\1 \\2: unchanged$"), boot);
        int running = UserShell.IndexOf(lines, "badptr: still running, 0 unexpected results", boot);
        int exited = UserShell.IndexOf(lines, "proc: pid 3 (badptr) exited with status 0", boot);
        Assert.True(running < exited && exited < lines.LastIndexOf("Hello world from shell!"), $"badptr's end and the shell's answer\n{boot.Describe()}");
    }

    /// <summary>Exited and killed processes give back every page they took: the free memory <c>ps</c> shows is the
    /// same before and after each run.</summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void ExitedProcessesGiveTheirPagesBack(string arch)
    {
        var boot = UserShell.Boot(arch, "ps\nrun hello\nps\nrun badwrite\nps\nrun printer 1\nps\nexit\n");

        BootAssert.ExitedWith(0, boot);
        var free = UserShell.SessionLines(boot).Where(l => Regex.IsMatch(l, @"^memory: \d+ KiB free$")).ToList();
        Assert.True(free.Count == 4 && free.Distinct().Count() == 1, $"free memory changed: {string.Join(", ", free)}\n{boot.Describe()}");
    }

    /// <summary>A reader process reads 1,000 sectors one request at a time while a counter runs beside it: the data is
    /// what the host wrote (CRC-32), and with interrupts the counter makes progress while the reader sleeps.</summary>
    [Theory]
    [InlineData("rv32", "irq")]
    [InlineData("rv64", "irq")]
    [InlineData("rv64", "poll")]
    public void AReaderSleepsOnTheDiskWhileACounterRuns(string arch, string completion)
    {
        byte[] contents = new byte[1024 * 512];
        new Random(10).NextBytes(contents);
        string disk = DiskImages.Create(nameof(AReaderSleepsOnTheDiskWhileACounterRuns), $"{arch}-{completion}", contents);
        uint crc = Crc32.HashToUInt32(contents.AsSpan(0, 1000 * 512));

        var boot = UserShell.Boot(arch, "run reader\nexit\n", "--disk", disk, "--completion", completion);

        BootAssert.ExitedWith(0, boot);
        var lines = UserShell.SessionLines(boot);
        UserShell.IndexOf(lines, $"reader: read 1000 sectors of blk0, crc32 {crc:x8}", boot);
        int counted = UserShell.IndexMatching(lines, new Regex(@"^reader: the counter made (\d+) system calls meanwhile$"), boot);
        ulong calls = ulong.Parse(Regex.Match(lines[counted], @"\d+").Value, CultureInfo.InvariantCulture);
        if (completion == "irq")
        {
            // 1,000 sleeps: the counter runs in each (it yields every 64 counts: a system call).
            Assert.True(calls >= 1000, $"the counter made only {calls} system calls while the reader slept\n{boot.Describe()}");
        }

        UserShell.IndexMatching(lines, new Regex(@"^proc: pid 3 \(counter\) killed by pid 2$"), boot);
        UserShell.IndexOf(lines, "proc: pid 2 (reader) exited with status 0", boot);
        DiskImages.AssertContents(contents, disk, boot);
        DiskImages.Discard(disk);
    }

    /// <summary>Issue 11's book session in the user shell, through the file-system system calls: the host's archive
    /// with hello.txt; readfile prints it, writefile writes <c>Hello from shell!\n</c> and syncs; write, ls and rm; the
    /// power-off syncs what was not; the host's tar then reads exactly that.</summary>
    [Theory]
    [InlineData("rv32", "poll")]
    [InlineData("rv64", "irq")]
    public void TheBooksFileSessionGoesThroughSystemCalls(string arch, string completion)
    {
        const string Hello = "Can you see me?\n";
        byte[] other = System.Text.Encoding.ASCII.GetBytes("meow\n");
        string image = HostTarRunner.MakeImage("user-book-" + completion, arch, 1 << 20,
            ("hello.txt", System.Text.Encoding.ASCII.GetBytes(Hello)), ("meow.txt", other));
        var boot = UserShell.Boot(arch, "readfile\nwritefile\nreadfile\nwrite notes.txt hi there\nrm meow.txt\nrm meow.txt\nls\nexit\n",
            "--disk", image, "--completion", completion);

        BootAssert.ExitedWith(0, boot);
        string session = UserShell.Session(boot);
        Assert.StartsWith("> readfile\n" + Hello + "\n> writefile\nfs: sync: flushing blk0\nwrote 2048 bytes to disk\n", session);
        Assert.Contains("> readfile\nHello from shell!\n\n> write notes.txt hi there\nnotes.txt: wrote 9 bytes (sync makes it durable)\n"
            + "> rm meow.txt\n> rm meow.txt\nfs: meow.txt: no such file\n"
            + "> ls\n        18  hello.txt\n         9  notes.txt\n2 files, 27 bytes\n> exit\n", session);
        // The power-off synced notes.txt and the deletion.
        Assert.Contains(UserShell.NoProcessLeft + "\nfs: sync: flushing blk0\n", session);

        var after = HostTarRunner.Read(image);
        Assert.True(after.ExitCode == 0, after.Errors);
        Assert.Equal("Hello from shell!\n", System.Text.Encoding.ASCII.GetString(after.Files["hello.txt"]));
        Assert.Equal("hi there\n", System.Text.Encoding.ASCII.GetString(after.Files["notes.txt"]));
        Assert.False(after.Files.ContainsKey("meow.txt"), boot.Describe());
    }

    /// <summary>cat shows a file bigger than its buffer and than one readfile call whole, reading at offsets: 40 KiB
    /// of text made by the host's tar, byte for byte; appendfile grows it past one call's 32 KiB, and the host's tar
    /// reads the result after the power-off's sync.</summary>
    [Theory]
    [InlineData("rv32", "irq")]
    [InlineData("rv64", "poll")]
    public void CatShowsAFileOfAnySizeWhole(string arch, string completion)
    {
        var random = new Random(11);
        var text = new System.Text.StringBuilder();
        while (text.Length < 40 * 1024)
        {
            text.Append((char)('a' + random.Next(26)));
            if (random.Next(64) == 0)
            {
                text.Append('\n');
            }
        }

        text.Append('\n');
        string content = text.ToString();
        string image = HostTarRunner.MakeImage("user-cat-" + arch + completion, arch, 1 << 20,
            ("big.txt", System.Text.Encoding.ASCII.GetBytes(content)));
        var boot = UserShell.Boot(arch, "cat big.txt\nappend big.txt the end\ncat big.txt\nexit\n", "--disk", image,
            "--completion", completion);

        BootAssert.ExitedWith(0, boot);
        Assert.Contains("> cat big.txt\n" + content + "> append big.txt the end\nbig.txt: appended 8 bytes (sync makes it durable)\n"
            + "> cat big.txt\n" + content + "the end\n> exit\n", UserShell.Session(boot));
        // The power-off synced the appended file: the host's tar reads all of it.
        var after = HostTarRunner.Read(image);
        Assert.True(after.ExitCode == 0, after.Errors);
        Assert.Equal(content + "the end\n", System.Text.Encoding.ASCII.GetString(after.Files["big.txt"]));
    }

    /// <summary>The kernel shell's blk commands in the user shell, with the kernel shell's output, through system calls.</summary>
    [Theory]
    [InlineData("rv32", "irq")]
    [InlineData("rv64", "poll")]
    public void TheBlockCommandsGoThroughSystemCalls(string arch, string completion)
    {
        string disk = DiskImages.CopyOfLorem(nameof(TheBlockCommandsGoThroughSystemCalls), $"{arch}-{completion}");
        byte[] lorem = File.ReadAllBytes(disk);
        string[] commands = ["blk list", "blk write blk0 1 hello", "blk read blk0 1", "blk id blk0", "blk flush blk0", "blk read blk7 0", "blk read blk0 2", "exit"];

        var boot = UserShell.Boot(arch, string.Concat(commands.Select(c => c + "\n")), "--disk", disk, "--completion", completion);

        BootAssert.ExitedWith(0, boot);
        string waits = completion == "irq" ? @"interrupts \(\d+ claimed in \d+ waits\)" : @"polling \(\d+ polls\)";
        byte[] sector1 = new byte[DiskImages.SectorSize];
        "hello"u8.CopyTo(sector1);
        var expected = new List<string> { "> blk list" };
        string session = UserShell.Session(boot);
        var lines = session.Split('\n').ToList();
        Assert.Matches("^" + Regex.Escape(Transports.BannerLine(0, lorem.Length, readOnly: false)
            + "; 2 sectors, virtio-mmio@0x10001000 (legacy, slot 0, irq 1), queue 128, ") + waits + "$", lines[1]);
        expected.Add(lines[1]);
        expected.AddRange(["> blk write blk0 1 hello", "blk0: wrote sector 1: 5 bytes of text, then NUL bytes", "> blk read blk0 1"]);
        expected.AddRange(ShellSession.HexDump(sector1, DiskImages.SectorSize));
        expected.AddRange(["> blk id blk0", "blk0: id \"disk0\"", "> blk flush blk0", "blk0: flushed",
            "> blk read blk7 0", "blk: no device 'blk7' (try blk list)", "> blk read blk0 2", "blk0: error: sector out of range",
            "> exit", "proc: pid 1 (shell) exited with status 0", UserShell.NoProcessLeft, ""]);
        Assert.True(lines.SequenceEqual(expected), $"the session was\n{session}\ninstead of\n{string.Join('\n', expected)}\n{boot.Describe()}");

        byte[] image = (byte[])lorem.Clone();
        sector1.CopyTo(image, DiskImages.SectorSize);
        DiskImages.AssertContents(image, disk, boot);
        DiskImages.Discard(disk);
    }
}
