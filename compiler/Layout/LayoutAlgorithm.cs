using Mono.Cecil;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.Layout;

/// <summary>Stage 3, type layout: computes sizes, alignments and field offsets with CoreCLR's rules, so
/// that <c>sizeof</c> and every field offset of a struct equal CoreCLR's on x64 for rv64 and the host.
/// On rv32 the same rules apply with 4-byte pointers, and 8-byte fields still aligned to 8 (as the
/// RISC-V psABI and CoreCLR on 32-bit ARM do).
/// <list type="bullet">
/// <item>Sequential (C#'s default for structs): fields in declaration order, each at the next multiple of
/// min(its alignment, Pack); the struct's alignment is min(largest field alignment, Pack); the size is
/// rounded up to it, unless <c>Size</c> is given: then it is max(Size, end of the last field), unrounded.</item>
/// <item>Explicit: offsets from <c>[FieldOffset]</c>; the size is the furthest field end, rounded up to
/// the alignment (or max(Size, furthest field end) when <c>Size</c> is given).</item>
/// <item>Auto: as CoreCLR places fields of auto-layout structs: references first, then primitives by decreasing
/// size, then structs; the size rounded as CoreCLR rounds it (<see cref="AutoLayoutSize"/>).</item>
/// <item><c>[InlineArray(n)]</c>: n elements of the single field's type.</item>
/// <item>A struct with no fields has size 1.</item>
/// </list></summary>
public sealed class LayoutAlgorithm
{
    readonly TypeSystemContext types;
    readonly Dictionary<string, TypeLayout> cache = [];
    readonly HashSet<string> inProgress = [];

    public LayoutAlgorithm(TypeSystemContext types)
    {
        this.types = types;
    }

    public TypeLayout GetLayout(TypeReference type)
    {
        string key = type.FullName;
        if (cache.TryGetValue(key, out var layout))
            return layout;
        if (!inProgress.Add(key))
            throw new CompilationException(DiagnosticCode.Unsupported, $"the struct '{type.FullName}' contains itself");
        try
        {
            var def = types.Resolve(type);
            layout = def.IsValueType ? LayOutStruct(type, def) : LayOutClass(type, def);
            cache[key] = layout;
            return layout;
        }
        finally
        {
            inProgress.Remove(key);
        }
    }

    /// <summary>Size and alignment of a value of <paramref name="type"/> when stored in a field or local.</summary>
    public (int Size, int Alignment) SizeAndAlignment(TypeReference type)
    {
        var kind = types.Classify(type);
        int p = types.Target.PointerSize;
        return kind switch
        {
            ValueKind.Bool or ValueKind.I1 or ValueKind.U1 => (1, 1),
            ValueKind.Char or ValueKind.I2 or ValueKind.U2 => (2, 2),
            ValueKind.I4 or ValueKind.U4 or ValueKind.R4 => (4, 4),
            ValueKind.I8 or ValueKind.U8 or ValueKind.R8 => (8, 8),
            ValueKind.NInt or ValueKind.NUInt or ValueKind.Pointer or ValueKind.ByRef or ValueKind.Object => (p, p),
            ValueKind.Struct => (GetLayout(type).Size, GetLayout(type).Alignment),
            _ => throw new CompilationException(DiagnosticCode.Unsupported, $"the type '{type.FullName}' has no size"),
        };
    }

