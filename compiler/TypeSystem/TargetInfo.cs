using Rvc.Driver;

namespace Rvc.TypeSystem;

/// <summary>What the compiler needs to know about the machine it compiles for.</summary>
public sealed class TargetInfo
{
    public TargetArch Arch { get; }
    public int PointerSize { get; }
    public string Triple { get; }
    public string DataLayout { get; }
    /// <summary>The clang flags that select the instruction set and ABI.</summary>
    public IReadOnlyList<string> ClangFlags { get; }

    TargetInfo(TargetArch arch, int pointerSize, string triple, string dataLayout, params string[] clangFlags)
    {
        Arch = arch;
        PointerSize = pointerSize;
        Triple = triple;
        DataLayout = dataLayout;
        ClangFlags = clangFlags;
    }

    public bool IsRiscV => Arch != TargetArch.Host;

    /// <summary>The LLVM integer type of a native int.</summary>
    public string NativeInt => PointerSize == 8 ? "i64" : "i32";

    public static TargetInfo For(TargetArch arch) => arch switch
    {
        TargetArch.RiscV32 => new TargetInfo(arch, 4, "riscv32-unknown-none-elf",
            "e-m:e-p:32:32-i64:64-n32-S128", "--target=riscv32-unknown-none-elf", "-march=rv32gc", "-mabi=ilp32d", "-mcmodel=medany"),
        TargetArch.RiscV64 => new TargetInfo(arch, 8, "riscv64-unknown-none-elf",
            "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128", "--target=riscv64-unknown-none-elf", "-march=rv64gc", "-mabi=lp64d", "-mcmodel=medany"),
        TargetArch.Host => new TargetInfo(arch, 8, "x86_64-unknown-linux-gnu",
            "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128", "--target=x86_64-unknown-linux-gnu", "-fno-pic"),
        _ => throw new ArgumentOutOfRangeException(nameof(arch)),
    };
}
