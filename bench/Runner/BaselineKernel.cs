using CliWrap;
using CliWrap.Buffered;
using Rvc.Driver;
using Rvc.Launcher;

namespace Rvc.Bench;

/// <summary>
/// The kernel of a <see cref="Baseline"/> revision, built by that revision's own toolchain: its tree exported with
/// <c>git archive</c> into artifacts/bench/baseline/HASH/src/ (no worktree to register or clean up), then its own
/// <c>./run.sh build-kernel --arch A</c> (the launcher of that revision builds its compiler and its kernel, as its
/// bench runner did through <c>KernelProject.Build</c>). The ELF is kept as artifacts/bench/baseline/HASH/ARCH/Kernel.elf:
/// a commit's sources do not change, so later runs boot it without building (delete the folder to build again, e.g.
/// after clang-19 or the .NET SDK changed).
/// </summary>
public static class BaselineKernel
{
    /// <summary>artifacts/bench/baseline/HASH/: the exported tree and the ELFs.</summary>
    public static string Folder(RepoLayout repo, Baseline baseline) => Path.Combine(repo.Artifacts, "bench", "baseline", baseline.ShortHash);

    /// <summary>Where the ELF is kept.</summary>
    public static string CachedElf(RepoLayout repo, Baseline baseline, TargetArch arch) => Path.Combine(Folder(repo, baseline), arch.Name(), "Kernel.elf");

    /// <summary>The kernel of <paramref name="baseline"/> for <paramref name="arch"/>: the kept ELF, or a new build.</summary>
    public static string Build(RepoLayout repo, Baseline baseline, TargetArch arch, Action<string> progress)
    {
        var elf = CachedElf(repo, baseline, arch);
        if (File.Exists(elf))
        {
            progress($"{baseline.ConfigPrefix}: kept from an earlier run: {Path.GetRelativePath(repo.Root, elf)}");
            return elf;
        }
        var tree = Export(repo, baseline, progress);
        progress($"{baseline.ConfigPrefix}: building its kernel for {arch.Name()} with its own ./run.sh build-kernel (a few minutes)");
        var stdout = new System.Text.StringBuilder();
        var stderr = Console.OpenStandardError();
        CommandResult result;
        try
        {
            result = Cli.Wrap("bash").WithArguments([Path.Combine(tree, "run.sh"), "build-kernel", "--arch", arch.Name()])
                .WithWorkingDirectory(tree)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
                .WithStandardErrorPipe(PipeTarget.ToStream(stderr, autoFlush: true))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception || e.InnerException is System.ComponentModel.Win32Exception)
        {
            throw new LauncherException($"cannot start bash: {e.Message}");
        }
        // build-kernel prints the ELF's path as its last line of standard output.
        var built = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (result.ExitCode != 0 || built is null || !File.Exists(built))
            throw new LauncherException($"{baseline.Revision} ({baseline.ShortHash}): its ./run.sh build-kernel --arch {arch.Name()} failed (exit status {result.ExitCode}{(built is null ? "" : $", last output '{built}'")}; errors above)");
        Directory.CreateDirectory(Path.GetDirectoryName(elf)!);
        File.Copy(built, elf + ".tmp", overwrite: true);
        File.Move(elf + ".tmp", elf, overwrite: true);
        progress($"{baseline.ConfigPrefix}: built {Path.GetRelativePath(repo.Root, elf)}");
        return elf;
    }

    /// <summary>The revision's tree, exported once (into a temporary folder renamed when complete, so that an
    /// interrupted export is not taken for a whole one).</summary>
    private static string Export(RepoLayout repo, Baseline baseline, Action<string> progress)
    {
        var tree = Path.Combine(Folder(repo, baseline), "src");
        if (Directory.Exists(tree))
            return tree;
        var partial = tree + ".partial";
        if (Directory.Exists(partial))
            Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);
        progress($"{baseline.ConfigPrefix}: exporting {baseline.ShortHash} into {Path.GetRelativePath(repo.Root, tree)}");
        var tar = partial + ".tar";
        Baseline.Git(repo.Root, $"exporting {baseline.Revision} ({baseline.ShortHash}) with git archive", "archive", "--format=tar", $"--output={tar}", baseline.Hash);
        var result = Cli.Wrap("tar").WithArguments(["-x", "-f", tar, "-C", partial]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        File.Delete(tar);
        if (result.ExitCode != 0)
            throw new LauncherException($"unpacking {baseline.Revision} ({baseline.ShortHash}) with tar failed: {result.StandardError.Trim()}");
        Directory.Move(partial, tree);
        return tree;
    }
}
