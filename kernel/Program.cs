using System;
using Internal.Runtime;

namespace Kernel;

/// <summary>A placeholder kernel: prints a banner and exits. The virtio-blk driver comes next.</summary>
public static class Program
{
    public static int Main()
    {
        // RuntimeInformation.Arch is a compile-time constant (docs/abi.md): only one branch is emitted.
        switch (RuntimeInformation.Arch)
        {
            case TargetArch.RiscV32:
                Console.WriteLine("rvc kernel: hello from C# on rv32");
                break;
            case TargetArch.RiscV64:
                Console.WriteLine("rvc kernel: hello from C# on rv64");
                break;
            default:
                Console.WriteLine("rvc kernel: hello from C# on the host");
                break;
        }
        return 0;
    }
}
