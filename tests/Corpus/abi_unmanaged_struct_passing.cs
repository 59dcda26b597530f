// The C calling convention with structs by value: [UnmanagedCallersOnly] methods taking and returning small,
// large, all-float and mixed int/float structs, called through delegate* unmanaged (as C code would call them).
using System;
using System.Runtime.InteropServices;

struct F2 { public float X, Y; }
struct IF { public int I; public float F; }
struct L24 { public long A, B, C; }
struct B3 { public byte A, B, C; }
struct DL { public double D; public long L; }

unsafe class Program
{
    [UnmanagedCallersOnly]
    static F2 NativeF2(F2 v, IF w) { v.X += w.I; v.Y += w.F; return v; }

    [UnmanagedCallersOnly]
    static L24 NativeL24(L24 v, int k) { v.A *= k; v.B -= k; v.C = v.A + v.B; return v; }

    [UnmanagedCallersOnly]
    static B3 NativeB3(B3 v) { v.C = (byte)(v.A + v.B); return v; }

    [UnmanagedCallersOnly]
    static long NativeDL(DL v, F2 w) => v.L + (long)(v.D * w.X) + (long)w.Y;

    static int Main()
    {
        F2 f2; f2.X = 1.25f; f2.Y = 2f;
        IF iff; iff.I = 3; iff.F = 0.25f;
        delegate* unmanaged<F2, IF, F2> nf2 = &NativeF2;
        var rn = nf2(f2, iff);
        Console.WriteLine(BitConverter.SingleToInt32Bits(rn.X));
        Console.WriteLine(BitConverter.SingleToInt32Bits(rn.Y));
        L24 l24; l24.A = 3000000; l24.B = 4000000; l24.C = 0;
        delegate* unmanaged<L24, int, L24> nl24 = &NativeL24;
        var rl = nl24(l24, 3);
        Console.WriteLine(rl.A); Console.WriteLine(rl.B); Console.WriteLine(rl.C);
        B3 b3; b3.A = 100; b3.B = 200; b3.C = 0;
        delegate* unmanaged<B3, B3> nb3 = &NativeB3;
        Console.WriteLine(nb3(b3).C);
        DL dl; dl.D = 1e10; dl.L = 7;
        delegate* unmanaged<DL, F2, long> ndl = &NativeDL;
        Console.WriteLine(ndl(dl, f2));
        return 0;
    }
}
