using System.Buffers.Binary;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests.Fakes;

/// <summary>One segment of a discard or write-zeroes request the fake device received, as the driver wrote it.</summary>
public readonly record struct FakeRangeSegment(uint Type, ulong Sector, uint NumSectors, uint Flags);

/// <summary>Discard, write zeroes and the writeback field (virtio 1.2 5.2.4 to 5.2.6): the configuration fields after
/// the topology, the two request types, and the driver's MUST rules about them recorded as violations.</summary>
public sealed unsafe partial class FakeVirtioBlkDevice
{
    readonly List<FakeRangeSegment> _rangeSegments = [];

    /// <summary>The configuration's writeback field: 1 writeback, 0 writethrough. Kept across resets (QEMU: the drive's
    /// cache mode). Without CONFIG_WCE negotiated, DRIVER_OK sets it from FLUSH, as QEMU does; with CONFIG_WCE but
    /// without FLUSH the device starts at 0 (5.2.5.2).</summary>
    public byte Writeback { get; set; } = 1;

    /// <summary>When set, a write of the writeback field is ignored (a device that cannot switch).</summary>
    public bool IgnoreWritebackWrites { get; set; }

    /// <summary>Writes of the writeback field, in order.</summary>
    public List<byte> WritebackWrites { get; } = [];

    public uint MaxDiscardSectors { get; set; } = 32768;

    public uint MaxDiscardSeg { get; set; } = 1;

    public uint DiscardSectorAlignment { get; set; } = 1;

    public uint MaxWriteZeroesSectors { get; set; } = 32768;

    public uint MaxWriteZeroesSeg { get; set; } = 1;

    public byte WriteZeroesMayUnmap { get; set; } = 1;

    /// <summary>What a discarded sector reads as afterwards (the specification leaves it unspecified; a raw file with
    /// QEMU's discard=unmap reads zeroes).</summary>
    public byte DiscardFill { get; set; }

    /// <summary>Every segment of every discard and write-zeroes request, in order.</summary>
    public IReadOnlyList<FakeRangeSegment> RangeSegments
    {
        get
        {
            lock (_gate)
            {
                return [.. _rangeSegments];
            }
        }
    }

    /// <summary>Writes of the device-specific configuration: only writeback, 8 bits wide, with CONFIG_WCE negotiated.</summary>
    public void Write8(uint offset, byte value)
    {
        lock (_gate)
        {
            if (offset != VirtioMmio.Config + VirtioBlkConfig.Writeback)
            {
                Violation($"8-bit write of 0x{value:x} to 0x{offset:x3}: not the writeback field");
                return;
            }

            if ((_guestFeatures & VirtioBlkFeatures.ConfigWce) == 0)
            {
                Violation("writeback written without VIRTIO_BLK_F_CONFIG_WCE negotiated");
                return;
            }

            if (value > 1)
            {
                Violation($"writeback written with {value} (0 or 1)");
            }

            WritebackWrites.Add(value);
            if (!IgnoreWritebackWrites)
            {
                Writeback = value;
            }
        }
    }

    /// <summary>5.2.5.1: the driver MUST NOT read writeback before FEATURES_OK (the modern interface; legacy may).</summary>
    void CheckOptionalConfigRead(uint offset, int length)
    {
        if (!IsLegacy && offset <= VirtioBlkConfig.Writeback && offset + length > VirtioBlkConfig.Writeback &&
            (_status & VirtioDeviceStatus.FeaturesOk) == 0)
        {
            Violation("writeback read before FEATURES_OK");
        }
    }

