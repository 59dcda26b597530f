using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Fuzz;

/// <summary>
/// The virtio-blk driver against a hostile device whose every choice comes from the fuzzer's bytes: the transport,
/// the features offered, QueueNumMax and the configuration space (capacity, blk_size, seg_max, size_max, topology);
/// then up to <see cref="MaxSteps"/> steps, each one of: the driver submits a read, write, flush or GET_ID (sectors,
/// lengths and scatter of the fuzzer's choosing); the device executes a pending request of its choosing with an honest
/// or forced status byte; publishes a used element of any id and length; moves used->idx by any amount; lies about used
/// lengths or ids; scribbles on the descriptor table; changes the capacity, the configuration generation or asks for a
/// reset; never finishes a reset; the driver reaps, collects, waits (the device acting on each wait as the bytes say),
/// acknowledges, re-reads its configuration or recovers.
/// <para>After every step: nothing was written outside the DMA arena's allocations (its canaries), the fake device saw
/// the driver break no rule (a descriptor made available while the device holds it is one), no result was reported
/// twice or for a request never submitted, the driver holds exactly the requests not yet reported, and no descriptor is
/// both free and in the device's hands. A success is reported only for a request the device really executed, and a
/// read's bytes (in the part of the disk no write touches) are the disk's. At the end the device turns honest: every
/// request is reported exactly once, and the disk works again (a read of block 0 returns the disk's bytes).</para>
/// </summary>
public static unsafe class DriverTarget
{
    public const int MaxSteps = 160;

    /// <summary>The image: the first <see cref="ReadOnlySectors"/> are never written (reads there are checked against
    /// the pattern), writes go after them.</summary>
    const int ImageSectors = 96;
    const int ReadOnlySectors = 32;
    const int MaxBufferBytes = 96 << 10;
    const ushort NoToken = VirtioBlk<FakeRegisters, TestDma, FakeWait>.NoToken;

    static readonly uint[] QueueSizes = [4, 8, 16, 3, 5, 64, 256, 1, 2, 0, 7, 0xffff];
    static readonly uint[] BlockSizes = [512, 4096, 1024, 2048, 0, 3, 8192, 256, 600];
    static readonly uint[] SegMaxes = [126, 1, 2, 3, 0, 0xffff_ffff];
    static readonly uint[] SizeMaxes = [0, 512, 4096, 1024, 1, 0xffff_ffff, 3000];
    static readonly ulong[] Capacities = [ImageSectors, 64, 0, 1, 8, 2 * ImageSectors, ulong.MaxValue, ulong.MaxValue / 512, 1ul << 32];

    sealed class Request
    {
        public required int Submission;
        public required BlockOp Op;
        public required ulong Sector;
        public required byte[]? Written;
        public required (nint Address, int Length)[] Segments;
        public BlockRange[] Ranges = [];
    }

    sealed class State(FuzzInput input, DmaArena arena, FakeVirtioBlkDevice device, FakeWaitState waiting, byte[] original)
    {
        public readonly FuzzInput Input = input;
        public readonly DmaArena Arena = arena;
        public readonly FakeVirtioBlkDevice Device = device;
        public readonly FakeWaitState Waiting = waiting;
        public readonly byte[] Original = original;
        public VirtioBlk<FakeRegisters, TestDma, FakeWait> Driver;
        public readonly Dictionary<ushort, Request> Outstanding = [];
        public readonly Dictionary<int, bool> Executed = [];   // submission -> executed honestly (its real status)
        public readonly List<(int Submission, ulong Sector, int Sectors)> ExecutedWrites = [];
        public int Submissions;
        public int BufferBytes;
        public int Step;

        // The device's ResetCount when it last wrote a used descriptor of its own invention on the packed ring (-1:
        // never). Such a write moves the device's used position without the driver following it (a slot whose wrap
        // bits the driver does not take as used), so until the next reset the ring holds lies that an honest device
        // cannot take back: the driver meets them, at the latest, at the next completion.
        public int PackedLieAtReset = -1;
    }

    /// <summary>How many reads of Status a reset may take: a held reset (<see cref="FakeVirtioBlkDevice.ResetNeverCompletes"/>)
    /// never ends however long the driver polls, so the kernel's million reads would only cost milliseconds.</summary>
    const int ResetPolls = 64;

