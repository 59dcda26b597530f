// Layouts that depend on the pointer size: nint, nuint, pointers and function pointers as fields.
// On rv32 these differ from CoreCLR (64-bit): there the reference is this program with nint as int on CoreCLR,
// with its layout lines (by line number: keep them in step) from clang in ptrsize_struct_layout.rv32.c.
using System;
using System.Runtime.InteropServices;

struct WithPointer
{
    public byte Tag;
    public nint Handle;
    public int Count;
}

unsafe struct Node
{
    public Node* Next;
    public int Value;
    public byte* Name;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
unsafe struct PackedPtr
{
    public byte Tag;
    public void* Ptr;
}

unsafe struct Callbacks
{
    public delegate*<int, int> Transform;
    public short Id;
    public delegate*<void> Reset;
}

[StructLayout(LayoutKind.Explicit)]
struct PtrUnion
{
    [FieldOffset(0)] public nuint Address;
    [FieldOffset(0)] public uint Low;
}

unsafe class Program
{
    static int Main()
    {
        Console.WriteLine(sizeof(nint));
        Console.WriteLine(sizeof(nuint));
        Console.WriteLine(sizeof(void*));
        Console.WriteLine(sizeof(WithPointer));
        WithPointer w = default;
        Console.WriteLine((byte*)&w.Handle - (byte*)&w);
        Console.WriteLine((byte*)&w.Count - (byte*)&w);
        Console.WriteLine(sizeof(Node));
        Node n = default;
        Console.WriteLine((byte*)&n.Value - (byte*)&n);
        Console.WriteLine((byte*)&n.Name - (byte*)&n);
        Console.WriteLine(sizeof(PackedPtr));
        Console.WriteLine(sizeof(Callbacks));
        Callbacks c = default;
        Console.WriteLine((byte*)&c.Reset - (byte*)&c);
        Console.WriteLine(sizeof(PtrUnion));
        PtrUnion u = default;
        u.Address = nuint.MaxValue;
        u.Low = 0;
        Console.WriteLine(u.Address);
        Console.WriteLine(nint.MaxValue);
        Console.WriteLine(nint.MinValue);
        Console.WriteLine(nuint.MaxValue);
        nint wrap = nint.MaxValue;
        wrap++;
        Console.WriteLine(wrap);
        Console.WriteLine(nint.MinValue / 3);
        Console.WriteLine((nint)(-1) >>> 1);
        Console.WriteLine((nint)1 << 40);
        Console.WriteLine(unchecked((nint)long.MaxValue));
        Console.WriteLine(unchecked((nuint)ulong.MaxValue));
        Console.WriteLine(IntPtr.Size);
        return 0;
    }
}
