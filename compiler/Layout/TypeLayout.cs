using Mono.Cecil;

namespace Rvc.Layout;

/// <summary>The memory layout of one closed type: its size, alignment and the offset of each instance
/// field. For classes the offsets include the object header (the MethodTable pointer).</summary>
public sealed class TypeLayout
{
    public int Size { get; }
    public int Alignment { get; }
    public IReadOnlyDictionary<FieldDefinition, int> FieldOffsets { get; }

    public TypeLayout(int size, int alignment, IReadOnlyDictionary<FieldDefinition, int> fieldOffsets)
    {
        Size = size;
        Alignment = alignment;
        FieldOffsets = fieldOffsets;
    }
}