    /// <summary>Bytes 32 to 59 of the configuration: writeback, unused0, num_queues (1), the discard and write-zeroes
    /// fields (QEMU fills them whether or not they were negotiated).</summary>
    void FillOptionalConfig(byte[] config)
    {
        config[32] = Writeback;
        BinaryPrimitives.WriteUInt16LittleEndian(config.AsSpan(34), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(config.AsSpan(36), MaxDiscardSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(config.AsSpan(40), MaxDiscardSeg);
        BinaryPrimitives.WriteUInt32LittleEndian(config.AsSpan(44), DiscardSectorAlignment);
        BinaryPrimitives.WriteUInt32LittleEndian(config.AsSpan(48), MaxWriteZeroesSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(config.AsSpan(52), MaxWriteZeroesSeg);
        config[56] = WriteZeroesMayUnmap;
    }

    /// <summary>At DRIVER_OK: QEMU's choice of cache mode when the driver cannot switch it, and 5.2.5.2's start at 0.</summary>
    void ChooseCacheModeAtDriverOk()
    {
        if ((_guestFeatures & VirtioBlkFeatures.ConfigWce) == 0)
        {
            Writeback = (_guestFeatures & VirtioBlkFeatures.Flush) != 0 ? (byte)1 : (byte)0;
        }
        else if ((_guestFeatures & VirtioBlkFeatures.Flush) == 0)
        {
            Writeback = 0;
        }
    }

    /// <summary>A discard or write-zeroes request: every MUST of 5.2.6.1 checked, then done segment by segment as QEMU
    /// would (IOERR for a segment past the capacity, above the sector limit or not whole blocks; UNSUPP for an unknown
    /// flag or unmap on a discard). Returns the status byte.</summary>
    byte ExecuteRanges(uint type, ulong sector, ReadOnlySpan<byte> dataOut, long dataInLength)
    {
        bool discard = type == VirtioBlkReqHeader.VIRTIO_BLK_T_DISCARD;
        string name = discard ? "VIRTIO_BLK_T_DISCARD" : "VIRTIO_BLK_T_WRITE_ZEROES";
        ulong feature = discard ? VirtioBlkFeatures.Discard : VirtioBlkFeatures.WriteZeroes;
        if ((_guestFeatures & feature) == 0)
        {
            Violation($"{name} without its feature negotiated");
            return VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP;
        }

        if (sector != 0)
        {
            Violation($"{name} with header sector {sector} (must be 0)");
        }

        if (dataInLength != 0)
        {
            Violation($"{name} with {dataInLength} device-writable data bytes");
        }

        const int SegmentSize = 16;
        if (dataOut.Length == 0 || dataOut.Length % SegmentSize != 0)
        {
            Violation($"{name} with {dataOut.Length} data bytes, not a non-zero multiple of 16");
            return VirtioBlkStatus.VIRTIO_BLK_S_IOERR;
        }

        int segments = dataOut.Length / SegmentSize;
        uint maxSeg = discard ? MaxDiscardSeg : MaxWriteZeroesSeg;
        if (segments > maxSeg)
        {
            Violation($"{name} with {segments} segments, more than {(discard ? "max_discard_seg" : "max_write_zeroes_seg")} {maxSeg}");
        }

        if (ReadOnly)
        {
            Violation($"{name} to a device that offered VIRTIO_BLK_F_RO");
            return VirtioBlkStatus.VIRTIO_BLK_S_IOERR;
        }

        uint maxSectors = discard ? MaxDiscardSectors : MaxWriteZeroesSectors;
        byte status = VirtioBlkStatus.VIRTIO_BLK_S_OK;
        for (int i = 0; i < segments; i++)
        {
            ReadOnlySpan<byte> s = dataOut.Slice(i * SegmentSize, SegmentSize);
            var segment = new FakeRangeSegment(type, BinaryPrimitives.ReadUInt64LittleEndian(s),
                BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(8)), BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(12)));
            _rangeSegments.Add(segment);
            if (discard && (segment.Flags & VirtioBlkDiscardWriteZeroes.VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP) != 0)
            {
                Violation("VIRTIO_BLK_T_DISCARD with the unmap flag (it MUST be zero)");
                status = VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP;
                continue;
            }

            if ((segment.Flags & ~VirtioBlkDiscardWriteZeroes.VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP) != 0)
            {
                Violation($"{name} with reserved flags 0x{segment.Flags:x}");
                status = VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP;
                continue;
            }

            if (segment.NumSectors == 0 || (maxSectors != 0 && segment.NumSectors > maxSectors))
            {
                Violation($"{name} segment of {segment.NumSectors} sectors (limit {maxSectors})");
                status = VirtioBlkStatus.VIRTIO_BLK_S_IOERR;
                continue;
            }

            if (!InRange(segment.Sector, (long)segment.NumSectors * 512))
            {
                Violation($"{name} segment at sector {segment.Sector} of {segment.NumSectors} sectors past the capacity {CapacitySectors}");
                status = VirtioBlkStatus.VIRTIO_BLK_S_IOERR;
                continue;
            }

            byte fill = discard ? DiscardFill : (byte)0;
            var bytes = new byte[512];
            bytes.AsSpan().Fill(fill);
            for (ulong k = 0; k < segment.NumSectors; k++)
            {
                WriteStorage((UInt128)(segment.Sector + k) * 512, bytes);
            }
        }

        return status;
    }
}
