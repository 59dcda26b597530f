using Rvc.Driver;
using Rvc.Launcher;

namespace Rvc.Bench;

/// <summary>Builds the C yardstick (bench/baseline-c/) with clang-19 and ld.lld-19, against linker/virt.ld.</summary>
public static class Yardstick
{
    public static readonly string[] Sources = ["start.S", "platform.c", "fdt.c", "virtio_blk.c", "bench.c"];

    /// <summary>The flags every file is compiled with, besides the target's.</summary>
    public static readonly string[] CommonFlags =
        ["-O2", "-ffreestanding", "-nostdlib", "-mcmodel=medany", "-ffunction-sections", "-fdata-sections", "-g", "-Wall", "-Wextra", "-Werror"];

    public static string[] TargetFlags(TargetArch arch) => arch switch
    {
        TargetArch.RiscV32 => ["--target=riscv32-unknown-none-elf", "-march=rv32gc", "-mabi=ilp32d"],
        TargetArch.RiscV64 => ["--target=riscv64-unknown-none-elf", "-march=rv64gc", "-mabi=lp64d"],
        _ => throw new ArgumentException("the yardstick is built for rv32 and rv64 only"),
    };

    public static string SourceDirectory(RepoLayout repo) => Path.Combine(repo.Root, "bench", "baseline-c");

    /// <summary>Builds bench/baseline-c for <paramref name="arch"/> into artifacts/bench/baseline-c/ARCH/yardstick.elf.</summary>
    public static string Build(RepoLayout repo, TargetArch arch)
    {
        var source = SourceDirectory(repo);
        var output = Path.Combine(repo.Artifacts, "bench", "baseline-c", arch.Name());
        Directory.CreateDirectory(output);
        var objects = new List<string>();
        foreach (var file in Sources)
        {
            var obj = Path.Combine(output, Path.GetFileNameWithoutExtension(file) + ".o");
            NativeToolchain.Run(NativeToolchain.Clang, [.. TargetFlags(arch), .. CommonFlags, "-c", Path.Combine(source, file), "-o", obj]);
            objects.Add(obj);
        }
        var elf = Path.Combine(output, "yardstick.elf");
        NativeToolchain.Run(NativeToolchain.Linker, ["-static", "-nostdlib", "--gc-sections", "-T", Path.Combine(repo.Root, "linker", "virt.ld"), .. objects, "-o", elf]);
        return elf;
    }
}
