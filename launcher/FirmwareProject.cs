using Rvc.Driver;

namespace Rvc.Launcher;

/// <summary>Builds firmware/Firmware.csproj (rvcsbi) with MSBuild, as <see cref="KernelProject"/> builds the kernel.</summary>
public static class FirmwareProject
{
    /// <summary>Builds the firmware for <paramref name="arch"/> and returns the path of its ELF file.</summary>
    public static string Build(RepoLayout repo, TargetArch arch, string configuration = KernelProject.Release)
    {
        var arguments = new List<string>
        {
            "msbuild", "-restore", repo.FirmwareProject, $"-p:Configuration={configuration}", $"-p:Arch={arch.Name()}",
            "-v:q", "-nologo", "-tl:off",
        };
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };
        if (ProcessRunner.RunToStderr(KernelProject.DotnetHost(), arguments, environment) != 0)
            throw new LauncherException($"building {Path.GetRelativePath(Environment.CurrentDirectory, repo.FirmwareProject)} for {arch.Name()} failed (errors above)");

        var elf = OutputPath(repo, arch, configuration);
        if (!File.Exists(elf))
            throw new LauncherException($"the firmware build succeeded but {elf} does not exist");
        return elf;
    }

    /// <summary>Where Rvc.targets puts the ELF: artifacts/bin/Firmware/&lt;configuration&gt;_&lt;arch&gt;/Firmware.elf.</summary>
    public static string OutputPath(RepoLayout repo, TargetArch arch, string configuration = KernelProject.Release)
        => Path.Combine(repo.Artifacts, "bin", "Firmware", $"{configuration.ToLowerInvariant()}_{arch.Name()}", "Firmware.elf");
}
