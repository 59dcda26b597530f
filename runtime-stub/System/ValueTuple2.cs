namespace System;

using System.Runtime.InteropServices;

/// <summary>
/// The tuple type behind <c>(a, b)</c>; Roslyn needs it even for <c>(x, y) = (y, x)</c>.
/// A plain struct: no equality or formatting members. Auto layout, as in .NET: CoreCLR places the fields
/// by decreasing size, so <c>sizeof((byte, long, byte))</c> is 16, not 24.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public struct ValueTuple<T1, T2>
{
    public T1 Item1;
    public T2 Item2;

    public ValueTuple(T1 item1, T2 item2)
    {
        Item1 = item1;
        Item2 = item2;
    }
}
