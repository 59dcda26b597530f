namespace Kernel.Drivers.Virtio;

/// <summary>The driver's bookkeeping for the request whose chain starts at one head descriptor (the request's token):
/// where it is in its life, its result once completed, and its links in the list of completed requests not yet
/// collected (oldest first). Never seen by the device.</summary>
public struct VirtioBlkRequestState
{
    /// <summary>No request uses this head.</summary>
    public const byte Free = 0;

    /// <summary>Submitted: the device owns the chain and the data.</summary>
    public const byte InFlight = 1;

    /// <summary>Taken off the used ring (or failed by the driver); the result waits for <c>TryGetResult</c>.</summary>
    public const byte Completed = 2;

    /// <summary><see cref="Free"/>, <see cref="InFlight"/> or <see cref="Completed"/>.</summary>
    public byte State;

    /// <summary>The request's result once <see cref="Completed"/>.</summary>
    public BlockError Result;

    /// <summary>The previous and next completed requests (token, or <c>VirtioBlk.NoToken</c>).</summary>
    public ushort PreviousCompleted;

    public ushort NextCompleted;

    /// <summary>The most bytes the device may report as written (a used element's len): the device-writable data
    /// (reads, GET_ID) plus the status byte.</summary>
    public uint WritableBytes;
}
