namespace System;

using System.Runtime.CompilerServices;
using Internal.Runtime.CompilerHelpers;

/// <summary>
/// A bounds-checked view of contiguous memory: <c>stackalloc</c>, static data, a struct's
/// fields, inline arrays or a raw pointer. There are no array constructors: no heap, no arrays.
/// Field names as in CoreCLR; Roslyn builds spans with the <c>(void*, int)</c> constructor
/// (<c>stackalloc</c>) and <c>MemoryMarshal.CreateSpan</c> (inline arrays, collection expressions).
/// </summary>
public readonly ref struct Span<T>
{
    internal readonly ref T _reference;
    private readonly int _length;

    public unsafe Span(void* pointer, int length)
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
    public Span(T[]? array)
    {
        if (array is not null)
        {
            ThrowHelper.ThrowNotSupportedException();
        }

        this = default;
    }

    /// <summary>See the array constructor; Roslyn binds <c>"..."u8</c> literals through this one.</summary>
    public Span(T[]? array, int start, int length)
    {
        if (array is not null || start != 0 || length != 0)
        {
            ThrowHelper.ThrowNotSupportedException();
        }

        this = default;
    }

    /// <summary>A span of length 1 over <paramref name="reference"/>.</summary>
    public Span(ref T reference)
    {
        _reference = ref reference;
        _length = 1;
    }

    // Unchecked: for callers that already validated the length.
    internal Span(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    public static Span<T> Empty => default;

    public int Length => _length;

    public bool IsEmpty => _length == 0;

    public ref T this[int index]
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

    public Span<T> Slice(int start)
    {
        if ((uint)start > (uint)_length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException();
        }

        return new Span<T>(ref Unsafe.Add(ref _reference, start), _length - start);
    }

    public Span<T> Slice(int start, int length)
    {
        // Two unsigned compares instead of CoreCLR's 64-bit add: the same result, cheaper on rv32.
        if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start))
        {
            ThrowHelper.ThrowArgumentOutOfRangeException();
        }

        return new Span<T>(ref Unsafe.Add(ref _reference, start), length);
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

    public void Fill(T value)
    {
        for (int i = 0; i < _length; i++)
        {
            Unsafe.Add(ref _reference, i) = value;
        }
    }

    public void Clear()
    {
        for (int i = 0; i < _length; i++)
        {
            Unsafe.Add(ref _reference, i) = default!;
        }
    }

    /// <summary>For <c>fixed (T* p = span)</c>: the first element, or a null reference when empty.</summary>
    public ref T GetPinnableReference()
    {
        if (_length == 0)
        {
            return ref Unsafe.NullRef<T>();
        }

        return ref _reference;
    }

    /// <summary>See the array constructor: Roslyn binds <c>new T[] { ... }</c> converted to a span through it, then emits static data.</summary>
    public static implicit operator Span<T>(T[]? array) => new Span<T>(array);

    /// <summary>Roslyn binds <c>foreach</c> to this, then lowers it to an indexed loop.</summary>
    public Enumerator GetEnumerator() => new Enumerator(this);

    public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

    public ref struct Enumerator
    {
        private readonly Span<T> _span;
        private int _index;

        internal Enumerator(Span<T> span)
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

        public readonly ref T Current => ref _span[_index];
    }
}
