using System.CommandLine;
using Rvc.Driver;

namespace Rvc;

/// <summary>rvc's command line (<c>rvc --help</c>):
/// <c>rvc compile INPUT.dll [-r REF.dll]... --arch rv32|rv64|host -o OUT [--emit-llvm FILE.ll] [-O0|-O1|-O2|-O3]</c> (used by MSBuild) and
/// <c>rvc build FILE.cs [FILE.cs]... --arch rv32|rv64|host -o OUT [--emit-llvm FILE.ll]</c> (C# sources, bflat style).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return CommandLineTool.Invoke(CreateCommand(), args, "rvc: error: ");
        }
        catch (Exception e) when (e is ToolchainException or ArgumentException)
        {
            Console.Error.WriteLine($"rvc: error: {e.Message}");
            return 1;
        }
    }

    public static RootCommand CreateCommand()
    {
        var root = new RootCommand("rvc: compiles C# (through its IL) to a bare-metal RISC-V or a host executable with LLVM.") { HelpName = "rvc" };
        root.Subcommands.Add(Create("compile", "compile one assembly (what MSBuild's RvcCompile target runs)",
            new Argument<string>("INPUT.dll") { Description = "the assembly to compile" }, references: true,
            (input, refs, arch, output, llvm, o) => Toolchain.BuildAssembly(input, refs, arch, output, llvm, o)));
        root.Subcommands.Add(Create("build", "compile C# source files (bflat style: Roslyn, then as compile)",
            new Argument<string[]>("FILE.cs") { Description = "the C# source files", Arity = ArgumentArity.OneOrMore }, references: false,
            (sources, _, arch, output, llvm, o) => Toolchain.BuildSources(sources, arch, output, llvm, o)));
        CommandLineTool.ConfigureHelp(root);
        return root;
    }

    private static Command Create<T>(string name, string description, Argument<T> inputs, bool references,
                                     Func<T, List<string>, TargetArch, string, string?, int, BuildResult> build)
    {
        var arch = ArchOption.Create("the arch to compile for (default rv64)");
        var output = new Option<string>("-o") { HelpName = "OUT", Description = "the executable to write", Required = true };
        var llvm = new Option<string>("--emit-llvm") { HelpName = "FILE.ll", Description = "also write the LLVM IR to FILE.ll" };
        var refs = new Option<string[]>("-r") { HelpName = "REF.dll", Description = "a referenced assembly (may be repeated)" };
        var optimization = OptimizationOption.Create();
        var command = new Command(name, description) { inputs, arch, output, llvm, optimization };
        if (references)
            command.Options.Add(refs);
        CommandLineTool.RejectRepeats(command, refs);
        command.SetAction(result =>
        {
            var built = build(result.GetValue(inputs)!, [.. result.GetValue(refs) ?? []], result.GetValue(arch) ?? TargetArch.RiscV64,
                              result.GetValue(output)!, result.GetValue(llvm), result.GetValue(optimization));
            foreach (var d in built.Diagnostics)
                Console.Error.WriteLine(d);
            return built.Success ? 0 : 1;
        });
        return command;
    }
}
