namespace System.Runtime.CompilerServices;

/// <summary>
/// Makes a struct with one field an array of <see cref="Length"/> such fields: the compiler
/// must size the struct as Length * sizeof(field). Roslyn indexes it through
/// <c>Unsafe.As</c>/<c>Unsafe.Add</c> and <c>MemoryMarshal.CreateSpan</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Struct, AllowMultiple = false)]
public sealed class InlineArrayAttribute : Attribute
{
    public InlineArrayAttribute(int length)
    {
        Length = length;
    }

    public int Length { get; }
}
