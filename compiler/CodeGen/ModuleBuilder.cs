using System.Text;
using Mono.Cecil;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

/// <summary>Stage 5, module emission: collects the functions the code generator produced and the data
/// they refer to (static fields, RVA data, string literals, MethodTables, declarations of imported
/// symbols and LLVM intrinsics) and writes one textual LLVM module.</summary>
public sealed class ModuleBuilder
{
    readonly TypeSystemContext types;
    readonly StringBuilder functions = new();
    readonly SortedDictionary<string, string> declarations = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> globals = new(StringComparer.Ordinal);
    readonly List<string> globalOrder = [];
    readonly Dictionary<string, string> stringLiterals = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> methodTables = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> staticFields = new(StringComparer.Ordinal);

    /// <summary>DWARF line tables, when the program has PDBs.</summary>
    public DebugInfoBuilder? Debug { get; set; }

    public ModuleBuilder(TypeSystemContext types)
    {
        this.types = types;
    }

    public TargetInfo Target => types.Target;

    public void AddFunction(string text) => functions.Append(text).Append('\n');

    /// <summary>Declares an external function or intrinsic once, e.g. <c>declare void @rvc_exit(i32)</c>.</summary>
    public void Declare(string name, string declaration) => declarations.TryAdd(name, declaration);

    void AddGlobal(string name, string definition)
    {
        if (globals.TryAdd(name, definition))
            globalOrder.Add(name);
    }

    /// <summary>The global of a static field of a closed type; RVA fields carry their initial bytes.</summary>
    public string StaticField(FieldDefinition field, TypeReference owner, TypeReference fieldType)
    {
        string key = owner.FullName + "::" + field.Name;
        if (staticFields.TryGetValue(key, out var name))
            return name;
        name = LlvmText.Global("S:" + key);
        staticFields[key] = name;
        if (field.InitialValue is { Length: > 0 } data)
        {
            int align = Math.Max(types.AlignOf(fieldType), 8);
            AddGlobal(name, $"{name} = internal global [{data.Length} x i8] c\"{LlvmText.Escape(data)}\", align {align}");
        }
        else
        {
            var (size, align) = types.Layouts.SizeAndAlignment(fieldType);
            AddGlobal(name, $"{name} = internal global [{size} x i8] zeroinitializer, align {align}");
        }
        return name;
    }

    /// <summary>The state byte (0 until the first access) and the trigger function of a type whose static constructor
    /// runs at its first access: the trigger marks the type and runs the constructor through
    /// <c>StartupHelpers.RunTypeInitializer</c>, which turns an exception into a TypeInitializationException.</summary>
    public string TypeInitializerTrigger(string typeName, string cctorSymbol, string runHelperSymbol, string message, out string trigger)
    {
        string state = LlvmText.Global("CCTOR_STATE:" + typeName);
        trigger = LlvmText.Global("CCTOR_RUN:" + typeName);
        if (globals.ContainsKey(state))
            return state;
        AddGlobal(state, $"{state} = internal global i8 0");
        string text = StringLiteral(message);
        AddFunction($"define internal void {trigger}() #0 {{\n  store i8 1, ptr {state}\n  call void {runHelperSymbol}(ptr {cctorSymbol}, ptr {text})\n  ret void\n}}\n");
        return state;
    }

    /// <summary>A constant array of <paramref name="elementType"/> (one per <paramref name="key"/>), e.g. an enum's names.</summary>
    public string ConstantTable(string key, string elementType, IReadOnlyList<string> items)
    {
        string name = LlvmText.Global(key);
        AddGlobal(name, $"{name} = internal constant [{items.Count} x {elementType}] [{string.Join(", ", items)}], align 8");
        return name;
    }

    /// <summary>A string literal object: MethodTable pointer, length, UTF-16 characters and a terminating NUL.</summary>
    public string StringLiteral(string value)
    {
        if (stringLiterals.TryGetValue(value, out var name))
            return name;
        name = "@str." + stringLiterals.Count;
        stringLiterals[value] = name;
        string mt = MethodTable(types.WellKnown("System", "String"));
        var chars = string.Join(", ", value.Select(c => "i16 " + (int)c).Append("i16 0"));
        AddGlobal(name, $"{name} = internal constant {{ ptr, i32, [{value.Length + 1} x i16] }} {{ ptr {mt}, i32 {value.Length}, [{value.Length + 1} x i16] [{chars}] }}, align 8");
        return name;
    }

    /// <summary>The MethodTable of a class: its name (a string literal), its base type's MethodTable and its size.</summary>
    public string MethodTable(TypeReference type)
    {
        string key = type.FullName;
        if (methodTables.TryGetValue(key, out var name))
            return name;
        name = LlvmText.Global("MT:" + key);
        methodTables[key] = name;
        var def = types.Resolve(type);
        string baseMt = def.BaseType == null ? "null" : MethodTable(GenericContext.ForType(type).Substitute(def.BaseType));
        int size = types.Layouts.GetLayout(type).Size;
        string typeName = StringLiteral(key.Replace('/', '+'));
        AddGlobal(name, $"{name} = internal constant {{ ptr, ptr, i32 }} {{ ptr {typeName}, ptr {baseMt}, i32 {size} }}, align 8");
        return name;
    }

    public string Build()
    {
        var sb = new StringBuilder();
        sb.Append("; Generated by rvc, the CIL to LLVM IR compiler of this repository.\n");
        sb.Append($"target datalayout = \"{Target.DataLayout}\"\n");
        sb.Append($"target triple = \"{Target.Triple}\"\n\n");
        foreach (var name in globalOrder)
            sb.Append(globals[name]).Append('\n');
        sb.Append('\n');
        foreach (var decl in declarations.Values)
            sb.Append(decl).Append('\n');
        sb.Append('\n');
        sb.Append(functions);
        // Every function keeps its frame pointer, so that a panic can walk the stack from frame to frame
        // (StackFrames in the core library; docs/abi.md, "Stack traces"): RISC-V s0, x86-64 rbp.
        sb.Append("\nattributes #0 = { nounwind \"frame-pointer\"=\"all\" }\n");
        sb.Append("attributes #1 = { nounwind \"no-builtins\" \"frame-pointer\"=\"all\" }\n");
        sb.Append("attributes #2 = { noreturn nounwind }\n");
        sb.Append("attributes #3 = { returns_twice }\n");
        // [MethodImpl(MethodImplOptions.NoInlining)]: #0 and #1 with noinline.
        sb.Append("attributes #4 = { noinline nounwind \"frame-pointer\"=\"all\" }\n");
        sb.Append("attributes #5 = { noinline nounwind \"no-builtins\" \"frame-pointer\"=\"all\" }\n");
        var flags = new List<string>();
        if (Target.IsRiscV)
        {
            flags.Add($"!{{i32 1, !\"target-abi\", !\"{(Target.PointerSize == 8 ? "lp64d" : "ilp32d")}\"}}");
            flags.Add("!{i32 1, !\"Code Model\", i32 3}");
        }
        Debug?.AppendModuleMetadata(sb, flags);
        if (flags.Count > 0)
        {
            var ids = new List<string>();
            for (int i = 0; i < flags.Count; i++)
            {
                sb.Append($"!{i} = {flags[i]}\n");
                ids.Add($"!{i}");
            }
            sb.Append($"!llvm.module.flags = !{{{string.Join(", ", ids)}}}\n");
        }
        return sb.ToString();
    }
}