    /// <summary>The disk's bytes at the start of every input: a pattern that differs in every sector.</summary>
    static readonly byte[] Image = MakeImage();

    /// <summary>The DMA arena, kept from one input to the next (allocating and filling 256 KiB took a tenth of each
    /// input's time): given back, refilled with canaries, only by an input that broke nothing.</summary>
    [ThreadStatic]
    static DmaArena? s_arena;

    public static void Run(ReadOnlySpan<byte> bytes)
    {
        DmaArena arena = s_arena ?? new DmaArena(256 << 10, guardUnreached: GuardUnreached);
        s_arena = null;
        try
        {
            Run(new FuzzInput(bytes.ToArray()), arena);
        }
        catch
        {
            arena.Dispose();
            throw;
        }

        arena.Reset();
        s_arena = arena;
    }

    static byte[] MakeImage()
    {
        var image = new byte[ImageSectors * 512];
        for (int i = 0; i < image.Length; i++)
        {
            image[i] = (byte)(i * 31 + (i >> 9) * 7 + 1);
        }

        return image;
    }

    static void Run(FuzzInput input, DmaArena arena)
    {
        byte[] image = Image;
        var device = new FakeVirtioBlkDevice(arena, (byte[])image.Clone()) { Completion = CompletionMode.Manual, ResetPollLimit = ResetPolls };
        var waiting = new FakeWaitState(device) { Limit = 16, SleepLimit = TimeSpan.Zero };
        var s = new State(input, arena, device, waiting, image);

        byte flags = input.Byte();
        if ((flags & 1) != 0)
        {
            device.Version = VirtioMmio.VersionModern;
            device.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
        }

        waiting.Interrupts = (flags & 2) != 0;
        device.SuppressNotifications = (flags & 4) != 0;
        device.NeedsResetOnDriverOk = (flags & 0x18) == 0x18;
        if ((flags & 0x20) != 0)
        {
            device.UndefinedInterruptBits = input.UInt32() & ~3u;
        }

        // Features: the fuzzer takes some of the usual ones away or adds others (READ_ONLY, SIZE_MAX...); the top bit
        // offers the packed ring (modern devices only: a legacy device has no feature bit 34).
        ushort toggles = input.UInt16();
        device.HostFeatures ^= toggles & (VirtioBlkFeatures.SizeMax | VirtioBlkFeatures.SegMax | VirtioBlkFeatures.ReadOnly |
            VirtioBlkFeatures.BlockSize | VirtioBlkFeatures.Flush | VirtioBlkFeatures.Topology | VirtioBlkFeatures.ConfigWce |
            VirtioBlkFeatures.Discard | VirtioBlkFeatures.WriteZeroes);
        if ((toggles & 0x8000) != 0)
        {
            device.HostFeatures ^= VirtioBlkFeatures.RingPacked;
        }

        device.QueueNumMax = (flags & 0x40) != 0 ? input.UInt16() : input.Pick<uint>(QueueSizes);
        device.CapacitySectors = (flags & 0x80) != 0 ? input.UInt64() : input.Pick<ulong>(Capacities);
        device.BlockSize = input.Pick<uint>(BlockSizes);
        device.SegMax = input.Pick<uint>(SegMaxes);
        device.SizeMax = input.Pick<uint>(SizeMaxes);
        device.PhysicalBlockExp = (byte)(input.Byte() & 0x1f);
        device.MinIoBlocks = input.Pick<ushort>([1, 0, 8, 0xffff]);
        device.OptIoBlocks = input.Pick<uint>([0, 8, 1, 0xffff_ffff]);

        Trace?.Invoke($"device: version {device.Version}, features 0x{device.HostFeatures:x}, QueueNumMax {device.QueueNumMax}, capacity {device.CapacitySectors}, blk_size {device.BlockSize}, seg_max {device.SegMax}, size_max {device.SizeMax}, topology {device.PhysicalBlockExp}/{device.MinIoBlocks}/{device.OptIoBlocks}; interrupts {waiting.Interrupts}, polling device {device.SuppressNotifications}, needs reset at DRIVER_OK {device.NeedsResetOnDriverOk}, undefined interrupt bits 0x{device.UndefinedInterruptBits:x}");
        BlockError init = VirtioBlk<FakeRegisters, TestDma, FakeWait>.Initialize(new FakeRegisters(device), new TestDma(arena), new FakeWait(waiting), out s.Driver);
        CheckClean(s, "initialisation");
        if (init != BlockError.None)
        {
            // Refused: it stays refused, and says so for every request.
            Span<byte> buffer = arena.AllocateBuffer(512);
            InvariantBroken.Check(s.Driver.Read(0, buffer) != BlockError.None, $"a read succeeded on a device that failed to initialise ({init})");
            CheckClean(s, "a read after a failed initialisation");
            return;
        }

        waiting.OnWait = d => DeviceActs(s, allowed: true);
        for (s.Step = 0; s.Step < MaxSteps && !input.Exhausted; s.Step++)
        {
            DoStep(s);
            CheckClean(s, null);
            CheckAccounts(s);
        }

        Finish(s);
    }

