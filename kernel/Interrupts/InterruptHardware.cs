namespace Kernel.Interrupts;

using System;
using Kernel.DeviceTree;

/// <summary>
/// Where the interrupt hardware is: the PLIC (and which of its contexts is the boot hart in S-mode) and the
/// timebase, from the device tree or, without one, QEMU virt's constants. Found once at boot
/// (<see cref="Locate"/>); the waits (<c>Kernel.Platform.InterruptWait</c>) and the shell's UART wait copy it.
/// The timer is the firmware's (SBI set_timer): the kernel does not touch the CLINT.
/// </summary>
public readonly struct InterruptHardware
{
    /// <summary>The cause number of a supervisor external interrupt (privileged specification, table 4.2): the value
    /// that marks a hart's S-mode context in the PLIC's <c>interrupts-extended</c>.</summary>
    public const uint SupervisorExternalInterrupt = 9;

    /// <summary>QEMU virt's timebase (10 MHz), when the device tree does not say.</summary>
    public const ulong DefaultFrequency = 10_000_000;

    /// <summary>QEMU virt's S-mode context of hart 0, without a device tree.</summary>
    public const uint DefaultContext = 1;

    /// <summary>QEMU virt's PLIC sources (VIRT_IRQCHIP_NUM_SOURCES), when the tree does not give <c>riscv,ndev</c>.</summary>
    public const uint DefaultSourceCount = 96;

    /// <summary>QEMU virt's UART interrupt (UART0_IRQ).</summary>
    public const uint DefaultUartIrq = 10;

    public InterruptHardware(Plic plic, ulong timebase, uint sourceCount, uint uartIrq, bool fromTree)
    {
        Plic = plic;
        TimebaseFrequency = timebase;
        SourceCount = sourceCount;
        UartIrq = uartIrq;
        FromDeviceTree = fromTree;
    }

    public Plic Plic { get; }

    /// <summary>Ticks of the <c>time</c> CSR per second.</summary>
    public ulong TimebaseFrequency { get; }

    /// <summary>PLIC sources 1 to this number exist.</summary>
    public uint SourceCount { get; }

    public uint UartIrq { get; }

    /// <summary>The PLIC came from the device tree (otherwise QEMU virt's constants).</summary>
    public bool FromDeviceTree { get; }

    /// <summary>A source number the PLIC has (1 to <see cref="SourceCount"/>).</summary>
    public bool IsValidSource(uint source) => source != 0 && source <= SourceCount && source <= Plic.MaxSources;

    /// <summary>The hardware the tree describes, each part falling back to QEMU virt's when absent (or when the
    /// address does not fit a pointer).</summary>
    public static InterruptHardware Locate(bool haveTree, in DeviceTreeInfo info)
    {
        bool fromTree = haveTree && info.PlicBase != 0 && info.PlicBase <= nuint.MaxValue;
        ulong plicBase = fromTree ? info.PlicBase : Plic.DefaultBase;
        uint context = fromTree ? FindSupervisorContext(info.PlicContexts, info.Hart0IntcPhandle) : DefaultContext;
        uint sources = fromTree && info.PlicSourceCount != 0 ? info.PlicSourceCount : DefaultSourceCount;
        ulong timebase = info.TimebaseFrequency != 0 ? info.TimebaseFrequency : DefaultFrequency;
        uint uartIrq = haveTree && info.UartBase != 0 && info.UartIrq != VirtioMmioNode.NoIrq ? info.UartIrq : DefaultUartIrq;
        return new InterruptHardware(new Plic((nuint)plicBase, context), timebase, sources, uartIrq, fromTree);
    }

    /// <summary>
    /// The PLIC context of the boot hart's supervisor mode: the index of the (phandle, cause) pair of
    /// <c>interrupts-extended</c> naming that hart's interrupt controller and cause 9. Without the hart's phandle, the
    /// first pair with cause 9; with no such pair (or a malformed property), context 1, QEMU virt's.
    /// </summary>
    public static uint FindSupervisorContext(ReadOnlySpan<byte> pairs, uint hart0Phandle)
    {
        const int PairBytes = 8;
        uint firstSupervisor = uint.MaxValue;
        for (int i = 0; i + PairBytes <= pairs.Length && i / PairBytes < Plic.MaxContexts; i += PairBytes)
        {
            uint phandle = FlattenedDeviceTree.ReadBigEndian32(pairs, i);
            uint cause = FlattenedDeviceTree.ReadBigEndian32(pairs, i + 4);
            if (cause != SupervisorExternalInterrupt)
            {
                continue;
            }

            if (hart0Phandle != 0 && phandle == hart0Phandle)
            {
                return (uint)(i / PairBytes);
            }

            if (firstSupervisor == uint.MaxValue)
            {
                firstSupervisor = (uint)(i / PairBytes);
            }
        }

        return hart0Phandle == 0 && firstSupervisor != uint.MaxValue ? firstSupervisor : DefaultContext;
    }
}
