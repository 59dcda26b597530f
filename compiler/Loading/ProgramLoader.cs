using Mono.Cecil;
using Mono.Cecil.Cil;
using Rvc.Diagnostics;

namespace Rvc.Loading;

/// <summary>Stage 1, load: reads the program's assembly and every assembly it references, with their
/// portable PDBs (for diagnostics at C# source lines and for debug information), with Mono.Cecil.
/// It is also Cecil's assembly resolver, so that every reference resolves to the one instance loaded here.</summary>
public sealed class ProgramLoader : IAssemblyResolver
{
    readonly Dictionary<string, AssemblyDefinition> byName = new(StringComparer.OrdinalIgnoreCase);
    readonly List<string> searchDirectories = [];

    public AssemblyDefinition MainAssembly { get; }
    public ModuleDefinition CoreLibrary { get; }

    public ProgramLoader(string mainAssemblyPath, IEnumerable<string> referencePaths)
    {
        var references = referencePaths.ToList();
        foreach (string path in references.Prepend(mainAssemblyPath))
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!searchDirectories.Contains(dir))
                searchDirectories.Add(dir);
        }

        MainAssembly = Read(mainAssemblyPath);
        foreach (string reference in references)
            Read(reference);

        // The core library is the assembly that defines System.Object and references nothing.
        CoreLibrary = byName.Values
            .Select(a => a.MainModule)
            .FirstOrDefault(m => m.AssemblyReferences.Count == 0 && m.GetType("System", "Object") != null)
            ?? throw new CompilationException(DiagnosticCode.Program,
                "the core library (System.Private.CoreLib.dll from runtime-stub/) is not among the references");
    }

    AssemblyDefinition Read(string path)
    {
        string pdb = Path.ChangeExtension(path, ".pdb");
        var parameters = new ReaderParameters
        {
            AssemblyResolver = this,
            ReadSymbols = File.Exists(pdb),
            SymbolReaderProvider = new PortablePdbReaderProvider(),
            ReadingMode = ReadingMode.Immediate,
            InMemory = true,
        };
        var assembly = AssemblyDefinition.ReadAssembly(path, parameters);
        byName[assembly.Name.Name] = assembly;
        return assembly;
    }

    public AssemblyDefinition Resolve(AssemblyNameReference name) => Resolve(name, new ReaderParameters());

    public AssemblyDefinition Resolve(AssemblyNameReference name, ReaderParameters parameters)
    {
        if (byName.TryGetValue(name.Name, out var found))
            return found;
        foreach (string dir in searchDirectories)
        {
            string candidate = Path.Combine(dir, name.Name + ".dll");
            if (File.Exists(candidate))
                return Read(candidate);
        }
        throw new CompilationException(DiagnosticCode.Program,
            $"cannot find assembly '{name.Name}': pass it with -r, or remove the reference (only the core library from runtime-stub/ and your own assemblies can be compiled)");
    }

    public void Dispose()
    {
        foreach (var a in byName.Values)
            a.Dispose();
    }
}
