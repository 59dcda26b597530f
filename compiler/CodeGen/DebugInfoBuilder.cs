using System.Text;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Rvc.CodeGen;

/// <summary>DWARF line information from the portable PDB's sequence points, as LLVM debug metadata:
/// one compile unit, a <c>DIFile</c> per C# document, a <c>DISubprogram</c> per compiled method and a
/// <c>DILocation</c> on every instruction, so that gdb can break at a C# file and line and step through
/// C# source. Metadata numbering starts high to leave the low numbers to the module flags.</summary>
public sealed class DebugInfoBuilder
{
    readonly StringBuilder nodes = new();
    readonly Dictionary<string, int> files = [];
    readonly Dictionary<(int Scope, int Line, int Column), int> locations = [];
    int next = 100;
    readonly int compileUnit;
    readonly int emptyType;
    readonly int producerFile;

    public DebugInfoBuilder(string mainAssemblyPath)
    {
        compileUnit = next++;
        producerFile = File(Path.GetFullPath(mainAssemblyPath));
        emptyType = next++;
        nodes.Append($"!{emptyType} = !DISubroutineType(types: !{{}})\n");
        // The compile unit is written last, when every file is known.
    }

    int File(string path)
    {
        if (files.TryGetValue(path, out int id))
            return id;
        id = next++;
        files[path] = id;
        string dir = Path.GetDirectoryName(path) ?? "";
        nodes.Append($"!{id} = !DIFile(filename: {LlvmText.Quote(Path.GetFileName(path))}, directory: {LlvmText.Quote(dir)})\n");
        return id;
    }

    /// <summary>The subprogram of a method with sequence points, or null for one without (no debug info).</summary>
    public int? Subprogram(MethodDefinition method, string name, string linkageName)
    {
        var first = method.DebugInformation.HasSequencePoints
            ? method.DebugInformation.SequencePoints.FirstOrDefault(p => !p.IsHidden)
            : null;
        if (first == null)
            return null;
        int file = File(first.Document.Url);
        int id = next++;
        nodes.Append($"!{id} = distinct !DISubprogram(name: {LlvmText.Quote(name)}, linkageName: {LlvmText.Quote(linkageName)}, scope: !{file}, file: !{file}, line: {first.StartLine}, type: !{emptyType}, scopeLine: {first.StartLine}, spFlags: DISPFlagDefinition, unit: !{compileUnit})\n");
        return id;
    }

    public int Location(int scope, SequencePoint point) => Location(scope, point.StartLine, point.StartColumn);

    public int Location(int scope, int line, int column)
    {
        if (locations.TryGetValue((scope, line, column), out int id))
            return id;
        id = next++;
        locations[(scope, line, column)] = id;
        nodes.Append($"!{id} = !DILocation(line: {line}, column: {column}, scope: !{scope})\n");
        return id;
    }

    /// <summary>Writes the metadata nodes and adds the module flags debug information needs.</summary>
    public void AppendModuleMetadata(StringBuilder sb, List<string> flags)
    {
        sb.Append($"!llvm.dbg.cu = !{{!{compileUnit}}}\n");
        sb.Append($"!{compileUnit} = distinct !DICompileUnit(language: DW_LANG_C_plus_plus, file: !{producerFile}, producer: \"rvc\", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)\n");
        sb.Append(nodes);
        flags.Add("!{i32 7, !\"Dwarf Version\", i32 5}");
        flags.Add("!{i32 2, !\"Debug Info Version\", i32 3}");
    }
}
