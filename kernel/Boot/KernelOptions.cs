namespace Kernel.Boot;

using System;

/// <summary>The kernel command line, parsed (<see cref="KernelCommandLine"/>; the grammar is in kernel/README.md).</summary>
public unsafe struct KernelOptions
{
    /// <summary>The most sectors <c>blk.checksum</c> takes.</summary>
    public const int MaxChecksumSectors = 32;

    private fixed ulong _checksumSectors[MaxChecksumSectors];

    /// <summary><c>demo=off</c> clears it: no write to the disk.</summary>
    public bool Demo;

    /// <summary><c>blk.read=S</c>: read sector <see cref="ReadSector"/> and show its first bytes.</summary>
    public bool HasRead;
    public ulong ReadSector;

    /// <summary><c>blk.fill=SEED</c>: write the whole of blk0 with the pattern of <see cref="FillSeed"/>, read it back
    /// and check it (<see cref="FillTest"/>).</summary>
    public bool HasFill;
    public ulong FillSeed;

    /// <summary><c>blk.reinit=N</c>: initialise blk0 again <see cref="ReinitCount"/> times, with alternating features,
    /// checking a write and a read after each and the free memory at the end (<see cref="ReinitTest"/>).</summary>
    public bool HasReinit;
    public uint ReinitCount;

    /// <summary><c>blk.checksum=S1,S2,...</c>: how many sectors to checksum (0: none).</summary>
    public int ChecksumCount;

    /// <summary><c>shell</c> (or <c>shell=on</c>): the shell on the UART instead of the demo and the test modes.</summary>
    public bool Shell;

    /// <summary><c>shell=user</c>: the user-mode shell (user/Shell) as the first process instead of the kernel's shell;
    /// <see cref="Init"/> names another first program.</summary>
    public bool UserShell;

    /// <summary><c>init=NAME</c>: the first user program is embedded program <see cref="InitProgram"/> instead of
    /// <c>shell</c>; implies user mode.</summary>
    public bool HasInit;
    public int InitProgram;

    /// <summary><c>bench</c> and <c>bench.*</c>: the benchmark (<see cref="Kernel.Bench.BenchMode"/>) instead of the demo;
    /// all zero means its defaults.</summary>
    public Kernel.Bench.BenchOptions Bench;

    /// <summary><c>fault=unmapped|exec-data|write-text</c>: a deliberate fault once paging is on
    /// (<see cref="FaultTest"/>); <see cref="FaultKind.None"/> without it.</summary>
    public FaultKind Fault;

    /// <summary><c>blk.completion=poll|irq</c>: how the block devices' completions are waited for.</summary>
    public CompletionMode Completion;

    /// <summary><c>blk.queue=N</c>: the most entries of each device's request queue (the driver takes the largest
    /// power of two not above it, and not above the device's QueueNumMax).</summary>
    public uint QueueSize;

    /// <summary><c>blk.timeout=S</c>: how long a request may take before the driver resets the device and fails the
    /// requests in flight (<c>BlockError.Timeout</c>); 0, the default, waits as long as the device takes.</summary>
    public uint TimeoutSeconds;

    /// <summary><c>blk.warn=S</c>: a request still waiting after this long prints a warning (again every S seconds);
    /// 0: never. Default <see cref="DefaultWarnSeconds"/>.</summary>
    public uint WarnSeconds;

    public const uint DefaultWarnSeconds = 10;

    /// <summary>The largest <c>blk.timeout</c> and <c>blk.warn</c>: a day.</summary>
    public const ulong MaxWaitSeconds = 86400;

    /// <summary>The queue size when <c>blk.queue</c> is not given (the driver's default).</summary>
    public const uint DefaultQueueSize = 128;

    /// <summary>The smallest <c>blk.queue</c>: a request takes three descriptors, and queue sizes are powers of two.</summary>
    public const uint MinQueueSize = 4;

    /// <summary>The largest <c>blk.queue</c>: the largest split virtqueue (virtio 1.2, 2.7).</summary>
    public const uint MaxQueueSize = 32768;

    public static KernelOptions Defaults
    {
        get
        {
            KernelOptions options = default;
            options.Demo = true;
            options.Completion = CompletionMode.Poll;
            options.QueueSize = DefaultQueueSize;
            options.WarnSeconds = DefaultWarnSeconds;
            return options;
        }
    }

    /// <summary>Whether a test mode was asked for: they replace the demo's write.</summary>
    public readonly bool HasTestMode => HasFill || HasReinit || HasSectorTestMode;

    /// <summary>Whether <c>blk.checksum</c> or <c>blk.read</c> was given (<see cref="BlockDemo"/> runs them).</summary>
    public readonly bool HasSectorTestMode => HasRead || ChecksumCount != 0;

    public readonly ulong GetChecksumSector(int index)
    {
        if ((uint)index >= (uint)ChecksumCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return _checksumSectors[index];
    }

    /// <summary>False when the list is full.</summary>
    public bool AddChecksumSector(ulong sector)
    {
        if (ChecksumCount == MaxChecksumSectors)
        {
            return false;
        }

        _checksumSectors[ChecksumCount++] = sector;
        return true;
    }
}
