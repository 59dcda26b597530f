using System.CommandLine;
using Rvc.Driver;

namespace Rvc.Launcher.Commands;

/// <summary><c>./run.sh build FILE.cs [FILE.cs...] --arch A -o OUT [-O0..-O3] [--emit-llvm FILE.ll]</c>: compiles C#
/// files with rvc to an executable.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("FILE.cs") { Description = "the C# source files", Arity = ArgumentArity.OneOrMore };
        var arch = ArchOption.Create("the arch to compile for");
        arch.Required = true;
        var output = new Option<string>("--output", "-o") { HelpName = "OUT", Description = "the executable to write", Required = true };
        var llvm = new Option<string>("--emit-llvm") { HelpName = "FILE.ll", Description = "also write the LLVM IR to FILE.ll" };
        var optimization = OptimizationOption.Create();
        var command = new Command("build", "compile C# files with rvc to an executable") { sources, arch, output, llvm, optimization };
        CommandLineTool.RejectRepeats(command);
        command.SetAction(result =>
        {
            var files = result.GetValue(sources)!;
            foreach (var file in files)
            {
                if (!File.Exists(file))
                    throw new LauncherException($"{file}: no such file");
            }
            var target = result.GetValue(arch)!.Value;
            Prerequisites.Ensure(Prerequisites.ToolsFor(target, compile: true, boot: false));
            string? ll = result.GetValue(llvm) is { } path ? Path.GetFullPath(path) : null;
            var built = Toolchain.BuildSources(files.Select(Path.GetFullPath).ToList(), target, Path.GetFullPath(result.GetValue(output)!), ll,
                                               result.GetValue(optimization));
            foreach (var diagnostic in built.Diagnostics)
                Console.Error.WriteLine(diagnostic);
            return built.Success ? 0 : 1;
        });
        return command;
    }
}