    /// <summary>The DMA arena's unreached part is inaccessible (<see cref="DmaArena.GuardUnreached"/>), so a wild
    /// write there faults at once (a crash the fuzzer keeps) instead of being found by a scan of the whole arena after
    /// every step. The runner's <c>replay</c> and <c>minimize</c> clear it, to name the step and the bytes
    /// instead.</summary>
    public static bool GuardUnreached { get; set; } = true;

    /// <summary>When set, each step is described to it (the runner's <c>replay</c> shows a failing input's steps).</summary>
    public static Action<string>? Trace { get; set; }

    static void DoStep(State s)
    {
        FuzzInput input = s.Input;
        FakeVirtioBlkDevice device = s.Device;
        int op = input.Below(24);
        Trace?.Invoke($"step {s.Step}: op {op}; driver ready={s.Driver.IsReady} stuck={s.Driver.IsStuck} inflight={s.Driver.InFlight} completed={s.Driver.CompletedCount} free={s.Driver.FreeDescriptors}/{s.Driver.QueueSize} capacity={s.Driver.CapacitySectors}; device status=0x{device.Status:x} pending={device.PendingCount} capacity={device.CapacitySectors} notifies={device.NotifyCount} requests={device.RequestCount} resets={device.ResetCount} queue={device.QueueNum}; outstanding={s.Outstanding.Count}");
        switch (op)
        {
            case 0:
            case 1:
                Submit(s, BlockOp.Read);
                break;
            case 2:
                Submit(s, BlockOp.Write);
                break;
            case 3:
                switch (input.Below(4))
                {
                    case 0:
                        Submit(s, BlockOp.Flush);
                        break;
                    case 1:
                        Submit(s, BlockOp.GetId);
                        break;
                    case 2:
                        SubmitRanges(s, BlockOp.Discard);
                        break;
                    default:
                        SubmitRanges(s, BlockOp.WriteZeroes);
                        break;
                }

                break;
            case 4:
            case 5:
                DeviceActs(s, allowed: true);
                break;
            case 6:
                Collect(s, s.Driver.ReapCompletions());
                break;
            case 7:
                Collect(s, 0);
                break;
            case 8:
                if (s.Outstanding.Count != 0)
                {
                    ushort token = s.Outstanding.Keys.ElementAt(input.Below(s.Outstanding.Count));
                    s.Waiting.Limit = 1 + input.Below(24);
                    BlockError result = s.Driver.WaitFor(token);
                    // WaitFor collects the request it returns the result of; after a reset that did not complete it
                    // returns an error and the request stays the driver's (held by it, reported later).
                    if (s.Driver.InFlight + s.Driver.CompletedCount == s.Outstanding.Count - 1)
                    {
                        Reported(s, token, result);
                    }
                }

                break;
            case 9:
                s.Waiting.Limit = 1 + input.Below(24);
                s.Driver.WaitForCompletion();
                break;
            case 10:
                if (s.Outstanding.Count != 0)
                {
                    ushort token = s.Outstanding.Keys.ElementAt(input.Below(s.Outstanding.Count));
                    if (s.Driver.TryGetResult(token, out BlockError result))
                    {
                        Reported(s, token, result);
                    }
                }
                else
                {
                    bool answered = s.Driver.TryGetResult(input.UInt16(), out BlockError result);
                    InvariantBroken.Check(!answered || result == BlockError.BadToken, $"a result ({result}) for a token with nothing outstanding");
                }

                break;
            case 11:
                if (device.Packed)
                {
                    s.PackedLieAtReset = device.ResetCount;
                }

                device.PublishRawUsed(input.Below(2) == 0 ? input.Byte() : input.UInt32(), input.Below(2) == 0 ? input.UInt16() : input.UInt32());
                break;
            case 12:
                {
                    ushort value = input.UInt16();
                    if (device.Packed)
                    {
                        // The packed ring has no used index: a used descriptor with flags of the fuzzer's choosing
                        // (the wrap bits right or wrong), any id and length. AVAIL and USED stay equal, so the slot
                        // never looks available to the device itself (2.8.1): what it then reads there is its own.
                        ushort flags = (ushort)(value & ~PvirtqDesc.VIRTQ_DESC_F_USED);
                        if ((value & PvirtqDesc.VIRTQ_DESC_F_AVAIL) != 0)
                        {
                            flags |= PvirtqDesc.VIRTQ_DESC_F_USED;
                        }

                        s.PackedLieAtReset = device.ResetCount;
                        device.PublishRawPackedUsed(input.UInt16(), input.UInt32(), flags, rawFlags: true);
                    }
                    else
                    {
                        device.MoveUsedIdx((short)value);
                    }

                    break;
                }

            case 13:
                {
                    uint lie = input.UInt32();
                    byte how = input.Byte();
                    device.UsedLenLie = how % 4 == 0 ? null : how % 4 == 1 ? (_, written) => written + lie : how % 4 == 2 ? (_, _) => lie : (_, written) => written - 1;
                    break;
                }

            case 14:
                device.CorruptUsedId = input.Below(3) == 0 ? input.UInt32() : null;
                break;
            case 15:
                device.ScribbleDescriptors = input.Below(4) == 0;
                device.ScribbleRandom = new Random(input.Byte());
                break;
            case 16:
                device.ChangeCapacity(input.Below(2) == 0 ? input.Pick<ulong>(Capacities) : input.UInt64());
                break;
            case 17:
                if (input.Below(2) == 0)
                {
                    device.BumpConfigGeneration();
                }
                else
                {
                    s.Driver.RefreshConfiguration();
                }

                break;
            case 18:
                if (input.Below(4) == 0)
                {
                    device.RaiseNeedsReset();
                }

                break;
            case 19:
                device.ResetNeverCompletes = device.Version == VirtioMmio.VersionModern && input.Below(16) == 0;   // rare: each held reset costs the driver a million polls
                if (!device.ResetNeverCompletes)
                {
                    device.FinishReset();
                }

                break;
            case 20:
                if (input.Below(3) == 0)
                {
                    s.Driver.Recover();
                }

                break;
            case 21:
                s.Driver.AcknowledgeInterrupt();
                break;
            case 22:
                device.Poll();
                break;
            case 23:
                device.ForcedStatus = input.Below(3) == 0 ? input.Byte() : null;
                break;
        }
    }

