namespace System;

/// <summary>
/// <c>char</c>: one UTF-16 code unit. The classification methods know Latin-1 (U+0000..U+00FF)
/// exactly as .NET does; beyond it they would need .NET's Unicode category tables, which are
/// not included, so they throw NotSupportedException there (except IsWhiteSpace, whose set is small).
/// </summary>
public readonly partial struct Char : IComparable<char>, IEquatable<char>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly char m_value;
#pragma warning restore CS0169

    public const char MaxValue = (char)0xFFFF;
    public const char MinValue = (char)0x00;

    // The difference, as .NET returns.
    public int CompareTo(char value) => this - value;

    public bool Equals(char obj) => this == obj;

    public static bool IsAscii(char c) => c <= 0x7F;

    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsAsciiLetterLower(char c) => (uint)(c - 'a') <= 'z' - 'a';

    public static bool IsAsciiLetterUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';

    public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

    public static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    /// <summary>Unicode category DecimalDigitNumber: in Latin-1 only '0'..'9'.</summary>
    public static bool IsDigit(char c)
    {
        if (c > 0xFF)
        {
            ThrowHelper.ThrowNotSupportedException_NonLatin1();
        }

        return IsAsciiDigit(c);
    }

    /// <summary>The Unicode letter categories: in Latin-1 A-Z, a-z, ª µ º and U+00C0..U+00FF except × and ÷.</summary>
    public static bool IsLetter(char c)
    {
        if (c > 0xFF)
        {
            ThrowHelper.ThrowNotSupportedException_NonLatin1();
        }

        if (c < 0x80)
        {
            return IsAsciiLetter(c);
        }

        return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
    }

    public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

    /// <summary>Unicode category UppercaseLetter: in Latin-1, A-Z and U+00C0..U+00DE except U+00D7.</summary>
    public static bool IsUpper(char c)
    {
        if (c > 0xFF)
        {
            ThrowHelper.ThrowNotSupportedException_NonLatin1();
        }

        return IsAsciiLetterUpper(c) || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
    }

    /// <summary>Unicode category LowercaseLetter: in Latin-1, a-z, U+00B5 and U+00DF..U+00FF except U+00F7.</summary>
    public static bool IsLower(char c)
    {
        if (c > 0xFF)
        {
            ThrowHelper.ThrowNotSupportedException_NonLatin1();
        }

        return IsAsciiLetterLower(c) || c == 0xB5 || (c >= 0xDF && c != 0xF7);
    }

    public static bool IsHighSurrogate(char c) => (uint)(c - 0xD800) <= 0x3FF;

    public static bool IsLowSurrogate(char c) => (uint)(c - 0xDC00) <= 0x3FF;

    public static bool IsSurrogate(char c) => (uint)(c - 0xD800) <= 0x7FF;

    /// <summary>.NET's white space: the Unicode space separators, line and paragraph separators, and U+0009..U+000D, U+0085.</summary>
    public static bool IsWhiteSpace(char c)
    {
        if (c <= 0xFF)
        {
            return c == ' ' || (uint)(c - '\t') <= '\r' - '\t' || c == 0xA0 || c == 0x85;
        }

        return c == 0x1680 || (uint)(c - 0x2000) <= 0x200A - 0x2000 || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }
}
