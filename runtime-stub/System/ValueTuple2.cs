namespace System;

/// <summary>
/// The tuple type behind <c>(a, b)</c>; Roslyn needs it even for <c>(x, y) = (y, x)</c>.
/// A plain struct: no equality or formatting members.
/// </summary>
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
