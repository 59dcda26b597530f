namespace System.Text;

using System.Runtime.CompilerServices;

/// <summary>
/// Declared so that a record's generated ToString compiles (Roslyn needs it): building a string needs the heap, so
/// the compiler refuses its use with a message that says to override ToString in the record (RVC0007).
/// </summary>
public sealed class StringBuilder
{
    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern StringBuilder();

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern StringBuilder Append(string? value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern StringBuilder Append(char value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern StringBuilder Append(object? value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}
