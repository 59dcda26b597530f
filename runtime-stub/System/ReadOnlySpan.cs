namespace System;

using System.Runtime.CompilerServices;
using Internal.Runtime.CompilerHelpers;

/// <summary>
/// A read-only <see cref="Span{T}"/>. Roslyn builds <c>ReadOnlySpan&lt;byte&gt;</c> over
/// constant data (<c>"..."u8</c>, <c>static ReadOnlySpan&lt;byte&gt; X => [1, 2]</c>) with the
/// <c>(void*, int)</c> constructor on the address of a static data field.
/// </summary>
public readonly ref struct ReadOnlySpan<T>
{
    internal readonly ref T _reference;
    private readonly int _length;

    public unsafe ReadOnlySpan(void* pointer, int length)
    {
        if (length < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException();
        }

        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    /// <summary>
    /// Arrays cannot exist (no heap), so only null can arrive here. Roslyn needs the
    /// constructor to bind collection expressions and <c>params</c> spans, which it then
    /// compiles to inline arrays on the stack or to static data, not to arrays.
    /// </summary>
    public ReadOnlySpan(T[]? array)
    {
        if (array is not null)
        {
            ThrowHelper.ThrowNotSupportedException();
        }

        this = default;
    }

    /// <summary>See the array constructor; Roslyn binds <c>"..."u8</c> literals through this one.</summary>
    public ReadOnlySpan(T[]? array, int start, int length)
    {
        if (array is not null || start != 0 || length != 0)
        {
            ThrowHelper.ThrowNotSupportedException();
        }

        this = default;
    }

    /// <summary>A span of length 1 over <paramref name="reference"/>.</summary>
    public ReadOnlySpan(ref readonly T reference)
    {
        _reference = ref Unsafe.AsRef(in reference);
        _length = 1;
    }

    // Unchecked: for callers that already validated the length.
    internal ReadOnlySpan(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    public static ReadOnlySpan<T> Empty => default;

    public int Length => _length;

    public bool IsEmpty => _length == 0;

    public ref readonly T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length)
            {
                ThrowHelpers.ThrowIndexOutOfRangeException();
            }

            return ref Unsafe.Add(ref _reference, index);
        }
    }

    public ReadOnlySpan<T> Slice(int start)
    {
        if ((uint)start > (uint)_length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException();
        }

        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), _length - start);
    }

    public ReadOnlySpan<T> Slice(int start, int length)
    {
        // Two unsigned compares instead of CoreCLR's 64-bit add: the same result, cheaper on rv32.
        if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start))
        {
            ThrowHelper.ThrowArgumentOutOfRangeException();
        }

        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), length);
    }

    public void CopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length)
        {
            ThrowHelper.ThrowArgumentException_DestinationTooShort();
        }

        SpanHelpers.Memmove(ref destination._reference, ref _reference, _length);
    }

    public bool TryCopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length)
        {
            return false;
        }

        SpanHelpers.Memmove(ref destination._reference, ref _reference, _length);
        return true;
    }

    /// <summary>For <c>fixed (T* p = span)</c>: the first element, or a null reference when empty.</summary>
    public ref readonly T GetPinnableReference()
    {
        if (_length == 0)
        {
            return ref Unsafe.NullRef<T>();
        }

        return ref _reference;
    }

    /// <summary>See the array constructor: Roslyn binds <c>new T[] { ... }</c> converted to a span through it, then emits static data.</summary>
    public static implicit operator ReadOnlySpan<T>(T[]? array) => new ReadOnlySpan<T>(array);

    /// <summary>Roslyn binds <c>foreach</c> to this, then lowers it to an indexed loop.</summary>
    public Enumerator GetEnumerator() => new Enumerator(this);

    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<T> _span;
        private int _index;

        internal Enumerator(ReadOnlySpan<T> span)
        {
            _span = span;
            _index = -1;
        }

        public bool MoveNext()
        {
            int index = _index + 1;
            if (index < _span.Length)
            {
                _index = index;
                return true;
            }

            return false;
        }

        public readonly ref readonly T Current => ref _span[_index];
    }
}
