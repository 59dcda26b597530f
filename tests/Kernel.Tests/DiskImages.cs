using System.Text;

namespace Rvc.Kernel.Tests;

/// <summary>Disk images for the tests, each in a folder of its own, and what they should hold.</summary>
internal static class DiskImages
{
    public const int SectorSize = 512;

    /// <summary>What the kernel's demo writes at the start of sector 0, followed by a NUL.</summary>
    public static readonly byte[] DemoMessage = Encoding.ASCII.GetBytes("hello from kernel!!!\n");

    /// <summary>A fresh copy of lorem.txt for one test.</summary>
    public static string CopyOfLorem(string test, string arch)
    {
        string path = Path.Combine(RepoPaths.UniqueDirectory("disks", $"{test}-{arch}"), "lorem.txt");
        File.Copy(RepoPaths.Lorem, path);
        return path;
    }

    /// <summary>A new image file with <paramref name="contents"/>.</summary>
    public static string Create(string test, string arch, byte[] contents)
    {
        string path = Path.Combine(RepoPaths.UniqueDirectory("disks", $"{test}-{arch}"), "disk.img");
        File.WriteAllBytes(path, contents);
        return path;
    }

    /// <summary>The image after the demo: the message and a NUL over its first bytes, everything else as it was.</summary>
    public static byte[] AfterDemo(byte[] original)
    {
        byte[] expected = (byte[])original.Clone();
        DemoMessage.CopyTo(expected, 0);
        expected[DemoMessage.Length] = 0;
        return expected;
    }

    /// <summary>Sector 0 of <paramref name="image"/> as the kernel prints it: its bytes up to the first NUL (all 512 if
    /// it has none; lorem.txt's text is longer than a sector).</summary>
    public static string FirstSectorText(byte[] image)
    {
        var sector = image.AsSpan(0, Math.Min(SectorSize, image.Length));
        int nul = sector.IndexOf((byte)0);
        return Encoding.Latin1.GetString(nul < 0 ? sector : sector[..nul]);
    }

    /// <summary><paramref name="sectors"/> sectors of a known pattern: each sector's bytes come from a splitmix64
    /// stream seeded with the sector's number, so every sector differs from every other.</summary>
    public static byte[] Pattern(int sectors)
    {
        byte[] image = new byte[sectors * SectorSize];
        for (int s = 0; s < sectors; s++)
        {
            ulong state = (ulong)s * 0x9E3779B97F4A7C15UL + 0x5EED;
            var sector = image.AsSpan(s * SectorSize, SectorSize);
            for (int i = 0; i < SectorSize; i += 8)
            {
                ulong z = state += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                BitConverter.TryWriteBytes(sector[i..], z);
            }
        }

        return image;
    }

    /// <summary>A new sparse image of <paramref name="size"/> bytes (zeros; no block allocated), named
    /// <paramref name="name"/> in the test's own folder.</summary>
    public static string CreateSparse(string test, string arch, long size, string name = "disk.img")
    {
        string path = Path.Combine(RepoPaths.UniqueDirectory("disks", $"{test}-{arch}"), name);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.SetLength(size);
        return path;
    }

    /// <summary>A new image holding <paramref name="contents"/>, named <paramref name="name"/>, next to
    /// <paramref name="neighbour"/> (one folder for a test's disks).</summary>
    public static string CreateBeside(string neighbour, string name, byte[] contents)
    {
        string path = Path.Combine(Path.GetDirectoryName(neighbour)!, name);
        File.WriteAllBytes(path, contents);
        return path;
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>The kernel's <c>blk.fill</c> pattern (kernel/README.md, "Fill test"), computed here independently:
    /// the 8-byte word at byte offset 8k of the disk is splitmix64(seed ^ k), little-endian.</summary>
    public static ulong FillWord(ulong seed, ulong wordIndex)
    {
        ulong z = (seed ^ wordIndex) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Asserts that the image at <paramref name="path"/> is <paramref name="sectors"/> sectors of the fill
    /// pattern of <paramref name="seed"/>, byte for byte; a failure names the first sector that differs.</summary>
    public static void AssertFilled(string path, ulong seed, long sectors, BootResult boot)
    {
        long length = new FileInfo(path).Length;
        Assert.True(length == sectors * SectorSize, $"{path}: expected {sectors * SectorSize} bytes, found {length}\n{boot.Describe()}");
        const int ChunkSectors = 2048;
        byte[] chunk = new byte[ChunkSectors * SectorSize];
        byte[] expected = new byte[ChunkSectors * SectorSize];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20);
        for (long first = 0; first < sectors; first += ChunkSectors)
        {
            int count = (int)Math.Min(ChunkSectors, sectors - first);
            int bytes = count * SectorSize;
            stream.ReadExactly(chunk, 0, bytes);
            ulong word = (ulong)first * (SectorSize / 8);
            for (int at = 0; at < bytes; at += 8)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(expected.AsSpan(at), FillWord(seed, word++));
            }

            int differs = chunk.AsSpan(0, bytes).CommonPrefixLength(expected.AsSpan(0, bytes));
            if (differs < bytes)
            {
                long sector = first + differs / SectorSize;
                Assert.Fail($"{path}: sector {sector} is not the fill pattern of seed {seed}: at byte {first * SectorSize + differs} expected 0x{expected[differs]:x2}, found 0x{chunk[differs]:x2}; "
                    + $"expected [{Hex(expected, differs)}], found [{Hex(chunk, differs)}]\n{boot.Describe()}");
            }
        }
    }

    /// <summary>Deletes the folder of a test's disk once the test has passed (a failing test keeps it: its path is in
    /// the failure message).</summary>
    public static void Discard(string disk)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(disk)!, recursive: true);
        }
        catch (IOException)
        {
            // Not worth failing a passing test for.
        }
    }

    /// <summary>Asserts that the file at <paramref name="path"/> holds exactly <paramref name="expected"/>.</summary>
    public static void AssertContents(byte[] expected, string path, BootResult boot)
    {
        byte[] actual = File.ReadAllBytes(path);
        if (actual.AsSpan().SequenceEqual(expected))
        {
            return;
        }

        int length = Math.Min(actual.Length, expected.Length);
        int at = actual.AsSpan(0, length).CommonPrefixLength(expected.AsSpan(0, length));
        string where = at < length
            ? $"first difference at byte {at} (sector {at / SectorSize}): expected 0x{expected[at]:x2}, found 0x{actual[at]:x2}; "
              + $"expected [{Hex(expected, at)}], found [{Hex(actual, at)}]"
            : $"expected {expected.Length} bytes, found {actual.Length}";
        Assert.Fail($"{path} is not what it should be after the boot: {where}\n{boot.Describe()}");
    }

    private static string Hex(byte[] bytes, int at)
        => Convert.ToHexString(bytes, at, Math.Min(16, bytes.Length - at)).ToLowerInvariant();
}
