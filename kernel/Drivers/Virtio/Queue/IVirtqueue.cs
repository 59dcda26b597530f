namespace Kernel.Drivers.Virtio;

/// <summary>What a device driver needs of one virtqueue, whatever its format (split 2.7, packed 2.8): hand the device a
/// buffer as a chain of descriptors, publish what was added with one decision whether to notify, take back what the
/// device used, and give the descriptors back. A buffer is named by an id below <see cref="Size"/> from
/// <see cref="TryStartChain"/> until <see cref="FreeChain"/>; the device reports the same id when it has used the
/// buffer. Implemented by structs and called through generic constraints or directly (rvc has no virtual calls).
/// <para>Nothing the device wrote is trusted by an implementation: ids it reports are returned as read (the caller
/// checks them against its requests), and the queue's own bookkeeping (free descriptors, chain lengths) lives in
/// memory the device never sees.</para></summary>
public interface IVirtqueue
{
    /// <summary>The number of entries (the queue size told to the device).</summary>
    ushort Size { get; }

    /// <summary>Descriptors not held by a chain: what <see cref="TryStartChain"/> can still take.</summary>
    int FreeCount { get; }

    /// <summary>How many of the ring's descriptors a buffer of <paramref name="count"/> descriptors takes: 1 when it
    /// goes through an indirect table, else <paramref name="count"/>.</summary>
    int RingDescriptorsFor(int count);

    /// <summary>Reserves <paramref name="count"/> descriptors for one buffer and names it <paramref name="id"/>;
    /// <see cref="AddDescriptor"/> then fills them in order and <see cref="MakeAvailable"/> ends the chain. False,
    /// taking nothing, when fewer are free (or <paramref name="count"/> is not positive).</summary>
    bool TryStartChain(int count, out ushort id);

    /// <summary>The next descriptor of the chain being built: <paramref name="length"/> bytes at bus address
    /// <paramref name="busAddress"/>, device-writable when <paramref name="deviceWrites"/> (writable ones after the
    /// readable ones, 2.7.4.2). The last of the reserved count ends the chain.</summary>
    void AddDescriptor(ulong busAddress, uint length, bool deviceWrites);

    /// <summary>The common buffer of a virtio request in one call (2.6.4.3, legacy framing): a device-readable header of
    /// <paramref name="headerLength"/> bytes, <paramref name="dataLength"/> bytes of data at bus address
    /// <paramref name="dataBus"/> (device-writable when <paramref name="dataWrites"/>) and a device-writable status byte;
    /// header and status live in the id's slot, at bus address <paramref name="slotsBus"/> plus id times
    /// <paramref name="slotStride"/> (the status <paramref name="statusOffset"/> bytes into it). As
    /// <see cref="TryStartChain"/> with 3, the three <see cref="AddDescriptor"/> calls and <see cref="MakeAvailable"/>,
    /// with nothing kept between the calls: the hot path of a block driver. False, taking nothing, when the ring has
    /// no room.</summary>
    bool TryAddFramed(ulong slotsBus, uint slotStride, uint headerLength, uint statusOffset, ulong dataBus, uint dataLength,
        bool dataWrites, out ushort id);

    /// <summary>Puts the chain just built on the ring. The device may not see it before <see cref="Publish"/>.</summary>
    void MakeAvailable();

    /// <summary>Makes every chain made available since the last call visible to the device at once (2.7.13: one index
    /// update for the lot), then says whether the device must be notified (2.7.10, 2.8.10: what it asked for).</summary>
    bool Publish();

    /// <summary>Takes the next buffer the device used, if there is one: its id as the device wrote it and the bytes it
    /// says it wrote. The caller checks the id names a buffer it handed over before trusting anything else.</summary>
    bool TryTakeUsed(out VirtqUsedElem used);

    /// <summary>Gives back the descriptors of buffer <paramref name="id"/>. False, changing nothing, when no chain
    /// of that id is held.</summary>
    bool FreeChain(ushort id);

    /// <summary>After taking used buffers, before sleeping until an interrupt: asks for the interrupt the driver's mode
    /// wants next (with EVENT_IDX: at the next used buffer, or none when polling) and returns false when used buffers
    /// arrived meanwhile (take them first), true when the driver may sleep.</summary>
    bool EnableInterrupt();

    /// <summary>Asks the device not to interrupt when it uses a buffer (a hint, for a driver that polls), or to
    /// interrupt again.</summary>
    void SetNoInterrupt(bool noInterrupt);

    /// <summary>After a device reset, with the ring memory zeroed by the caller: the rings start again from their
    /// initial state. Chains still held (buffers the driver has not freed) stay held.</summary>
    void RestartRings();
}
