namespace Kernel.Platform;

using System;
using Kernel.DeviceTree;
using Kernel.Drivers.Virtio;
using Kernel.Output;

/// <summary>
/// Finds the virtio-mmio windows and what sits in them. The device tree lists the windows (QEMU virt: 8, each
/// with its PLIC interrupt) but not which are populated: every window is probed, and an empty one (device ID 0)
/// is left out of the log. Without a usable tree, QEMU virt's fixed slots are probed instead.
/// </summary>
public static unsafe class VirtioDiscovery
{
    /// <summary>Space for every window: the tree's at most <see cref="DeviceTreeInfo.MaxVirtioMmio"/>, or the slots.</summary>
    public const int MaxWindows = DeviceTreeInfo.MaxVirtioMmio;

    /// <summary>
    /// The windows to probe, in address order: the tree's <c>virtio,mmio</c> nodes when
    /// <paramref name="fromTree"/>, otherwise QEMU virt's slots <c>0x10001000 + 0x1000 * i</c> (interrupt
    /// <c>1 + i</c>, as QEMU's virt.c wires them). Returns the count.
    /// </summary>
    public static int CollectWindows(bool fromTree, in DeviceTreeInfo info, Span<VirtioMmioNode> windows)
    {
        int count = 0;
        if (fromTree)
        {
            for (int i = 0; i < info.VirtioMmioCount && count < windows.Length; i++)
            {
                windows[count++] = info.GetVirtioMmio(i);
            }
        }
        else
        {
            for (int i = 0; i < VirtioMmio.SlotCount && count < windows.Length; i++)
            {
                windows[count++] = new VirtioMmioNode(VirtioMmio.SlotAddress(i), VirtioMmio.SlotStride, (uint)(1 + i));
            }
        }

        // QEMU writes the nodes from the last slot down; the log reads better in address order. Insertion sort:
        // a handful of entries.
        for (int i = 1; i < count; i++)
        {
            VirtioMmioNode node = windows[i];
            int j = i - 1;
            while (j >= 0 && windows[j].BaseAddress > node.BaseAddress)
            {
                windows[j + 1] = windows[j];
                j--;
            }

            windows[j + 1] = node;
        }

        return count;
    }

    /// <summary>Whether the window's address fits a pointer (always on rv64; a tree could list one above 4 GiB
    /// on rv32).</summary>
    public static bool IsAddressable(VirtioMmioNode window) =>
        window.BaseAddress != 0 && window.BaseAddress <= nuint.MaxValue && window.BaseAddress + 0x100 > window.BaseAddress;

    /// <summary>
    /// Probes each window and logs the populated ones:
    /// <c>virtio-mmio@0x10001000: block device (legacy, version 1), irq 1</c>. The indexes of the block devices'
    /// windows go to <paramref name="blockWindows"/>, in address order (as many as fit); returns how many.
    /// </summary>
    public static int ProbeAndLog(ReadOnlySpan<VirtioMmioNode> windows, Span<int> blockWindows)
    {
        int blocks = 0;
        for (int i = 0; i < windows.Length; i++)
        {
            VirtioMmioNode window = windows[i];
            if (!IsAddressable(window))
            {
                continue;
            }

            var regs = new MmioRegisters((nuint)window.BaseAddress);
            if (!VirtioMmio.Probe(ref regs, out uint version, out uint deviceId) || deviceId == 0)
            {
                continue;
            }

            Print.Text("virtio-mmio@");
            Print.Hex(window.BaseAddress);
            Print.Text(": ");
            string? name = VirtioDeviceTypes.Name(deviceId);
            if (name is null)
            {
                Print.Text("device type ");
                Print.Decimal((ulong)deviceId);
            }
            else
            {
                Print.Text(name);
            }

            Print.Text(version == VirtioMmio.VersionLegacy ? " (legacy, version " : version == VirtioMmio.VersionModern ? " (modern, version " : " (unknown version ");
            Print.Decimal((ulong)version);
            Print.Text(")");
            if (window.Irq != VirtioMmioNode.NoIrq)
            {
                Print.Text(", irq ");
                Print.Decimal((ulong)window.Irq);
            }

            Print.Line();
            if (deviceId == VirtioMmio.DeviceIdBlock && blocks < blockWindows.Length)
            {
                blockWindows[blocks++] = i;
            }
        }

        return blocks;
    }

    /// <summary>The window's QEMU virt slot (0 to 7: <c>0x10001000 + 0x1000 * slot</c>), or -1 for an address
    /// outside them.</summary>
    public static int SlotOf(ulong baseAddress)
    {
        if (baseAddress < VirtioMmio.SlotBase || (baseAddress - VirtioMmio.SlotBase) % VirtioMmio.SlotStride != 0)
        {
            return -1;
        }

        ulong slot = (baseAddress - VirtioMmio.SlotBase) / VirtioMmio.SlotStride;
        return slot < VirtioMmio.SlotCount ? (int)slot : -1;
    }
}
