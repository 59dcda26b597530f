namespace System;

using System.Runtime.CompilerServices;

/// <summary>Element loops shared by <see cref="Span{T}"/> and <see cref="ReadOnlySpan{T}"/>.</summary>
internal static class SpanHelpers
{
    /// <summary>
    /// Copies <paramref name="count"/> elements; the ranges may overlap (spans can alias).
    /// Element by element so it works for any <typeparamref name="T"/>; LLVM may turn
    /// the loop into a call to the core library's <c>memmove</c>.
    /// </summary>
    public static void Memmove<T>(ref T destination, ref T source, nint count)
    {
        if (Unsafe.IsAddressGreaterThan(ref destination, ref source))
        {
            // Destination after source: copy from the end so an overlap does not clobber unread elements.
            while (count > 0)
            {
                count--;
                Unsafe.Add(ref destination, count) = Unsafe.Add(ref source, count);
            }
        }
        else
        {
            for (nint i = 0; i < count; i++)
            {
                Unsafe.Add(ref destination, i) = Unsafe.Add(ref source, i);
            }
        }
    }
}
