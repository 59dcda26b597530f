namespace Kernel.Interrupts;

using System;
using Kernel.DeviceTree;

/// <summary>
/// Where the interrupt hardware is: the PLIC (and which of its contexts is hart 0 in M-mode), the CLINT's timer and
/// the timebase, from the device tree or, without one, QEMU virt's constants. Found once at boot
/// (<see cref="Locate"/>); the waits (<c>Kernel.Platform.InterruptWait</c>) and the shell's UART wait copy it.
/// </summary>
public readonly struct InterruptHardware
{
    /// <summary>The cause number of a machine external interrupt (privileged specification, table 3.6): the value
    /// that marks a hart's M-mode context in the PLIC's <c>interrupts-extended</c>.</summary>
    public const uint MachineExternalInterrupt = 11;

    /// <summary>QEMU virt's PLIC sources (VIRT_IRQCHIP_NUM_SOURCES), when the tree does not give <c>riscv,ndev</c>.</summary>
    public const uint DefaultSourceCount = 96;

    /// <summary>QEMU virt's UART interrupt (UART0_IRQ).</summary>
    public const uint DefaultUartIrq = 10;

    public InterruptHardware(Plic plic, MachineTimer timer, ulong timebase, uint sourceCount, uint uartIrq, bool fromTree)
    {
        Plic = plic;
        Timer = timer;
        TimebaseFrequency = timebase;
        SourceCount = sourceCount;
        UartIrq = uartIrq;
        FromDeviceTree = fromTree;
    }

    public Plic Plic { get; }

    public MachineTimer Timer { get; }

    /// <summary>Ticks of mtime (the <c>time</c> CSR) per second.</summary>
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
        uint context = fromTree ? FindMachineContext(info.PlicContexts, info.Hart0IntcPhandle) : 0;
        uint sources = fromTree && info.PlicSourceCount != 0 ? info.PlicSourceCount : DefaultSourceCount;
        ulong clint = haveTree && info.ClintBase != 0 && info.ClintBase <= nuint.MaxValue ? info.ClintBase : MachineTimer.DefaultClintBase;
        ulong timebase = info.TimebaseFrequency != 0 ? info.TimebaseFrequency : MachineTimer.DefaultFrequency;
        uint uartIrq = haveTree && info.UartBase != 0 && info.UartIrq != VirtioMmioNode.NoIrq ? info.UartIrq : DefaultUartIrq;
        return new InterruptHardware(new Plic((nuint)plicBase, context), new MachineTimer((nuint)clint), timebase, sources, uartIrq, fromTree);
    }

    /// <summary>
    /// The PLIC context of hart 0's machine mode: the index of the (phandle, cause) pair of <c>interrupts-extended</c>
    /// naming hart 0's interrupt controller and cause 11. Without hart 0's phandle, the first pair with cause 11; with
    /// no such pair (or a malformed property), context 0, QEMU virt's.
    /// </summary>
    public static uint FindMachineContext(ReadOnlySpan<byte> pairs, uint hart0Phandle)
    {
        const int PairBytes = 8;
        uint firstMachine = uint.MaxValue;
        for (int i = 0; i + PairBytes <= pairs.Length && i / PairBytes < Plic.MaxContexts; i += PairBytes)
        {
            uint phandle = FlattenedDeviceTree.ReadBigEndian32(pairs, i);
            uint cause = FlattenedDeviceTree.ReadBigEndian32(pairs, i + 4);
            if (cause != MachineExternalInterrupt)
            {
                continue;
            }

            if (hart0Phandle != 0 && phandle == hart0Phandle)
            {
                return (uint)(i / PairBytes);
            }

            if (firstMachine == uint.MaxValue)
            {
                firstMachine = (uint)(i / PairBytes);
            }
        }

        return hart0Phandle == 0 && firstMachine != uint.MaxValue ? firstMachine : 0;
    }
}