    /// <summary>What the device does when it gets a turn (a step, or one wait of the driver): nothing, execute a
    /// pending request (the oldest, the newest, any), all of them, take the available ring (polling device), or
    /// publish a used element of its own.</summary>
    static void DeviceActs(State s, bool allowed)
    {
        FuzzInput input = s.Input;
        FakeVirtioBlkDevice device = s.Device;
        if (!allowed || input.Exhausted)
        {
            return;
        }

        int pending = device.PendingCount;
        switch (input.Below(8))
        {
            case 0:
                break;
            case 1:
            case 2:
                if (pending != 0)
                {
                    Execute(s, 0);
                }

                break;
            case 3:
                if (pending != 0)
                {
                    Execute(s, pending - 1);
                }

                break;
            case 4:
                if (pending != 0)
                {
                    Execute(s, input.Below(pending));
                }

                break;
            case 5:
                while (device.PendingCount != 0 && !device.ResetInProgress)
                {
                    int before = device.PendingCount;
                    Execute(s, device.PendingCount - 1);
                    if (device.PendingCount == before)
                    {
                        break;   // DEVICE_NEEDS_RESET: the device does nothing more
                    }
                }

                break;
            case 6:
                device.Poll();
                break;
            case 7:
                if (device.Packed)
                {
                    s.PackedLieAtReset = device.ResetCount;
                }

                device.PublishRawUsed(input.Byte(), input.UInt16());
                break;
        }
    }

