using Mono.Cecil;
using Rvc.Diagnostics;
using Rvc.Layout;

namespace Rvc.TypeSystem;

/// <summary>Answers questions about closed types for the later stages: what a type is (its
/// <see cref="ValueKind"/>), its layout, its LLVM type, and where the core library's well-known types are.</summary>
public sealed class TypeSystemContext
{
    readonly Dictionary<string, TypeDefinition> resolved = [];
    readonly Dictionary<string, ValueKind> kinds = [];

    public TargetInfo Target { get; }
    public ModuleDefinition CoreLibrary { get; }
    public LayoutAlgorithm Layouts { get; }

    public TypeSystemContext(TargetInfo target, ModuleDefinition coreLibrary)
    {
        Target = target;
        CoreLibrary = coreLibrary;
        Layouts = new LayoutAlgorithm(this);
    }

    public TypeDefinition Resolve(TypeReference type)
    {
        if (type is TypeDefinition td)
            return td;
        string key = type.FullName;
        if (resolved.TryGetValue(key, out var def))
            return def;
        def = type.Resolve()
            ?? throw new CompilationException(DiagnosticCode.Program, $"cannot resolve the type '{type.FullName}' (is its assembly referenced?)");
        resolved[key] = def;
        return def;
    }

    /// <summary>A type of the core library by namespace and name, e.g. ("System", "String").</summary>
    public TypeDefinition WellKnown(string ns, string name)
        => CoreLibrary.GetType(ns, name)
           ?? throw new CompilationException(DiagnosticCode.Program, $"the core library has no type {ns}.{name}");

    public ValueKind Classify(TypeReference type)
    {
        switch (type)
        {
            case ByReferenceType:
                return ValueKind.ByRef;
            case PointerType:
            case FunctionPointerType:
                return ValueKind.Pointer;
            case RequiredModifierType req:
                return Classify(req.ElementType);
            case OptionalModifierType opt:
                return Classify(opt.ElementType);
            case PinnedType pin:
                return Classify(pin.ElementType);
            case GenericParameter gp:
                throw new InvalidOperationException($"open generic parameter {gp.FullName} reached the type system");
            case ArrayType:
                return ValueKind.Object;
        }
        string key = type.FullName;
        if (kinds.TryGetValue(key, out var kind))
            return kind;
        kind = ClassifyNamed(type);
        kinds[key] = kind;
        return kind;
    }

    ValueKind ClassifyNamed(TypeReference type)
    {
        if (type.Namespace == "System" && type is not GenericInstanceType)
        {
            switch (type.Name)
            {
                case "Void": return ValueKind.Void;
                case "Boolean": return ValueKind.Bool;
                case "Char": return ValueKind.Char;
                case "SByte": return ValueKind.I1;
                case "Byte": return ValueKind.U1;
                case "Int16": return ValueKind.I2;
                case "UInt16": return ValueKind.U2;
                case "Int32": return ValueKind.I4;
                case "UInt32": return ValueKind.U4;
                case "Int64": return ValueKind.I8;
                case "UInt64": return ValueKind.U8;
                case "IntPtr": return ValueKind.NInt;
                case "UIntPtr": return ValueKind.NUInt;
                case "Single": return ValueKind.R4;
                case "Double": return ValueKind.R8;
            }
        }
        var def = Resolve(type);
        if (def.IsEnum)
        {
            var underlying = def.Fields.First(f => !f.IsStatic).FieldType;
            return Classify(underlying);
        }
        return def.IsValueType ? ValueKind.Struct : ValueKind.Object;
    }

    public int SizeOf(TypeReference type) => Layouts.SizeAndAlignment(type).Size;

    public int AlignOf(TypeReference type) => Layouts.SizeAndAlignment(type).Alignment;

    /// <summary>The closed type of a field as seen from its closed declaring type.</summary>
    public TypeReference FieldType(FieldReference field, GenericContext context)
    {
        var owner = context.Substitute(field.DeclaringType);
        return GenericContext.ForType(owner).Substitute(field.Resolve().FieldType);
    }

    /// <summary>Whether the field's declared type carries the <c>volatile</c> modifier.</summary>
    public static bool IsVolatileField(FieldDefinition field)
        => field.FieldType is RequiredModifierType req && req.ModifierType.FullName == "System.Runtime.CompilerServices.IsVolatile";

    /// <summary>The LLVM type a value of this type has in a register; structs have none and live in memory.</summary>
    public string LlvmType(TypeReference type) => LlvmType(Classify(type));

    public string LlvmType(ValueKind kind) => kind switch
    {
        ValueKind.Void => "void",
        ValueKind.Bool or ValueKind.I1 or ValueKind.U1 => "i8",
        ValueKind.Char or ValueKind.I2 or ValueKind.U2 => "i16",
        ValueKind.I4 or ValueKind.U4 => "i32",
        ValueKind.I8 or ValueKind.U8 => "i64",
        ValueKind.NInt or ValueKind.NUInt => Target.NativeInt,
        ValueKind.R4 => "float",
        ValueKind.R8 => "double",
        ValueKind.Pointer or ValueKind.ByRef or ValueKind.Object => "ptr",
        ValueKind.Struct => "ptr",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public bool IsDerivedFrom(TypeReference type, string baseFullName)
    {
        TypeReference? current = type;
        while (current != null)
        {
            if (current.FullName == baseFullName)
                return true;
            current = Resolve(current).BaseType;
        }
        return false;
    }
}
