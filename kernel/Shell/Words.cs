namespace Kernel.Shell;

using System;

/// <summary>Splits a command line into words separated by runs of spaces, without copying: each word is a slice of
/// the line.</summary>
public ref struct Words
{
    ReadOnlySpan<byte> _rest;

    public Words(ReadOnlySpan<byte> line) => _rest = line;

    /// <summary>The next word, or an empty span at the end of the line.</summary>
    public ReadOnlySpan<byte> Next()
    {
        SkipSpaces();
        int end = _rest.IndexOf((byte)' ');
        ReadOnlySpan<byte> word = end < 0 ? _rest : _rest.Slice(0, end);
        _rest = end < 0 ? default : _rest.Slice(end);
        return word;
    }

    /// <summary>Everything after the words taken so far, leading spaces skipped (inner and trailing ones kept).</summary>
    public ReadOnlySpan<byte> Rest()
    {
        SkipSpaces();
        return _rest;
    }

    /// <summary>Whether no word is left.</summary>
    public bool AtEnd
    {
        get
        {
            SkipSpaces();
            return _rest.IsEmpty;
        }
    }

    void SkipSpaces()
    {
        int i = 0;
        while (i < _rest.Length && _rest[i] == (byte)' ')
        {
            i++;
        }

        _rest = _rest.Slice(i);
    }
}
