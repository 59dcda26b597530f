using Kernel.DeviceTree;

namespace Kernel.Fuzz;

/// <summary>
/// The kernel's device-tree reader on the fuzzer's bytes as a flattened device tree: the header check
/// (<see cref="FlattenedDeviceTree.TryOpen"/>), the memory reservations, a full walk of the structure block and the
/// boot scan (<see cref="DeviceTreeScanner.Scan"/>). The blob sits in <see cref="GuardedMemory"/> sized as its header's
/// totalsize says (the kernel trusts that much memory to be readable), so a read past it faults. Invariants: nothing
/// throws (a bounds check failing on the host is a kernel panic on the target); every name and value the walker hands
/// out lies inside the blob; the walk ends within one step per token of the structure block, no deeper than
/// <see cref="FdtWalker.MaxDepth"/>; the scan keeps at most <see cref="DeviceTreeInfo.MaxVirtioMmio"/> devices.
/// </summary>
public static unsafe class DeviceTreeTarget
{
    public static void Run(ReadOnlySpan<byte> bytes)
    {
        // The kernel reads the 40-byte header before any check, and then trusts totalsize bytes to be memory.
        uint claimed = bytes.Length >= 8 ? FlattenedDeviceTree.ReadBigEndian32(bytes, 4) : 0;
        int size = Math.Max(Math.Max(bytes.Length, (int)FlattenedDeviceTree.HeaderSize),
            (int)Math.Min(claimed, FlattenedDeviceTree.MaxTotalSize));
        using var memory = new GuardedMemory(size);
        // Fresh anonymous pages: zero past the input.
        bytes.CopyTo(memory.Span);

        if (!FlattenedDeviceTree.TryOpen((nuint)memory.Start, out FlattenedDeviceTree tree, out string error))
        {
            InvariantBroken.Check(error.Length != 0, "TryOpen refused the blob without saying why");
            return;
        }

        nuint total = tree.TotalSize;
        InvariantBroken.Check(total <= (nuint)memory.Length, $"totalsize {total} accepted past the {memory.Length} bytes given");
        InvariantBroken.Check(memory.Contains(tree.Structure, total) && memory.Contains(tree.Strings, total), "a block outside the blob");

        for (int i = 0; ; i++)
        {
            InvariantBroken.Check(i <= (int)(total / 16), "more reservation entries than the blob holds");
            if (!tree.TryGetReservation(i, out _, out _))
            {
                break;
            }
        }

        int steps = 0;
        int limit = tree.Structure.Length / 4 + 1;
        var walker = tree.Walk();
        while (walker.MoveNext())
        {
            InvariantBroken.Check(++steps <= limit, $"the walk took more than {limit} steps over {tree.Structure.Length} bytes");
            InvariantBroken.Check(walker.Depth >= 0 && walker.Depth < FdtWalker.MaxDepth, $"depth {walker.Depth}");
            InvariantBroken.Check(memory.Contains(walker.Name, total) && memory.Contains(walker.Value, total),
                $"step {steps}: a name or value outside the blob");
        }

        bool scanned = DeviceTreeScanner.Scan(tree, out DeviceTreeInfo info);
        InvariantBroken.Check(info.VirtioMmioCount >= 0 && info.VirtioMmioCount <= DeviceTreeInfo.MaxVirtioMmio,
            $"{info.VirtioMmioCount} virtio-mmio devices kept");
        for (int i = 0; i < info.VirtioMmioCount; i++)
        {
            _ = info.GetVirtioMmio(i);
        }

        InvariantBroken.Check(memory.Contains(info.BootArgs, total), "bootargs outside the blob");
        _ = info.PlicContexts.Length;
        _ = scanned;
    }
}
