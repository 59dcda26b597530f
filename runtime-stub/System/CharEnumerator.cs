namespace System;

/// <summary>
/// What <c>string.GetEnumerator</c> returns. Roslyn needs it to bind <c>foreach</c> over a
/// string, then compiles the loop to indexing. A struct here (a class in .NET) so that an
/// explicit call needs no heap; the members are the same.
/// </summary>
public struct CharEnumerator
{
    private readonly string _str;
    private int _index;

    internal CharEnumerator(string str)
    {
        _str = str;
        _index = -1;
    }

    public bool MoveNext()
    {
        int index = _index + 1;
        if (index < _str.Length)
        {
            _index = index;
            return true;
        }

        return false;
    }

    public readonly char Current => _str[_index];
}
