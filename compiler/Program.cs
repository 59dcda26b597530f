using Rvc.Driver;

namespace Rvc;

/// <summary>rvc's command line:
/// <c>rvc compile INPUT.dll [-r REF.dll]... --arch rv32|rv64|host -o OUT [--emit-llvm FILE.ll] [-O0|-O1|-O2|-O3] [--boot FILE.S]... [--linker-script FILE.ld]</c> (used by MSBuild) and
/// <c>rvc build FILE.cs [FILE.cs]... --arch rv32|rv64|host -o OUT [--emit-llvm FILE.ll]</c> (C# sources, bflat style).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (Exception e) when (e is ToolchainException or ArgumentException)
        {
            Console.Error.WriteLine($"rvc: error: {e.Message}");
            return 1;
        }
    }

    static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("usage: rvc compile INPUT.dll [-r REF.dll]... --arch rv32|rv64|host -o OUT [--emit-llvm FILE.ll] [-O0|-O1|-O2|-O3] [--boot FILE.S]... [--linker-script FILE.ld]");
            Console.WriteLine("       rvc build FILE.cs [FILE.cs]... --arch rv32|rv64|host -o OUT [--emit-llvm FILE.ll] [-O0|-O1|-O2|-O3]");
            Console.WriteLine("The default is -O2; -O0 keeps every C# line steppable in gdb. --boot and --linker-script replace the");
            Console.WriteLine("toolchain's boot code and linker script (a program with its own entry, e.g. an S-mode kernel).");
            return args.Length == 0 ? 1 : 0;
        }
        string verb = args[0];
        var inputs = new List<string>();
        var references = new List<string>();
        var bootSources = new List<string>();
        string? linkerScript = null;
        string? output = null, arch = null, llvm = null;
        int optimization = 2;
        for (int i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "-r": references.Add(Value()); break;
                case "-o": output = Value(); break;
                case "--arch": arch = Value(); break;
                case "--emit-llvm": llvm = Value(); break;
                case "--boot": bootSources.Add(Value()); break;
                case "--linker-script": linkerScript = Value(); break;
                case "-O0": optimization = 0; break;
                case "-O1": optimization = 1; break;
                case "-O2": optimization = 2; break;
                case "-O3": optimization = 3; break;
                default:
                    if (args[i].StartsWith('-'))
                        throw new ArgumentException($"unknown option '{args[i]}'");
                    inputs.Add(args[i]);
                    break;
            }
        }
        if (output == null)
            throw new ArgumentException("-o OUT is required");
        if (inputs.Count == 0)
            throw new ArgumentException("no input given");
        var target = Toolchain.ParseArch(arch ?? "rv64");
        BuildResult result = verb switch
        {
            "compile" when inputs.Count == 1 => Toolchain.BuildAssembly(inputs[0], references, target, output, llvm, optimization,
                bootSources.Count > 0 || linkerScript != null ? new LinkInputs(bootSources, linkerScript) : null),
            "compile" => throw new ArgumentException("compile takes one input assembly"),
            "build" => Toolchain.BuildSources(inputs, target, output, llvm, optimization),
            _ => throw new ArgumentException($"unknown command '{verb}': expected compile or build"),
        };
        foreach (var d in result.Diagnostics)
            Console.Error.WriteLine(d);
        return result.Success ? 0 : 1;
    }
}
