namespace System;

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Internal.Runtime.CompilerHelpers;

/// <summary>
/// An immutable UTF-16 string. Only literals exist (no heap, so no concatenation or
/// formatting); the compiler emits each as <c>[MethodTable*][_stringLength][chars...]'\0'</c>
/// (docs/abi.md), which is why the two fields must keep these names and this order.
/// </summary>
// Object has no virtual Equals/GetHashCode to override (see Object), so the usual advice
// for types that define == does not apply.
#pragma warning disable CS0660, CS0661
public sealed class String
#pragma warning restore CS0660, CS0661
{
    // Written by the compiler in literal data, never by C#.
#pragma warning disable CS0649
    private readonly int _stringLength;
    private char _firstChar;
#pragma warning restore CS0649

    public int Length => _stringLength;

    // "Chars" is the indexer's metadata name in .NET; Roslyn looks up get_Chars for
    // foreach over strings and string switches.
    [IndexerName("Chars")]
    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_stringLength)
            {
                ThrowHelpers.ThrowIndexOutOfRangeException();
            }

            return Unsafe.Add(ref _firstChar, index);
        }
    }

    /// <summary>Roslyn binds <c>foreach</c> over a string to this, then compiles the loop to indexing.</summary>
    public CharEnumerator GetEnumerator() => new CharEnumerator(this);

    /// <summary>Used by <c>fixed (char* p = s)</c>. Objects never move, so pinning is free.</summary>
    public ref readonly char GetPinnableReference() => ref _firstChar;

    /// <summary>The first character; the characters follow it, then a '\0'.</summary>
    internal ref char GetRawStringData() => ref _firstChar;

    /// <summary>Ordinal comparison. Roslyn calls it (via ==) for <c>switch</c> on strings.</summary>
    public static bool Equals(string? a, string? b)
    {
        if ((object?)a == (object?)b)
        {
            return true;
        }

        if (a is null || b is null || a._stringLength != b._stringLength)
        {
            return false;
        }

        ref char x = ref a._firstChar;
        ref char y = ref b._firstChar;
        for (int i = 0; i < a._stringLength; i++)
        {
            if (Unsafe.Add(ref x, i) != Unsafe.Add(ref y, i))
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals([NotNullWhen(true)] string? value) => Equals(this, value);

    /// <summary>FNV-1a over the characters. .NET randomises string hash codes per process, so no program can
    /// depend on their values; this one is only stable.</summary>
    public override int GetHashCode()
    {
        uint hash = 2166136261;
        ref char c = ref _firstChar;
        for (int i = 0; i < _stringLength; i++)
        {
            hash = (hash ^ Unsafe.Add(ref c, i)) * 16777619;
        }

        return (int)hash;
    }

    public static bool IsNullOrEmpty([NotNullWhen(false)] string? value) => value is null || value._stringLength == 0;

    public static bool operator ==(string? a, string? b) => Equals(a, b);

    public static bool operator !=(string? a, string? b) => !Equals(a, b);

    public static implicit operator ReadOnlySpan<char>(string? value) =>
        value is null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);

    // Concatenation makes a new string, which needs a heap. Declared so that Roslyn compiles
    // `a + b`; rvc then reports the call as unsupported (RVC0007) at its source line.
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern string Concat(string? str0, string? str1);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern string Concat(string? str0, string? str1, string? str2);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern string Concat(string? str0, string? str1, string? str2, string? str3);
}
