using System.Text;
using Rvc.Driver;
using Rvc.Launcher;

namespace Rvc.Kernel.Tests;

/// <summary>The launcher's <c>--disk-from-dir</c> and <c>--disk-size</c>: the image is a ustar archive the host's
/// GNU tar reads back byte for byte, padded to the size asked for; bad combinations are refused.</summary>
public sealed class TarDiskTests : IDisposable
{
    private static readonly RepoLayout Repo = RepoLayout.Find();

    private readonly string _dir = RepoPaths.UniqueDirectory("launcher", "tar");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static BootRequest Parse(params string[] args)
        => Launcher.Commands.BootCommandLine.Parse(args, Repo, "kernel.elf", TargetArch.RiscV64);

    private string Folder()
    {
        string src = Path.Combine(_dir, "src");
        Directory.CreateDirectory(Path.Combine(src, "sub", "deeper"));
        File.WriteAllText(Path.Combine(src, "hello.txt"), "Can you see me?\n");
        File.WriteAllBytes(Path.Combine(src, "sub", "deeper", "blob.bin"), Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray());
        File.WriteAllText(Path.Combine(src, "sub", new string('n', 100)), "hundred");
        return src;
    }

    [Fact]
    public void TheImageIsAUstarArchiveOfTheFolderThatHostTarReadsBack()
    {
        string src = Folder();
        string image = Path.Combine(_dir, "disk.img");
        TarDisk.Write(src, image, size: null);
        Assert.Equal(TarDisk.DefaultSize, new FileInfo(image).Length);
        byte[] bytes = File.ReadAllBytes(image);
        Assert.Equal("ustar\000", Encoding.ASCII.GetString(bytes, 257, 8));
        var view = HostTarRunner.Read(image);
        Assert.True(view.ExitCode == 0, view.Errors);
        Assert.Equal(File.ReadAllBytes(Path.Combine(src, "hello.txt")), view.Files["hello.txt"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(src, "sub", "deeper", "blob.bin")), view.Files[Path.Combine("sub", "deeper", "blob.bin")]);
        Assert.Equal("hundred", Encoding.ASCII.GetString(view.Files[Path.Combine("sub", new string('n', 100))]));
        Assert.Contains("sub/deeper/\n", view.Listing.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Split(' ')[^1] + "\n"));

        TarDisk.Write(src, image, TarDisk.ParseSize("3M"));
        Assert.Equal(3L << 20, new FileInfo(image).Length);
    }

    [Fact]
    public void TheOptionsAreCheckedBeforeAnythingIsBuilt()
    {
        string src = Folder();
        var request = Parse("--disk-from-dir", src, "--disk-size", "8M");
        Assert.Equal(src, request.TarFrom);
        Assert.Equal(8L << 20, request.TarSize);
        Assert.False(request.DefaultDisk);
        Assert.Throws<LauncherException>(() => Parse("--disk-from-dir", Path.Combine(_dir, "missing")));
        Assert.Throws<LauncherException>(() => Parse("--disk-from-dir", src, "--no-disk"));
        Assert.Throws<LauncherException>(() => Parse("--disk-from-dir", src, "--bench"));
        Assert.Throws<LauncherException>(() => Parse("--disk-size", "8M"));
        Assert.Throws<LauncherException>(() => Parse("--disk-from-dir", src, "--disk-size", "lots"));
        Assert.Throws<LauncherException>(() => TarDisk.Write(src, Path.Combine(_dir, "small.img"), 4096));
        Assert.Throws<LauncherException>(() => TarDisk.Write(src, Path.Combine(_dir, "odd.img"), (1 << 20) + 1));
    }
}
