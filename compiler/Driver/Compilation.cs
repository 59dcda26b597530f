using Mono.Cecil;
using Rvc.Analysis;
using Rvc.CodeGen;
using Rvc.Diagnostics;
using Rvc.Loading;
using Rvc.TypeSystem;

namespace Rvc.Driver;

/// <summary>Runs the compiler's stages in order on one program:
/// load (<see cref="ProgramLoader"/>) → dependency analysis (<see cref="DependencyAnalyzer"/>) →
/// type layout (<see cref="Layout.LayoutAlgorithm"/>, on demand) → IR per method (<see cref="MethodCompiler"/>) →
/// module (<see cref="ModuleBuilder"/>). The native stage (<see cref="NativeToolchain"/>) follows in <see cref="Toolchain"/>.</summary>
public static class Compilation
{
    /// <summary>Compiles the program whose entry point is in <paramref name="mainAssembly"/> to LLVM IR text.</summary>
    public static string CompileToLlvm(string mainAssembly, IReadOnlyList<string> references, TargetArch arch)
    {
        using var loader = new ProgramLoader(mainAssembly, references);
        var target = TargetInfo.For(arch);
        var types = new TypeSystemContext(target, loader.CoreLibrary);
        var resolver = new MethodResolver(types);

        var entryDef = loader.MainAssembly.EntryPoint
            ?? throw new CompilationException(DiagnosticCode.Program, $"'{Path.GetFileName(mainAssembly)}' has no entry point: add a 'static int Main()' or 'static void Main()'");
        // Top-level statements: Roslyn's <Main>$ always declares string[] args; it gets null (no heap, no arguments).
        bool topLevelArgs = entryDef.Name == TopLevelEntryName && entryDef.Parameters.Count == 1
                            && entryDef.Parameters[0].ParameterType.FullName == "System.String[]";
        if (entryDef.Parameters.Count != 0 && !topLevelArgs)
            throw new CompilationException(DiagnosticCode.Program, "Main must take no parameters: there are no command-line arguments without a heap (the kernel reads its command line from the device tree)").At(entryDef, null);
        var entry = new MethodDesc(entryDef, entryDef.DeclaringType, []);

        var roots = ExportedMethods(loader.MainAssembly.MainModule)
            .Concat(ExportedMethods(loader.CoreLibrary))
            .Concat(CodeGenContext.HelperRoots(types))
            .ToList();
        var diagnostics = new DiagnosticBag();
        var program = new DependencyAnalyzer(types, resolver, diagnostics).Analyze(entry, roots);

        var module = new ModuleBuilder(types) { Debug = new DebugInfoBuilder(mainAssembly, types) };
        var codegen = new CodeGenContext(types, resolver, module, program.Methods) { LazyStaticConstructors = program.LazyStaticConstructors.ToDictionary(c => c.OwningType.FullName) };
        foreach (var method in program.Methods)
        {
            if (program.FailedMethods.Contains(method.Name))
                continue;
            try
            {
                new MethodCompiler(codegen, method).Compile();
            }
            catch (CompilationException e)
            {
                diagnostics.Add(e);
            }
        }
        diagnostics.ThrowIfErrors();
        EmitManagedEntry(codegen, entry, program.StaticConstructors);
        return module.Build();
    }

    static IEnumerable<MethodDesc> ExportedMethods(ModuleDefinition module)
    {
        foreach (var type in module.GetTypes())
        {
            if (type.HasGenericParameters)
                continue;
            foreach (var m in type.Methods)
            {
                if (m.IsStatic && !m.HasGenericParameters && CodeGenContext.ExportName(m) != null)
                    yield return new MethodDesc(m, type, []);
            }
        }
    }

    /// <summary>The entry point Roslyn synthesizes for top-level statements.</summary>
    const string TopLevelEntryName = "<Main>$";

    /// <summary><c>int rvc_managed_entry(void)</c>, called by the boot code: runs the static constructors
    /// in dependency order, then Main, and returns the exit status.</summary>
    static void EmitManagedEntry(CodeGenContext cg, MethodDesc entry, IReadOnlyList<MethodDesc> staticConstructors)
    {
        var sb = new System.Text.StringBuilder();
        // With a subprogram of its own, the code LLVM inlines into it (Main, static constructors) keeps its lines.
        int? scope = cg.Module.Debug?.Subprogram(entry.Definition, "rvc_managed_entry", "rvc_managed_entry");
        string dbg = scope is int sp ? $", !dbg !{cg.Module.Debug!.Location(sp, Diagnostics.SourceLocation.Find(entry.Definition, null)!)}" : "";
        sb.Append($"define i32 @rvc_managed_entry() #0{(scope is int s ? $" !dbg !{s}" : "")} {{\n");
        foreach (var cctor in staticConstructors)
            sb.Append($"  call void {cg.FunctionName(cctor)}(){dbg}\n");
        var kind = cg.Types.Classify(entry.ReturnType);
        string args = entry.Definition.Parameters.Count == 1 ? "ptr null" : ""; // top-level statements' args
        if (kind == ValueKind.Void)
        {
            sb.Append($"  call void {cg.FunctionName(entry)}({args}){dbg}\n  ret i32 0{dbg}\n");
        }
        else if (kind is ValueKind.I4 or ValueKind.U4)
        {
            sb.Append($"  %status = call i32 {cg.FunctionName(entry)}({args}){dbg}\n  ret i32 %status{dbg}\n");
        }
        else
            throw new CompilationException(DiagnosticCode.Program, "Main must return int or void").At(entry.Definition, null);
        sb.Append("}\n");
        cg.Module.AddFunction(sb.ToString());
    }
}