    /// <summary>The device executes its pending request at <paramref name="position"/>; the target notes which
    /// submission that was and whether its status is the real one.</summary>
    static void Execute(State s, int position)
    {
        IReadOnlyList<ushort> heads = s.Device.PendingHeads;
        if (position >= heads.Count)
        {
            return;
        }

        int before = s.Device.PendingCount;
        ushort head = heads[position];
        s.Device.CompletePending(position);
        if (s.Device.PendingCount == before || !s.Outstanding.TryGetValue(head, out Request? request))
        {
            return;
        }

        bool honest = s.Device.ForcedStatus is null;
        s.Executed[request.Submission] = honest;
        if (request.Op == BlockOp.Write && honest)
        {
            s.ExecutedWrites.Add((request.Submission, request.Sector, request.Written!.Length / 512));
        }

        foreach (BlockRange range in request.Ranges)
        {
            // Discarded or zeroed (or, with a forced status, who knows): no write checks its bytes over them.
            s.ExecutedWrites.Add((request.Submission, range.Sector, (int)Math.Min(range.Count, int.MaxValue)));
        }
    }

    static void Submit(State s, BlockOp op)
    {
        FuzzInput input = s.Input;
        uint block = s.Driver.BlockSize is >= 512 and <= 4096 ? s.Driver.BlockSize : 512;
        ulong sector = op switch
        {
            BlockOp.Read => (ulong)input.Below(ReadOnlySectors),
            BlockOp.Write => ReadOnlySectors + (ulong)input.Below(ImageSectors),
            _ => input.Below(8) == 0 ? input.UInt64() : 0,
        };
        if (input.Below(16) == 0)
        {
            sector = input.UInt64();   // anywhere, past the end included
            if (op == BlockOp.Write && sector < ReadOnlySectors)
            {
                sector += ReadOnlySectors;   // never into the sectors whose reads are checked
            }
        }

        int segmentCount = op is BlockOp.Read or BlockOp.Write ? 1 + input.Below(3) : op == BlockOp.GetId ? 1 : 0;
        var segments = new (nint Address, int Length)[segmentCount];
        int total = 0;
        for (int i = 0; i < segmentCount; i++)
        {
            int length = op == BlockOp.GetId ? (input.Below(4) == 0 ? input.Below(64) : 20) : input.Below(8) switch
            {
                0 => input.UInt16() % 20000,
                1 => 512 * (1 + input.Below(8)),
                _ => (int)block * (1 + input.Below(4)),
            };
            if (s.BufferBytes + length > MaxBufferBytes)
            {
                return;
            }

            s.BufferBytes += length + 64;
            Span<byte> buffer = s.Arena.AllocateBuffer(length, input.Below(4) == 0 ? 1u : 16u);
            fixed (byte* p = buffer)
            {
                segments[i] = ((nint)p, length);
            }

            total += length;
        }

        byte[]? written = null;
        if (op == BlockOp.Write)
        {
            written = new byte[total];
            for (int i = 0; i < written.Length; i++)
            {
                written[i] = (byte)(s.Submissions * 13 + i * 5 + 3);
            }

            int at = 0;
            foreach (var (address, length) in segments)
            {
                written.AsSpan(at, length).CopyTo(new Span<byte>((void*)address, length));
                at += length;
            }
        }
        else
        {
            foreach (var (address, length) in segments)
            {
                new Span<byte>((void*)address, length).Fill(0xEE);
            }
        }

        BlockSegment* list = stackalloc BlockSegment[Math.Max(segmentCount, 1)];
        for (int i = 0; i < segmentCount; i++)
        {
            list[i] = new BlockSegment((void*)segments[i].Address, (uint)segments[i].Length);
        }

        int freeBefore = s.Driver.FreeDescriptors;
        BlockError error = s.Driver.Submit(op, sector, new ReadOnlySpan<BlockSegment>(list, segmentCount), out ushort token);
        if (error != BlockError.None)
        {
            InvariantBroken.Check(token == NoToken, $"refused with {error} but handed out token {token}");
            InvariantBroken.Check(s.Driver.FreeDescriptors == freeBefore, $"refused with {error} but took descriptors");
            return;
        }

        InvariantBroken.Check(!s.Outstanding.ContainsKey(token), $"token {token} handed out again while its request is outstanding");
        s.Outstanding[token] = new Request { Submission = s.Submissions++, Op = op, Sector = sector, Written = written, Segments = segments };
    }

