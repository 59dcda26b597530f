using Kernel.Drivers.Block;
using Kernel.Drivers.Virtio;

namespace Kernel.FileSystem.Tests;

/// <summary>
/// A disk in memory with a volatile write cache, as the crash model needs it: reads see every write; a write is only
/// durable after a FLUSH; until then it is pending and a power cut may keep any subset of the pending sectors, in any
/// order (<see cref="CrashImage"/>). Every request is recorded (<see cref="Requests"/>) so that tests can check the
/// request sizes and replay a flush's write sequence up to any point.
/// </summary>
internal struct MemoryDisk : IBlockDevice
{
    public const int Sector = 512;

    public sealed class State
    {
        public required byte[] Current;
        public required byte[] Durable;
        public List<(ulong Sector, byte[] Data)> Pending = [];
        public List<Request> Requests = [];
        public bool ReadOnly;
        /// <summary>Requests left before every request fails with IoError (-1: never).</summary>
        public int FailAfter = -1;
    }

    public readonly record struct Request(char Op, ulong Sector, byte[]? Data)
    {
        public int Sectors => Data is null ? 0 : Data.Length / MemoryDisk.Sector;
    }

    public State S;

    public MemoryDisk(byte[] image, bool readOnly = false)
    {
        S = new State { Current = (byte[])image.Clone(), Durable = (byte[])image.Clone(), ReadOnly = readOnly };
    }

    public readonly ulong CapacitySectors => (ulong)S.Current.Length / Sector;

    public readonly uint BlockSize => Sector;

    public readonly bool IsReadOnly => S.ReadOnly;

    public byte[] Image => S.Current;

    public readonly BlockError Read(ulong sector, Span<byte> buffer)
    {
        if (Fails())
        {
            return BlockError.IoError;
        }

        if (buffer.Length == 0 || buffer.Length % Sector != 0 || sector + (ulong)(buffer.Length / Sector) > CapacitySectors)
        {
            return BlockError.OutOfRange;
        }

        S.Requests.Add(new Request('R', sector, new byte[buffer.Length]));
        S.Current.AsSpan(checked((int)sector * Sector), buffer.Length).CopyTo(buffer);
        return BlockError.None;
    }

    public readonly BlockError Write(ulong sector, ReadOnlySpan<byte> buffer)
    {
        if (Fails())
        {
            return BlockError.IoError;
        }

        if (S.ReadOnly)
        {
            return BlockError.ReadOnly;
        }

        if (buffer.Length == 0 || buffer.Length % Sector != 0 || sector + (ulong)(buffer.Length / Sector) > CapacitySectors)
        {
            return BlockError.OutOfRange;
        }

        byte[] data = buffer.ToArray();
        S.Requests.Add(new Request('W', sector, data));
        data.CopyTo(S.Current, (int)sector * Sector);
        for (int i = 0; i < data.Length / Sector; i++)
        {
            S.Pending.Add((sector + (ulong)i, data.AsSpan(i * Sector, Sector).ToArray()));
        }

        return BlockError.None;
    }

    public readonly BlockError Flush()
    {
        if (Fails())
        {
            return BlockError.IoError;
        }

        S.Requests.Add(new Request('F', 0, null));
        S.Current.CopyTo(S.Durable, 0);
        S.Pending.Clear();
        return BlockError.None;
    }

    private readonly bool Fails()
    {
        if (S.FailAfter < 0)
        {
            return false;
        }

        if (S.FailAfter == 0)
        {
            return true;
        }

        S.FailAfter--;
        return false;
    }

    /// <summary>What the platter holds after a power cut now: the durable image, plus the pending sectors that
    /// <paramref name="keep"/> selects, applied in the order it gives (a later write to the same sector may land
    /// before an earlier one).</summary>
    public readonly byte[] CrashImage(Func<IReadOnlyList<(ulong Sector, byte[] Data)>, IEnumerable<int>> keep)
    {
        byte[] image = (byte[])S.Durable.Clone();
        foreach (int i in keep(S.Pending))
        {
            var (sector, data) = S.Pending[i];
            data.CopyTo(image, (int)sector * Sector);
        }

        return image;
    }

    /// <summary>A disk of <paramref name="sectors"/> zero sectors: an empty archive.</summary>
    public static MemoryDisk Blank(int sectors) => new(new byte[sectors * Sector]);

    /// <summary>A host-made image padded with zeros to <paramref name="bytes"/>.</summary>
    public static MemoryDisk FromImage(byte[] archive, int bytes)
    {
        byte[] image = new byte[Math.Max(bytes, archive.Length)];
        archive.CopyTo(image, 0);
        return new MemoryDisk(image);
    }
}
