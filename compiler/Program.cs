using System.CommandLine;
using Rvc.Driver;

namespace Rvc;

/// <summary>rvc's command line (<c>rvc --help</c>):
/// <c>rvc compile INPUT.dll [-r REF.dll]... --arch rv32|rv64|host -o OUT [--emit-llvm FILE.ll] [-O0|-O1|-O2|-O3] [--boot FILE.S]... [--linker-script FILE.ld]</c> (used by MSBuild) and
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
        root.Subcommands.Add(CompileCommand());
        root.Subcommands.Add(BuildCommand());
        CommandLineTool.ConfigureHelp(root);
        return root;
    }

    /// <summary>The options both commands take.</summary>
    private sealed class CommonOptions
    {
        public Option<TargetArch?> Arch { get; } = ArchOption.Create("the arch to compile for (default rv64)");
        public Option<string> Output { get; } = new("-o") { HelpName = "OUT", Description = "the executable to write", Required = true };
        public Option<string> Llvm { get; } = new("--emit-llvm") { HelpName = "FILE.ll", Description = "also write the LLVM IR to FILE.ll" };
        public Option<int> Optimization { get; } = OptimizationOption.Create();

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Arch, Output, Llvm, Optimization })
                command.Options.Add(option);
        }
    }

    private static Command CompileCommand()
    {
        var input = new Argument<string>("INPUT.dll") { Description = "the assembly to compile" };
        var common = new CommonOptions();
        var references = new Option<string[]>("-r") { HelpName = "REF.dll", Description = "a referenced assembly (may be repeated)" };
        var boot = new Option<string[]>("--boot")
        {
            HelpName = "FILE.S",
            Description = "boot code replacing the toolchain's (may be repeated): a program with its own entry, e.g. an S-mode kernel",
        };
        var linkerScript = new Option<string>("--linker-script") { HelpName = "FILE.ld", Description = "a linker script replacing the toolchain's" };
        var command = new Command("compile", "compile one assembly (what MSBuild's RvcCompile target runs)") { input };
        common.AddTo(command);
        command.Options.Add(references);
        command.Options.Add(boot);
        command.Options.Add(linkerScript);
        CommandLineTool.RejectRepeats(command, references, boot);
        command.SetAction(result =>
        {
            var bootSources = result.GetValue(boot) ?? [];
            var script = result.GetValue(linkerScript);
            return Report(Toolchain.BuildAssembly(result.GetValue(input)!, result.GetValue(references) ?? [], result.GetValue(common.Arch) ?? TargetArch.RiscV64,
                result.GetValue(common.Output)!, result.GetValue(common.Llvm), result.GetValue(common.Optimization),
                bootSources.Length > 0 || script != null ? new LinkInputs(bootSources, script) : null));
        });
        return command;
    }

    private static Command BuildCommand()
    {
        var sources = new Argument<string[]>("FILE.cs") { Description = "the C# source files", Arity = ArgumentArity.OneOrMore };
        var common = new CommonOptions();
        var command = new Command("build", "compile C# source files (bflat style: Roslyn, then as compile)") { sources };
        common.AddTo(command);
        CommandLineTool.RejectRepeats(command);
        command.SetAction(result => Report(Toolchain.BuildSources(result.GetValue(sources)!, result.GetValue(common.Arch) ?? TargetArch.RiscV64,
            result.GetValue(common.Output)!, result.GetValue(common.Llvm), result.GetValue(common.Optimization))));
        return command;
    }

    private static int Report(BuildResult built)
    {
        foreach (var d in built.Diagnostics)
            Console.Error.WriteLine(d);
        return built.Success ? 0 : 1;
    }
}
