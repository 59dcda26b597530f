using System.Text;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

/// <summary>DWARF debug information from the portable PDB, as LLVM debug metadata: one compile unit, a
/// <c>DIFile</c> per C# document, a <c>DISubprogram</c> per compiled method, a <c>DILocation</c> on every
/// instruction (from the sequence points) and a <c>DILocalVariable</c> for each named local and parameter
/// with its type (primitives, pointers, structs with their fields), so that gdb can break at a C# file and
/// line, step through C# source and print variables. Metadata numbering starts high to leave the low
/// numbers to the module flags.</summary>
public sealed class DebugInfoBuilder
{
    readonly StringBuilder nodes = new();
    readonly Dictionary<string, int> files = [];
    readonly Dictionary<(int Scope, int Line, int Column), int> locations = [];
    int next = 100;
    readonly int compileUnit;
    readonly int emptyType;
    readonly int producerFile;

    readonly TypeSystemContext types;
    readonly Dictionary<string, int> debugTypes = [];

    public DebugInfoBuilder(string mainAssemblyPath, TypeSystemContext types)
    {
        this.types = types;
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
        scopeFiles[id] = file;
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

    /// <summary>A local variable or (with <paramref name="argument"/> &gt; 0) a parameter of a subprogram.</summary>
    public int Variable(int scope, string name, int argument, int line, TypeReference type)
    {
        int typeId = Type(type);
        int id = next++;
        string arg = argument > 0 ? $", arg: {argument}" : "";
        nodes.Append($"!{id} = !DILocalVariable(name: {LlvmText.Quote(name)}{arg}, scope: !{scope}, file: !{FileOfScope(scope)}, line: {line}, type: !{typeId})\n");
        return id;
    }

    readonly Dictionary<int, int> scopeFiles = [];

    int FileOfScope(int scope) => scopeFiles[scope];

    /// <summary>The DWARF type of a closed type. Structs list their fields; references to objects are
    /// pointers to an opaque structure of the class's name.</summary>
    public int Type(TypeReference type)
    {
        string key = type.FullName;
        if (debugTypes.TryGetValue(key, out int id))
            return id;
        id = next++;
        debugTypes[key] = id;
        int pointerBits = types.Target.PointerSize * 8;
        var kind = types.Classify(type);
        string Basic(string name, int bits, string encoding) => $"!DIBasicType(name: \"{name}\", size: {bits}, encoding: {encoding})";
        string node = kind switch
        {
            ValueKind.Bool => Basic("bool", 8, "DW_ATE_boolean"),
            ValueKind.Char => Basic("char", 16, "DW_ATE_UTF"),
            ValueKind.I1 => Basic("sbyte", 8, "DW_ATE_signed"),
            ValueKind.U1 => Basic("byte", 8, "DW_ATE_unsigned"),
            ValueKind.I2 => Basic("short", 16, "DW_ATE_signed"),
            ValueKind.U2 => Basic("ushort", 16, "DW_ATE_unsigned"),
            ValueKind.I4 => Basic("int", 32, "DW_ATE_signed"),
            ValueKind.U4 => Basic("uint", 32, "DW_ATE_unsigned"),
            ValueKind.I8 => Basic("long", 64, "DW_ATE_signed"),
            ValueKind.U8 => Basic("ulong", 64, "DW_ATE_unsigned"),
            ValueKind.NInt => Basic("nint", pointerBits, "DW_ATE_signed"),
            ValueKind.NUInt => Basic("nuint", pointerBits, "DW_ATE_unsigned"),
            ValueKind.R4 => Basic("float", 32, "DW_ATE_float"),
            ValueKind.R8 => Basic("double", 64, "DW_ATE_float"),
            ValueKind.Pointer or ValueKind.ByRef => Pointer(type, pointerBits),
            ValueKind.Object => $"!DIDerivedType(tag: DW_TAG_pointer_type, baseType: !{Opaque(type)}, size: {pointerBits})",
            ValueKind.Struct => Structure(type),
            _ => Basic("void", 8, "DW_ATE_unsigned"),
        };
        nodes.Append($"!{id} = {node}\n");
        return id;
    }

    string Pointer(TypeReference type, int pointerBits)
    {
        string tag = type is ByReferenceType ? "DW_TAG_reference_type" : "DW_TAG_pointer_type";
        TypeReference? element = (type as TypeSpecification)?.ElementType;
        string baseType = element == null || element.FullName == "System.Void" || type is FunctionPointerType ? "null" : $"!{Type(element)}";
        return $"!DIDerivedType(tag: {tag}, baseType: {baseType}, size: {pointerBits})";
    }

    int Opaque(TypeReference type)
    {
        string key = "opaque:" + type.FullName;
        if (debugTypes.TryGetValue(key, out int id))
            return id;
        id = next++;
        debugTypes[key] = id;
        nodes.Append($"!{id} = !DICompositeType(tag: DW_TAG_structure_type, name: {LlvmText.Quote(type.FullName)}, flags: DIFlagFwdDecl)\n");
        return id;
    }

    string Structure(TypeReference type)
    {
        var layout = types.Layouts.GetLayout(type);
        var context = GenericContext.ForType(type);
        var members = new List<int>();
        foreach (var (field, offset) in layout.FieldOffsets.OrderBy(kv => kv.Value))
        {
            var fieldType = context.Substitute(field.FieldType);
            int fieldTypeId = Type(fieldType);
            int member = next++;
            int bits = types.SizeOf(fieldType) * 8;
            nodes.Append($"!{member} = !DIDerivedType(tag: DW_TAG_member, name: {LlvmText.Quote(field.Name)}, baseType: !{fieldTypeId}, size: {bits}, offset: {offset * 8})\n");
            members.Add(member);
        }
        int elements = next++;
        nodes.Append($"!{elements} = !{{{string.Join(", ", members.Select(m => "!" + m))}}}\n");
        return $"!DICompositeType(tag: DW_TAG_structure_type, name: {LlvmText.Quote(type.Name)}, size: {layout.Size * 8}, align: {layout.Alignment * 8}, elements: !{elements})";
    }

    /// <summary>Writes the metadata nodes and adds the module flags debug information needs.</summary>
    public void AppendModuleMetadata(StringBuilder sb, List<string> flags)
    {
        // No .debug_names: it would index this unit alone, and gdb would then reject the boot code's .debug_aranges
        // ("debug_info_offset 0 does not exist"); without an index gdb reads every unit itself.
        sb.Append($"!llvm.dbg.cu = !{{!{compileUnit}}}\n");
        sb.Append($"!{compileUnit} = distinct !DICompileUnit(language: DW_LANG_C_plus_plus, file: !{producerFile}, producer: \"rvc\", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, nameTableKind: None)\n");
        sb.Append(nodes);
        flags.Add("!{i32 7, !\"Dwarf Version\", i32 5}");
        flags.Add("!{i32 2, !\"Debug Info Version\", i32 3}");
    }
}
