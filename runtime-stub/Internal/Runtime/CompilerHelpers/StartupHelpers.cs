namespace Internal.Runtime.CompilerHelpers;

using System.Runtime.CompilerServices;

/// <summary>The compiler's allocation helper, found by name (docs/abi.md).</summary>
public static unsafe class StartupHelpers
{
    private const int HeapSize = 64 * 1024;

    // Objects are aligned to 8 bytes, enough for any field on every target.
    private const nuint Alignment = 8;

    // The only heap: exception objects, never freed (a throw ends the program anyway).
    // In .bss, so it starts zeroed and every object's fields start at their default.
    // Only its address is used, so C# never assigns it.
#pragma warning disable CS0649
    private static Heap s_heap;
#pragma warning restore CS0649

    // Bytes of s_heap handed out so far.
    private static nuint s_used;

    /// <summary>
    /// Runs a static constructor at the first access to its type (docs/abi.md, "Type initialisers"); the compiler's
    /// trigger has marked the type as initialised already, so an access from the constructor itself does not run it
    /// again. An exception escaping it continues as a TypeInitializationException with
    /// <paramref name="message"/>, the original as its inner exception.
    /// </summary>
    public static void RunTypeInitializer(delegate*<void> typeInitializer, string message)
    {
        bool completed = false;
        try
        {
            typeInitializer();
            completed = true;
        }
        finally
        {
            if (!completed)
            {
                ExceptionHelpers.WrapPending(message);
            }
        }
    }

    /// <summary>
    /// Allocates an instance of <paramref name="type"/> (BaseSize bytes, zeroed) and stores
    /// the MethodTable pointer in its first word. Used for <c>newobj</c> of exception classes.
    /// </summary>
    public static object Allocate(MethodTable* type)
    {
        nuint heapStart = (nuint)Unsafe.AsPointer(ref s_heap);
        nuint heapEnd = heapStart + HeapSize;

        // Align the address itself: the static's own alignment is up to the compiler.
        nuint address = (heapStart + s_used + (Alignment - 1)) & ~(Alignment - 1);
        nuint size = (type->BaseSize + (Alignment - 1)) & ~(Alignment - 1);
        if (address > heapEnd || size > heapEnd - address)
        {
            ThrowHelpers.Panic("out of memory for exception objects");
        }

        s_used = address + size - heapStart;
        *(MethodTable**)address = type;

        // Reinterpret the address as an object reference.
        return Unsafe.Read<object>(&address);
    }

    // A fixed-size buffer: Roslyn gives the nested struct an explicit size of HeapSize bytes.
    private struct Heap
    {
        public fixed ulong Words[HeapSize / sizeof(ulong)];
    }
}
