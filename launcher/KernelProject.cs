using Rvc.Driver;

namespace Rvc.Launcher;

/// <summary>Builds kernel/Kernel.csproj with MSBuild (compiler/build/Rvc.targets runs rvc after the C# build).</summary>
public static class KernelProject
{
    public const string Release = "Release";

    /// <summary>The configuration for debugging: rvc compiles it at -O0 (compiler/build/Rvc.props).</summary>
    public const string Debug = "Debug";

    /// <summary>Builds the kernel for <paramref name="arch"/> and returns the path of its ELF file.</summary>
    public static string Build(RepoLayout repo, TargetArch arch, string configuration = Release)
    {
        var arguments = new List<string>
        {
            // `dotnet msbuild -restore` rather than `dotnet build`, which adds a summary even when quiet.
            "msbuild", "-restore", repo.KernelProject, $"-p:Configuration={configuration}", $"-p:Arch={arch.Name()}",
            "-v:q", "-nologo", "-tl:off",
        };
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };
        Console.Error.WriteLine($"launcher: building {Path.GetRelativePath(Environment.CurrentDirectory, repo.KernelProject)} ({configuration}, {arch.Name()})");
        if (ProcessRunner.RunToStderr(DotnetHost(), arguments, environment) != 0)
            throw new LauncherException($"building {Path.GetRelativePath(Environment.CurrentDirectory, repo.KernelProject)} for {arch.Name()} failed (errors above)");

        var elf = OutputPath(repo, arch, configuration);
        if (!File.Exists(elf))
            throw new LauncherException($"the kernel build succeeded but {elf} does not exist");
        return elf;
    }

    /// <summary>Where Rvc.targets puts the ELF: $(OutDir)$(TargetName).elf, the output folder pivoted by configuration and arch.</summary>
    public static string OutputPath(RepoLayout repo, TargetArch arch, string configuration = Release)
        => Path.Combine(repo.Artifacts, "bin", "Kernel", $"{configuration.ToLowerInvariant()}_{arch.Name()}", "Kernel.elf");

    /// <summary>The dotnet executable running us (or the one on PATH).</summary>
    public static string DotnetHost()
    {
        var fromMsbuild = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromMsbuild) && File.Exists(fromMsbuild))
            return fromMsbuild;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        return "dotnet";
    }
}
