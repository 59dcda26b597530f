namespace RvcKernel;

/// <summary>
/// One read from a virtio-blk disk (virtio 1.2, 5.2) through the legacy virtio-mmio interface (4.2.4, QEMU virt's
/// default) and a split virtqueue (2.7) of <see cref="QueueSize"/> entries, by polling: the smallest driver that works.
/// A real one negotiates features, checks the capacity, takes interrupts and recovers from errors.
/// </summary>
public static unsafe class VirtioBlk
{
    public const int SectorSize = 512;

    // QEMU virt: eight virtio-mmio windows of 0x1000 bytes from 0x10001000.
    private const nuint FirstSlot = 0x1000_1000;
    private const nuint SlotStride = 0x1000;
    private const int SlotCount = 8;

    // Registers (4.2.4, legacy layout).
    private const int MagicValue = 0x000;
    private const int Version = 0x004;
    private const int DeviceId = 0x008;
    private const int GuestFeatures = 0x020;
    private const int GuestPageSize = 0x028;
    private const int QueueSel = 0x030;
    private const int QueueNumMax = 0x034;
    private const int QueueNum = 0x038;
    private const int QueueAlign = 0x03c;
    private const int QueuePfn = 0x040;
    private const int QueueNotify = 0x050;
    private const int Status = 0x070;

    private const uint Magic = 0x7472_6976; // "virt"
    private const uint BlockDevice = 2;

    // Device status bits (2.1).
    private const uint Acknowledge = 1;
    private const uint Driver = 2;
    private const uint DriverOk = 4;

    // Descriptor flags (2.7.5).
    private const ushort Next = 1;
    private const ushort DeviceWrites = 2;

    private const uint RequestIn = 0; // VIRTIO_BLK_T_IN: a read
    private const int QueueSize = 8;
    private const int PageSize = 4096;

    private struct Descriptor
    {
        public ulong Address;
        public uint Length;
        public ushort Flags;
        public ushort NextIndex;
    }

    private struct RequestHeader
    {
        public uint Type;
        public uint Reserved;
        public ulong Sector;
    }

    /// <summary>The queue's memory (descriptors, available ring, then the used ring on the next page) and the request,
    /// in .bss; three pages so that a page-aligned queue of two pages fits whatever the alignment of the static.</summary>
    private struct Memory
    {
        public fixed byte Bytes[3 * PageSize];
    }

    private static Memory _memory;
    private static RequestHeader _header;
    private static byte _status;

    private static uint Read(nuint device, int register) => Volatile.Read(ref *(uint*)(device + (nuint)register));

    private static void Write(nuint device, int register, uint value) => Volatile.Write(ref *(uint*)(device + (nuint)register), value);

    /// <summary>The first virtio-mmio window with a block device behind it.</summary>
    public static bool Find(out nuint device)
    {
        for (int slot = 0; slot < SlotCount; slot++)
        {
            device = FirstSlot + (nuint)slot * SlotStride;
            if (Read(device, MagicValue) == Magic && Read(device, DeviceId) == BlockDevice)
                return true;
        }
        device = 0;
        return false;
    }

    /// <summary>Initialises the device (3.1.1 with the legacy queue set-up of 4.2.4), reads <paramref name="sector"/>
    /// into <paramref name="buffer"/> and resets the device again.</summary>
    public static bool ReadSector(nuint device, ulong sector, Span<byte> buffer)
    {
        if (Read(device, Version) != 1)
        {
            Uart.WriteLine("virtio-blk: not the legacy interface (QEMU: -global virtio-mmio.force-legacy=true)");
            return false;
        }

        Write(device, Status, 0);
        Write(device, Status, Acknowledge);
        Write(device, Status, Acknowledge | Driver);
        Write(device, GuestFeatures, 0); // no optional feature
        Write(device, GuestPageSize, PageSize);
        Write(device, QueueSel, 0);
        if (Read(device, QueueNumMax) < QueueSize || Read(device, QueuePfn) != 0)
        {
            Uart.WriteLine("virtio-blk: queue 0 is too small or already in use");
            return false;
        }

        fixed (Memory* memory = &_memory)
        fixed (byte* data = buffer)
        fixed (RequestHeader* header = &_header)
        fixed (byte* status = &_status)
        {
            // 2.7: descriptors (16 bytes each), then the available ring; the used ring at the next QueueAlign boundary.
            byte* queue = (byte*)(((nuint)memory->Bytes + PageSize - 1) & ~(nuint)(PageSize - 1));
            var descriptors = (Descriptor*)queue;
            ushort* available = (ushort*)(queue + QueueSize * sizeof(Descriptor)); // flags, idx, ring[QueueSize]
            ushort* used = (ushort*)(queue + PageSize);                             // flags, idx, ring of (id, len)
            new Span<byte>(queue, 2 * PageSize).Clear();

            Write(device, QueueNum, QueueSize);
            Write(device, QueueAlign, PageSize);
            Write(device, QueuePfn, (uint)((nuint)queue / PageSize));
            Write(device, Status, Acknowledge | Driver | DriverOk);

            // 5.2.6: a request is a header the device reads, the data it writes, and a status byte it writes.
            header->Type = RequestIn;
            header->Reserved = 0;
            header->Sector = sector;
            *status = 0xff;
            descriptors[0] = new Descriptor { Address = (ulong)header, Length = (uint)sizeof(RequestHeader), Flags = Next, NextIndex = 1 };
            descriptors[1] = new Descriptor { Address = (ulong)data, Length = SectorSize, Flags = Next | DeviceWrites, NextIndex = 2 };
            descriptors[2] = new Descriptor { Address = (ulong)status, Length = 1, Flags = DeviceWrites };

            // 2.7.13: the chain's head in the ring, then the index (the device reads them in that order), then notify.
            available[2] = 0;
            Interlocked.MemoryBarrier();
            Volatile.Write(ref available[1], (ushort)1);
            Interlocked.MemoryBarrier();
            Write(device, QueueNotify, 0);

            while (Volatile.Read(ref used[1]) == 0)
            {
            }
            Interlocked.MemoryBarrier();
        }

        Write(device, Status, 0);
        if (_status != 0)
        {
            Uart.WriteLine("virtio-blk: the read failed");
            return false;
        }
        return true;
    }
}