    /// <summary>A discard or write-zeroes request of one or two ranges (in the written part of the disk, or rarely
    /// anywhere), the unmap flag as the fuzzer says.</summary>
    static void SubmitRanges(State s, BlockOp op)
    {
        FuzzInput input = s.Input;
        var ranges = new BlockRange[1 + input.Below(2)];
        for (int i = 0; i < ranges.Length; i++)
        {
            ulong sector = ReadOnlySectors + (ulong)input.Below(ImageSectors);
            uint count = (uint)(1 + input.Below(16));
            if (input.Below(16) == 0)
            {
                sector = Math.Max(input.UInt64(), ReadOnlySectors);   // anywhere past the checked sectors
                count = input.UInt32();
            }

            ranges[i] = new BlockRange(sector, count);
        }

        bool unmap = input.Below(2) == 0;
        int freeBefore = s.Driver.FreeDescriptors;
        ushort token;
        BlockError error = op == BlockOp.Discard ? s.Driver.SubmitDiscard(ranges, out token) : s.Driver.SubmitWriteZeroes(ranges, unmap, out token);
        if (error != BlockError.None)
        {
            InvariantBroken.Check(token == NoToken, $"refused with {error} but handed out token {token}");
            InvariantBroken.Check(s.Driver.FreeDescriptors == freeBefore, $"refused with {error} but took descriptors");
            return;
        }

        InvariantBroken.Check(!s.Outstanding.ContainsKey(token), $"token {token} handed out again while its request is outstanding");
        s.Outstanding[token] = new Request { Submission = s.Submissions++, Op = op, Sector = ranges[0].Sector, Written = null, Segments = [], Ranges = ranges };
    }

    /// <summary>Takes every result the driver has ready.</summary>
    static void Collect(State s, int reaped)
    {
        InvariantBroken.Check(reaped >= 0, $"ReapCompletions answered {reaped}");
        while (s.Driver.TryTakeCompleted(out ushort token, out BlockError result))
        {
            Reported(s, token, result);
        }
    }

    /// <summary>A result the driver reported: once per submission, and a success only for a request the device
    /// executed, with the disk's bytes.</summary>
    static void Reported(State s, ushort token, BlockError result)
    {
        InvariantBroken.Check(s.Outstanding.Remove(token, out Request? request),
            $"token {token} reported ({result}) without a request outstanding: completed twice, or never submitted");
        if (result != BlockError.None)
        {
            return;
        }

        InvariantBroken.Check(s.Executed.TryGetValue(request!.Submission, out bool honest),
            $"success reported for submission {request.Submission} ({request.Op} at {request.Sector}), which the device never executed");
        if (!honest)
        {
            return;   // the device forced the status byte: the data is whatever it did
        }

        if (request.Op == BlockOp.Read)
        {
            int at = 0;
            foreach (var (address, length) in request.Segments)
            {
                var got = new ReadOnlySpan<byte>((void*)address, length);
                UInt128 start = (UInt128)request.Sector * 512 + (ulong)at;   // a sector near 2^64 must not wrap to 0
                if (start + (ulong)length <= ReadOnlySectors * 512)
                {
                    InvariantBroken.Check(got.SequenceEqual(s.Original.AsSpan((int)start, length)),
                        $"submission {request.Submission}: a read of sector {request.Sector} succeeded with the wrong bytes");
                }

                at += length;
            }
        }
        else if (request.Op == BlockOp.WriteZeroes)
        {
            foreach (BlockRange range in request.Ranges)
            {
                if (!Overlapped(s, request.Submission, range.Sector, range.Count) && (UInt128)range.Sector + range.Count <= ImageSectors)
                {
                    InvariantBroken.Check(s.Device.ReadBack(range.Sector, (int)range.Count).AsSpan().IndexOfAnyExcept((byte)0) < 0,
                        $"submission {request.Submission}: write zeroes of {range.Count} sectors at {range.Sector} succeeded but the disk does not hold zeroes");
                }
            }
        }
        else if (request.Op == BlockOp.Write && request.Written!.Length % 512 == 0)
        {
            int sectors = request.Written.Length / 512;
            if (!Overlapped(s, request.Submission, request.Sector, (ulong)sectors) && (UInt128)request.Sector + (ulong)sectors <= ImageSectors)
            {
                InvariantBroken.Check(s.Device.ReadBack(request.Sector, sectors).AsSpan().SequenceEqual(request.Written),
                    $"submission {request.Submission}: a write of sector {request.Sector} succeeded but the disk does not hold it");
            }
        }
    }

