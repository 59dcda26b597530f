namespace System;

/// <summary>
/// A position counted from the start or (<c>^n</c>) from the end. Roslyn needs the type for
/// <c>^</c> and, on spans, lowers <c>span[^1]</c> to <c>span[span.Length - 1]</c>.
/// Stored as in CoreCLR: the value, or its complement when counted from the end.
/// </summary>
public readonly struct Index
{
    private readonly int _value;

    public Index(int value, bool fromEnd = false)
    {
        if (value < 0)
        {
            ThrowHelper.ThrowValueArgumentOutOfRange_NeedNonNegNumException();
        }

        _value = fromEnd ? ~value : value;
    }

    private Index(int value)
    {
        _value = value;
    }

    public static Index Start => new Index(0);

    public static Index End => new Index(~0);

    public static Index FromStart(int value)
    {
        if (value < 0)
        {
            ThrowHelper.ThrowValueArgumentOutOfRange_NeedNonNegNumException();
        }

        return new Index(value);
    }

    public static Index FromEnd(int value)
    {
        if (value < 0)
        {
            ThrowHelper.ThrowValueArgumentOutOfRange_NeedNonNegNumException();
        }

        return new Index(~value);
    }

    public int Value => _value < 0 ? ~_value : _value;

    public bool IsFromEnd => _value < 0;

    /// <summary>The offset from the start in a sequence of <paramref name="length"/> elements (not range-checked, as in .NET).</summary>
    public int GetOffset(int length)
    {
        int offset = _value;
        if (IsFromEnd)
        {
            // ~_value counted from the end is length - ~_value == _value + length + 1.
            offset += length + 1;
        }

        return offset;
    }

    public static implicit operator Index(int value) => FromStart(value);
}