    TypeLayout LayOutStruct(TypeReference type, TypeDefinition def)
    {
        var context = GenericContext.ForType(type);
        var fields = def.Fields.Where(f => !f.IsStatic).ToList();
        var offsets = new Dictionary<FieldDefinition, int>();

        int? inlineLength = InlineArrayLength(def);
        if (inlineLength is int length)
        {
            if (fields.Count != 1)
                throw new CompilationException(DiagnosticCode.Unsupported, $"the inline array '{type.FullName}' must have exactly one field");
            var (elementSize, elementAlign) = SizeAndAlignment(context.Substitute(fields[0].FieldType));
            offsets[fields[0]] = 0;
            return new TypeLayout(elementSize * length, elementAlign, offsets);
        }

        int pack = def.PackingSize > 0 ? def.PackingSize : 8;
        int classSize = def.ClassSize > 0 ? def.ClassSize : 0;
        int alignment = 1;
        int size = 0;

        if (def.IsExplicitLayout)
        {
            foreach (var field in fields)
            {
                var (fs, fa) = SizeAndAlignment(context.Substitute(field.FieldType));
                int a = Math.Min(fa, pack);
                alignment = Math.Max(alignment, a);
                if (!field.HasLayoutInfo)
                    throw new CompilationException(DiagnosticCode.Unsupported, $"the field '{field.FullName}' of an explicit-layout struct has no [FieldOffset]");
                offsets[field] = field.Offset;
                size = Math.Max(size, field.Offset + fs);
            }
        }
        else
        {
            IEnumerable<FieldDefinition> order = fields;
            if (def.IsAutoLayout && !def.IsSequentialLayout)
                order = AutoOrder(fields, context);
            foreach (var field in order)
            {
                var (fs, fa) = SizeAndAlignment(context.Substitute(field.FieldType));
                int a = Math.Min(fa, pack);
                alignment = Math.Max(alignment, a);
                size = AlignUp(size, a);
                offsets[field] = size;
                size += fs;
            }
        }

        if (fields.Count == 0)
            size = Math.Max(size, 1);
        if (def.IsAutoLayout && !def.IsSequentialLayout && !def.IsExplicitLayout && classSize == 0 && fields.Count > 0)
            return new TypeLayout(AutoLayoutSize(size), alignment, offsets);
        // With [StructLayout(Size = N)] CoreCLR takes max(N, end of the last field) as it is, not rounded
        // up to the alignment: Size = 13 over { long; byte; } gives 13.
        size = classSize > 0 ? Math.Max(size, classSize) : AlignUp(size, alignment);
        return new TypeLayout(size, alignment, offsets);
    }

    IEnumerable<FieldDefinition> AutoOrder(List<FieldDefinition> fields, GenericContext context)
    {
        // CoreCLR's auto layout (ValueTuple, [StructLayout(LayoutKind.Auto)]): object references first, then
        // the primitive fields by decreasing size, then the struct fields, keeping declaration order among equals.
        return fields
            .Select((f, i) => (f, i, kind: types.Classify(context.Substitute(f.FieldType)), sa: SizeAndAlignment(context.Substitute(f.FieldType))))
            .OrderBy(x => x.kind == ValueKind.Object ? 0 : x.kind == ValueKind.Struct ? 2 : 1)
            .ThenByDescending(x => x.kind == ValueKind.Struct ? 0 : x.sa.Size)
            .ThenBy(x => x.i)
            .Select(x => x.f);
    }

    /// <summary>CoreCLR rounds an auto-layout struct's size up to the next power of two while it is at most 8 bytes,
    /// and to a multiple of 8 beyond (its x64 numbers, which rv32 keeps too): sizeof((int, byte, int)) is 16.</summary>
    static int AutoLayoutSize(int size)
    {
        if (size > 8)
            return AlignUp(size, 8);
        int rounded = 1;
        while (rounded < size)
            rounded *= 2;
        return rounded;
    }

    TypeLayout LayOutClass(TypeReference type, TypeDefinition def)
    {
        // Objects: the base class's fields first (System.Object's MethodTable pointer at offset 0),
        // then this class's fields in declaration order, each naturally aligned. Nothing outside the
        // compiled program observes class layout, so declaration order keeps it readable.
        var offsets = new Dictionary<FieldDefinition, int>();
        int size = 0;
        int alignment = types.Target.PointerSize;
        if (def.BaseType != null)
        {
            var baseLayout = GetLayout(GenericContext.ForType(type).Substitute(def.BaseType));
            foreach (var kv in baseLayout.FieldOffsets)
                offsets[kv.Key] = kv.Value;
            size = baseLayout.Size;
        }
        var context = GenericContext.ForType(type);
        foreach (var field in def.Fields.Where(f => !f.IsStatic))
        {
            var (fs, fa) = SizeAndAlignment(context.Substitute(field.FieldType));
            alignment = Math.Max(alignment, fa);
            size = AlignUp(size, fa);
            offsets[field] = size;
            size += fs;
        }
        return new TypeLayout(AlignUp(size, alignment), alignment, offsets);
    }

    static int? InlineArrayLength(TypeDefinition def)
    {
        foreach (var attribute in def.CustomAttributes)
        {
            if (attribute.AttributeType.FullName == "System.Runtime.CompilerServices.InlineArrayAttribute")
                return (int)attribute.ConstructorArguments[0].Value;
        }
        return null;
    }

    public static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