    /// <summary>Whether another executed write, discard or write zeroes touched any of the
    /// <paramref name="count"/> sectors from <paramref name="sector"/> (sums in 128 bits: a sector near 2^64 must not
    /// wrap).</summary>
    static bool Overlapped(State s, int submission, ulong sector, ulong count) =>
        s.ExecutedWrites.Any(w => w.Submission != submission
            && w.Sector < (UInt128)sector + count && sector < (UInt128)w.Sector + (ulong)w.Sectors);

    /// <param name="where">What the driver just did; null: the current step.</param>
    static void CheckClean(State s, string? where)
    {
        if (s.Device.ViolationCount != 0)
        {
            InvariantBroken.Check(false, $"{where ?? $"step {s.Step}"}: the device saw the driver break a rule: {string.Join("; ", s.Device.Violations)}");
        }

        if (s.Arena.ViolationCount != 0)
        {
            InvariantBroken.Check(false, $"{where ?? $"step {s.Step}"}: {string.Join("; ", s.Arena.Violations)}");
        }

        var canaries = s.Arena.CheckCanaries();
        InvariantBroken.Check(canaries.Count == 0, $"{where ?? $"step {s.Step}"}: written outside every allocation: {string.Join("; ", canaries.Take(4))}");
    }

    /// <summary>The driver holds exactly the requests not yet reported, and no descriptor is both free and held by the
    /// device; with nothing outstanding, every descriptor is free.</summary>
    static void CheckAccounts(State s)
    {
        int held = s.Driver.InFlight + s.Driver.CompletedCount;
        InvariantBroken.Check(held == s.Outstanding.Count,
            $"step {s.Step}: the driver holds {s.Driver.InFlight} in flight + {s.Driver.CompletedCount} completed, the target {s.Outstanding.Count} outstanding");
        int size = s.Driver.QueueSize;
        int free = s.Driver.FreeDescriptors;
        InvariantBroken.Check(free >= 0 && free <= size, $"step {s.Step}: {free} free descriptors in a queue of {size}");
        int inDevice = s.Device.PendingDescriptorCount;

        InvariantBroken.Check(free + inDevice <= size, $"step {s.Step}: {free} descriptors free and {inDevice} in the device's hands, in a queue of {size}");
        if (s.Outstanding.Count == 0 && !s.Driver.IsStuck)
        {
            InvariantBroken.Check(free == size, $"step {s.Step}: nothing outstanding, but only {free} of {size} descriptors free");
        }
    }

