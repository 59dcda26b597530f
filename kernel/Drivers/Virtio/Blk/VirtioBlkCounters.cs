namespace Kernel.Drivers.Virtio;

/// <summary>What the driver counted since <c>Initialize</c> (or <c>ResetCounters</c>): evidence of how many
/// notifications and interrupts its requests cost. The bench reports them per request. 32 bits, wrapping: the counts
/// of a run between resets, and on rv32 a 64-bit increment costs four instructions more on every request.</summary>
public struct VirtioBlkCounters
{
    /// <summary>Requests handed to the device (queued on the ring).</summary>
    public uint Requests;

    /// <summary>Publications that made at least one new request visible (one avail->idx update each; packed ring:
    /// one notification decision each).</summary>
    public uint Publishes;

    /// <summary>QueueNotify writes: publications the device asked to hear about (2.7.10, 2.8.10).</summary>
    public uint Notifications;

    /// <summary>Used-buffer interrupts seen: InterruptStatus had bit 0 when the driver looked (interrupt mode only).</summary>
    public uint Interrupts;
}
