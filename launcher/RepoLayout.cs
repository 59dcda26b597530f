namespace Rvc.Launcher;

/// <summary>Where things are in the repository: the launcher runs from artifacts/bin/Launcher/release/.</summary>
public sealed class RepoLayout
{
    public string Root { get; }

    private RepoLayout(string root) => Root = root;

    public string KernelProject => Path.Combine(Root, "kernel", "Kernel.csproj");
    public string FirmwareProject => Path.Combine(Root, "firmware", "Firmware.csproj");
    public string Lorem => Path.Combine(Root, "lorem.txt");
    public string Artifacts => Path.Combine(Root, "artifacts");
    /// <summary>Scratch files of a boot: the disk copy, qemu.log.</summary>
    public string RunDirectory => Path.Combine(Artifacts, "run");

    /// <summary>Finds the repository from the launcher's own location, else from the current directory.</summary>
    public static RepoLayout Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))
                    && File.Exists(Path.Combine(dir.FullName, "launcher", "Launcher.csproj")))
                    return new RepoLayout(dir.FullName);
            }
        }
        throw new LauncherException("cannot find the repository root (a folder with Directory.Build.props and launcher/Launcher.csproj)");
    }
}
