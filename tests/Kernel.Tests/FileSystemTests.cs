using System.Text;

namespace Rvc.Kernel.Tests;

/// <summary>Issue 11's boot-log tests of the tar file system through the kernel shell: the book's session, 200 files
/// written by the kernel, corrupt headers; each checked with the host's GNU tar on the image afterwards.</summary>
public class FileSystemTests
{
    private const string Hello = "Can you see me? Ah, there you are! You've unlocked the achievement \"Virtio Newbie!\"\n";

    public static TheoryData<string> Arches => new(KernelBoot.Arches);

    [Theory]
    [MemberData(nameof(Arches))]
    public void TheBooksSessionReadsAndWritesHelloTxt(string arch)
    {
        byte[] other = Encoding.ASCII.GetBytes("meow\n");
        string image = HostTarRunner.MakeImage("book", arch, 1 << 20, ("hello.txt", Encoding.ASCII.GetBytes(Hello)), ("meow.txt", other));
        var before = HostTarRunner.Read(image);
        var boot = KernelBoot.BootWithInput(arch, "readfile\nwritefile\nreadfile\npoweroff\n", "--disk", image, "--kernel-shell");
        Assert.True(boot.ExitCode == 0, boot.Describe());
        Assert.Contains("fs: 2 files, " + (Hello.Length + other.Length) + " bytes on blk0\n", boot.Stdout);
        Assert.Contains("> readfile\n" + Hello + "\n> writefile\nfs: sync: flushing blk0\nwrote 2048 bytes to disk\n", boot.Stdout);
        Assert.Contains("> readfile\nHello from shell!\n\n> poweroff\npowering off", boot.Stdout);

        var after = HostTarRunner.Read(image);
        Assert.True(after.ExitCode == 0, after.Errors);
        Assert.Equal("", after.Errors);
        Assert.Equal("Hello from shell!\n", Encoding.ASCII.GetString(after.Files["hello.txt"]));
        Assert.Equal(other, after.Files["meow.txt"]);
        string MeowLine(string listing) => listing.Split('\n').Single(l => l.EndsWith("meow.txt", StringComparison.Ordinal));
        Assert.Equal(MeowLine(before.Listing), MeowLine(after.Listing));
    }

    [Theory]
    [MemberData(nameof(Arches))]
    public void TwoHundredFilesWrittenByTheKernelAreWhatHostTarExtracts(string arch)
    {
        var random = new Random(arch == "rv32" ? 32 : 64);
        var files = Enumerable.Range(0, 200).Select(i => (Name: $"dir{i % 4}/file{i:000}.bin", Size: random.Next(0, (1 << 20) + 1), Seed: (ulong)random.NextInt64())).ToList();
        var input = new StringBuilder("mkdir dir0\nmkdir dir1\nmkdir dir2\nmkdir dir3\n");
        for (int i = 0; i < files.Count; i++)
        {
            input.Append($"fill {files[i].Name} {files[i].Size} {files[i].Seed}\n");
            if (i % 50 == 49)
            {
                input.Append("sync\n");
            }
        }

        input.Append("ls\npoweroff\n");
        string image = HostTarRunner.MakeImage("twohundred", arch, 400L << 20);
        var boot = KernelBoot.BootWithInput(arch, input.ToString(), "--disk", image, "--kernel-shell");
        Assert.True(boot.ExitCode == 0, boot.Describe());
        Assert.Contains("fs: 0 files, 0 bytes on blk0\n", boot.Stdout);
        Assert.Contains($"200 files, {files.Sum(f => (long)f.Size)} bytes\n", boot.Stdout);
        Assert.DoesNotContain("fs: dir", boot.Stdout); // no error from any fill

        var view = HostTarRunner.Read(image);
        Assert.True(view.ExitCode == 0, view.Errors);
        Assert.Equal(files.Select(f => f.Name).Order(StringComparer.Ordinal), view.Files.Keys);
        foreach (var file in files)
        {
            Assert.True(HostTarRunner.FillPattern(file.Size, file.Seed).AsSpan().SequenceEqual(view.Files[file.Name]), file.Name);
            Assert.Contains($" {file.Size} ", view.Listing.Split('\n').Single(l => l.EndsWith(file.Name, StringComparison.Ordinal)));
        }
    }

    [Theory]
    [InlineData("rv32", "checksum")]
    [InlineData("rv64", "checksum")]
    [InlineData("rv32", "size")]
    [InlineData("rv64", "nul")]
    public void CorruptHeadersAreReportedAndNothingIsWritten(string arch, string damage)
    {
        string image = HostTarRunner.MakeImage($"corrupt-{damage}", arch, 1 << 20,
            ("a.txt", Encoding.ASCII.GetBytes("first\n")), ("b.txt", Encoding.ASCII.GetBytes("second\n")), ("c.txt", Encoding.ASCII.GetBytes("third\n")));
        byte[] bytes = File.ReadAllBytes(image);
        const int second = 1024;
        string expected;
        switch (damage)
        {
            case "checksum":
                bytes[second + 1] ^= 0x01;
                expected = "fs: blk0: bad header at byte 1024: header checksum does not match; the entries before it are mounted read-only\n";
                break;
            case "size":
                Encoding.ASCII.GetBytes("77777777777\0").CopyTo(bytes, second + 124);
                Reseal(bytes, second);
                expected = "fs: blk0: bad header at byte 1024: file data runs past the end of the disk; the entries before it are mounted read-only\n";
                break;
            default:
                // A name field without a NUL and the checksum left as it was: the header is not trusted.
                bytes.AsSpan(second, 100).Fill((byte)'N');
                expected = "fs: blk0: bad header at byte 1024: header checksum does not match; the entries before it are mounted read-only\n";
                break;
        }

        File.WriteAllBytes(image, bytes);
        var boot = KernelBoot.BootWithInput(arch, "ls\ncat a.txt\nwrite a.txt x\nsync\npoweroff\n", "--disk", image, "--kernel-shell");
        Assert.True(boot.ExitCode == 0, boot.Describe());
        Assert.Contains(expected, boot.Stdout);
        Assert.Contains("fs: 1 file, 6 bytes on blk0\n", boot.Stdout);
        Assert.Contains("> cat a.txt\nfirst\n", boot.Stdout);
        Assert.Contains("> write a.txt x\nfs: a.txt: corrupt archive (see the mount message)\n", boot.Stdout);
        Assert.Equal(bytes, File.ReadAllBytes(image));
    }

    [Theory]
    [MemberData(nameof(Arches))]
    public void TheShellOnLoremSaysThereIsNoArchiveAndLeavesItAlone(string arch)
    {
        string disk = DiskImages.CopyOfLorem("fs-lorem", arch);
        byte[] original = File.ReadAllBytes(disk);
        var boot = KernelBoot.BootWithInput(arch, "ls\npoweroff\n", "--disk", disk, "--kernel-shell");
        Assert.True(boot.ExitCode == 0, boot.Describe());
        Assert.Contains("fs: blk0 holds no ustar archive: no file system\n", boot.Stdout);
        Assert.Contains("> ls\nfs: no file system mounted (blk0 holds no ustar archive)\n", boot.Stdout);
        Assert.Equal(original, File.ReadAllBytes(disk));
    }

    private static void Reseal(byte[] image, int header)
    {
        var h = image.AsSpan(header, 512);
        Encoding.ASCII.GetBytes("        ").CopyTo(h[148..]);
        int sum = 0;
        foreach (byte b in h)
        {
            sum += b;
        }

        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(h[148..]);
    }
}
