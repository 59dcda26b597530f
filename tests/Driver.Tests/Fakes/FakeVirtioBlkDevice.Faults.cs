using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests.Fakes;

/// <summary>The fake device's faults that a real device may have without breaking the protocol: undefined bits in
/// InterruptStatus, a reset that takes long or never ends (4.2.3.1: the driver waits for Status to read 0), a capacity
/// that changes at run time with a configuration-change interrupt (QMP <c>block_resize</c>), a configuration that
/// changes between the driver's reads of two fields (2.5.1), and an event log where the tests interleave register
/// writes and the driver's fences.</summary>
public sealed partial class FakeVirtioBlkDevice
{
    readonly List<string> _events = [];
    bool _resetRequested;

    /// <summary>Bits the device sets in InterruptStatus beside the defined ones whenever it has an interrupt pending
    /// (4.2.2: the driver must acknowledge only what it handles).</summary>
    public uint UndefinedInterruptBits { get; set; }

    /// <summary>Modern: a write of 0 to Status starts a reset that does not finish: Status keeps its value and the
    /// device keeps its queue (and the buffers in it) until <see cref="FinishReset"/>.</summary>
    public bool ResetNeverCompletes { get; set; }

    /// <summary>What the driver's register window says a reset may take, in reads of Status
    /// (<see cref="Kernel.Drivers.Virtio.IMmioRegisters.ResetPollLimit"/>): the kernel's million by default; the fuzzer
    /// allows fewer, so that a held reset costs it microseconds, not milliseconds.</summary>
    public int ResetPollLimit { get; set; } = 1_000_000;

    /// <summary>A reset was asked for and has not finished (<see cref="ResetNeverCompletes"/>).</summary>
    public bool ResetInProgress => _resetRequested;

    /// <summary>Register events and fences, in order: "ack" for an InterruptACK write; tests add "fence o,r" etc.</summary>
    public List<string> Events => _events;

    uint ReadStatus() => _status;

    /// <summary>Ends a reset that <see cref="ResetNeverCompletes"/> held: the device drops its queue.</summary>
    public void FinishReset()
    {
        lock (_gate)
        {
            ResetNeverCompletes = false;
            if (_resetRequested)
            {
                _resetRequested = false;
                Reset();
            }
        }
    }

    /// <summary>Changes the capacity as <c>block_resize</c> does: the configuration generation moves and, once the
    /// device is live, the configuration-change interrupt is raised (4.2.2, InterruptStatus bit 1).</summary>
    public void ChangeCapacity(ulong sectors)
    {
        lock (_gate)
        {
            CapacitySectors = sectors;
            if ((_status & VirtioDeviceStatus.DriverOk) != 0)
            {
                _interruptStatus |= VirtioMmio.InterruptConfigChange;
            }
        }
    }

    /// <summary>Moves ConfigGeneration without changing a field (a configuration change the test made by hand).</summary>
    public void BumpConfigGeneration() => _configGeneration++;
}
