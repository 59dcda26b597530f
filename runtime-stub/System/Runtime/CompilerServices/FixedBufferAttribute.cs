namespace System.Runtime.CompilerServices;

/// <summary>
/// Emitted by Roslyn on a <c>fixed T name[N]</c> field, whose type is a synthesized nested
/// struct of one <c>T</c> field with an explicit size of N * sizeof(T) (ClassLayout).
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class FixedBufferAttribute : Attribute
{
    public FixedBufferAttribute(Type elementType, int length)
    {
        ElementType = elementType;
        Length = length;
    }

    public Type ElementType { get; }

    public int Length { get; }
}