    /// <summary>The device turns honest: every request gets reported exactly once, and the disk works again.</summary>
    static void Finish(State s)
    {
        FakeVirtioBlkDevice device = s.Device;
        device.UsedLenLie = null;
        device.CorruptUsedId = null;
        device.ScribbleDescriptors = false;
        device.ForcedStatus = null;
        device.NeedsResetOnDriverOk = false;
        device.FinishReset();
        s.Waiting.OnWait = d =>
        {
            d.Poll();
            d.CompleteAllPending();
        };
        s.Waiting.Limit = 64;
        Collect(s, s.Driver.ReapCompletions());
        for (int round = 0; round < 4 && s.Outstanding.Count != 0; round++)
        {
            device.Poll();
            while (device.PendingCount != 0)
            {
                int before = device.PendingCount;
                Execute(s, device.PendingCount - 1);
                if (device.PendingCount == before)
                {
                    break;
                }
            }

            s.Driver.WaitForCompletion();
            Collect(s, 0);
            if (s.Outstanding.Count != 0 && (!s.Driver.IsReady || s.Driver.IsStuck))
            {
                s.Driver.Recover();
                Collect(s, 0);
            }
        }

        CheckClean(s, "the end");
        InvariantBroken.Check(s.Outstanding.Count == 0,
            $"{s.Outstanding.Count} requests never reported (submissions {string.Join(", ", s.Outstanding.Values.Select(r => r.Submission))})");
        CheckAccounts(s);

        // The disk works again: a recovery if the driver gave up, then block 0 reads back as the disk holds it.
        if (!s.Driver.IsReady || s.Driver.IsStuck)
        {
            BlockError recovered = s.Driver.Recover();
            InvariantBroken.Check(recovered == BlockError.None, $"the device turned honest, but Recover answered {recovered}");
        }

        // A legacy device in polling mode has no way to tell of a capacity change (no ConfigGeneration, no interrupt
        // looked at): the driver re-reads its configuration, as the block layer does before it shows the size.
        s.Driver.RefreshConfiguration();
        uint block = s.Driver.BlockSize;
        // Only when the driver knows the device's real block size: a device that does not offer BLK_SIZE but works in
        // larger blocks (as QEMU's logical_block_size does) rightly fails a smaller request.
        bool blockKnown = s.Device.BlockSize == block || (s.Device.BlockSize <= 512 && block == 512);
        if (blockKnown && block is >= 512 and <= 4096 && s.Driver.CapacitySectors >= block / 512 && block / 512 <= ReadOnlySectors)
        {
            Span<byte> buffer = s.Arena.AllocateBuffer((int)block);
            int descriptors;
            fixed (byte* p = buffer)
            {
                BlockSegment one = new(p, block);
                descriptors = s.Driver.DescriptorsFor(new ReadOnlySpan<BlockSegment>(&one, 1));
            }

            // The device's lies on the packed ring since its last reset are still in the ring (see PackedLieAtReset).
            bool liesInRing = s.PackedLieAtReset == s.Device.ResetCount;
            BlockError read = s.Driver.Read(0, buffer);
            Trace?.Invoke($"final read: {read}; device status=0x{s.Device.Status:x} pending={s.Device.PendingCount} used={s.Device.UsedIdx} notifies={s.Device.NotifyCount} requests={s.Device.RequestCount} resets={s.Device.ResetCount} queue={s.Device.QueueNum} ready={s.Device.QueueReady} pfn={s.Device.QueuePfn} version={s.Device.Version} suppress={s.Device.SuppressNotifications} completion={s.Device.Completion}; waits={s.Waiting.Waits} limits={s.Waiting.TimeLimitsReached} interrupts={s.Waiting.Interrupts} recoveries={s.Driver.Recoveries} inflight={s.Driver.InFlight}");
            if (descriptors < 0 || descriptors > s.Driver.QueueSize)
            {
                // seg_max and size_max leave no way to carry one block: refused before the device sees it.
                InvariantBroken.Check(read == BlockError.BadBuffer, $"a block the queue cannot carry ({descriptors} descriptors) answered {read}");
                return;
            }

            if (read is BlockError.Timeout or BlockError.DeviceNeedsReset)
            {
                // A DEVICE_NEEDS_RESET the device set before it turned honest (polling looks at Status only now and
                // then): this request fails and the device is restarted; the next one must work.
                InvariantBroken.Check(s.Driver.IsReady, $"the read answered {read} and the driver did not bring the device back");
                read = s.Driver.Read(0, buffer);
            }

            if (read == BlockError.ProtocolViolation && liesInRing)
            {
                // The packed ring still holds the device's own used descriptors from before it turned honest (no
                // reset since): the driver rightly refused what it found, for this request only. A recovery gives a
                // fresh ring, and the next request must work.
                InvariantBroken.Check(!s.Driver.IsReady || s.Driver.IsStuck, "a protocol violation was reported, but the driver kept the device as it was");
                BlockError recovered = s.Driver.Recover();
                InvariantBroken.Check(recovered == BlockError.None, $"after a protocol violation on a ring the device had lied into, Recover answered {recovered}");
                read = s.Driver.Read(0, buffer);
            }

            InvariantBroken.Check(read == BlockError.None, $"the device turned honest, but a read of block 0 answered {read} (block {block}, capacity {s.Driver.CapacitySectors}; the device's last request: {s.Device.Requests.LastOrDefault()}; its capacity {s.Device.CapacitySectors}, blk_size {s.Device.BlockSize})");
            InvariantBroken.Check(buffer.SequenceEqual(s.Original.AsSpan(0, (int)block)), "the device turned honest, but block 0 read back wrong");
        }

        CheckClean(s, "the final read");
    }
}
