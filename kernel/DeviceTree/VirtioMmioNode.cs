namespace Kernel.DeviceTree;

/// <summary>A <c>compatible = "virtio,mmio"</c> node: its register window and interrupt.</summary>
public readonly struct VirtioMmioNode
{
    /// <summary><see cref="Irq"/> when the node has no <c>interrupts</c> property.</summary>
    public const uint NoIrq = uint.MaxValue;

    public VirtioMmioNode(ulong baseAddress, ulong size, uint irq)
    {
        BaseAddress = baseAddress;
        Size = size;
        Irq = irq;
    }

    public ulong BaseAddress { get; }

    public ulong Size { get; }

    /// <summary>The first cell of <c>interrupts</c>: the PLIC source on QEMU virt (1 to 8 for the slots).</summary>
    public uint Irq { get; }
}
