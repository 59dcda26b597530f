namespace Kernel.Storage;

using System;
using Kernel.DeviceTree;
using Kernel.Drivers.Virtio;
using Kernel.Interrupts;
using Kernel.Memory;
using Kernel.Output;
using Kernel.Platform;

/// <summary>
/// Fills the block-device layer at boot: every virtio-blk device found, in address (slot) order, is initialised with
/// its own copy of the wait, its serial number read (GET_ID), and registered as the next <c>blkN</c>. With interrupt
/// completion each device's PLIC source is enabled first (the device tree's <c>interrupts</c>; slot + 1 without it).
/// A device that fails is reported as <c>virtio-blk: error: ... (virtio-mmio@0x...)</c> and left out.
/// The ring: the packed virtqueue whenever a device offers it, unless <c>blk.ring=split</c> declines it; with
/// <c>blk.ring=packed</c> a device that does not offer it is said to use the split ring.
/// </summary>
public static class BlockRegistry
{
    /// <summary>Registers the block devices of <paramref name="windows"/> named by <paramref name="blockWindows"/> and
    /// prints a line per registered device (<see cref="BlockDevice{TWait}.PrintSummary"/>). Returns how many failed.</summary>
    public static int Register<TWait>(ref BlockDeviceTable<TWait> table, ReadOnlySpan<VirtioMmioNode> windows,
        ReadOnlySpan<int> blockWindows, TWait wait, uint maxQueueSize, bool ringGiven, bool packedRing, in InterruptHardware hardware)
        where TWait : struct, ICompletionWait
    {
        int failures = 0;
        ulong features = ringGiven && !packedRing ? VirtioBlkFeatures.Default & ~VirtioBlkFeatures.RingPacked : VirtioBlkFeatures.Default;
        Span<byte> id = stackalloc byte[SerialNumber.MaxLength];
        for (int i = 0; i < blockWindows.Length; i++)
        {
            VirtioMmioNode window = windows[blockWindows[i]];
            if (table.IsFull)
            {
                Print.Text("virtio-blk: ignoring virtio-mmio@");
                Print.Hex(window.BaseAddress);
                Print.Line(": the block-device table is full");
                continue;
            }

            int slot = VirtioDiscovery.SlotOf(window.BaseAddress);
            uint irq = window.Irq != VirtioMmioNode.NoIrq ? window.Irq : slot >= 0 ? (uint)(slot + 1) : VirtioMmioNode.NoIrq;
            if (wait.UsesInterrupts && !InterruptSetup.EnableSource(hardware, irq))
            {
                PrintError("no usable interrupt", window.BaseAddress);
                failures++;
                continue;
            }

            ref BlockDevice<TWait> device = ref table.Reserve();
            device.Address = window.BaseAddress;
            device.Slot = slot;
            device.Irq = irq;
            BlockError error = VirtioBlk<MmioRegisters, PageAllocator, TWait>.Initialize(
                new MmioRegisters((nuint)window.BaseAddress), default, wait, features, maxQueueSize, out device.Driver);
            if (error != BlockError.None)
            {
                PrintError(BlockErrors.Describe(error), window.BaseAddress);
                failures++;
                continue;
            }

            // The serial number: a device without GET_ID (VIRTIO_BLK_S_UNSUPP) simply has none.
            id.Clear();
            error = device.Driver.GetId(id);
            if (error == BlockError.None)
            {
                device.Serial.Set(id);
            }
            else if (error != BlockError.Unsupported)
            {
                PrintError(BlockErrors.Describe(error), window.BaseAddress);
                failures++;
                continue;
            }

            table.Commit();
            device.PrintSummary();
            Print.Line();
            if (ringGiven && packedRing && !device.Driver.UsesPackedRing)
            {
                device.PrintName();
                Print.Line(": blk.ring=packed, but the device offers no packed ring (QEMU: packed=on, modern transport): split ring");
            }
        }

        return failures;
    }

    static void PrintError(string what, ulong address)
    {
        Print.Text("virtio-blk: error: ");
        Print.Text(what);
        Print.Text(" (virtio-mmio@");
        Print.Hex(address);
        Print.Line(")");
    }
}
