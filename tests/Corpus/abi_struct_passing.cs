// Calling-convention stress: structs of many sizes and shapes (including all-float and mixed int/float structs,
// which RISC-V passes in FP registers) passed and returned by value, and many arguments spilling to the stack.
// (abi_unmanaged_struct_passing.cs does the same through unmanaged function pointers.)
using System;

struct B1 { public byte A; }
struct B3 { public byte A, B, C; }
struct S6 { public short A, B, C; }
struct I8 { public int A, B; }
struct L16 { public long A, B; }
struct L24 { public long A, B, C; }
struct F2 { public float X, Y; }
struct D2 { public double X, Y; }
struct IF { public int I; public float F; }
struct DL { public double D; public long L; }
struct FD3 { public float A; public double B; public float C; }

class Program
{
    static B1 EchoB1(B1 v) { v.A++; return v; }
    static B3 EchoB3(B3 v) { v.C += v.A; return v; }
    static S6 EchoS6(S6 v) { v.B = (short)(v.A + v.C); return v; }
    static I8 EchoI8(I8 v) { int t = v.A; v.A = v.B; v.B = t; return v; }
    static L16 EchoL16(L16 v) { v.A += v.B; return v; }
    static L24 EchoL24(L24 v) { v.C = v.A * v.B; return v; }
    static F2 EchoF2(F2 v) { v.X *= 2; v.Y += 0.5f; return v; }
    static D2 EchoD2(D2 v) { v.X = v.X * v.Y; return v; }
    static IF EchoIF(IF v) { v.F += v.I; return v; }
    static DL EchoDL(DL v) { v.L += (long)v.D; return v; }
    static FD3 EchoFD3(FD3 v) { v.B = v.A + v.C; return v; }

    static long Many(B1 a, B3 b, S6 c, I8 d, L16 e, L24 f, F2 g, D2 h, IF i, DL j, FD3 k, int l, double m, long n, float o)
        => a.A + b.C + c.B + d.A + e.A + f.C + (long)g.X + (long)h.X + i.I + (long)i.F + j.L + (long)k.B + l + (long)m + n + (long)o;

    static double FloatArgs(float a, double b, float c, double d, float e, double f, float g, double h, float i, double j)
        => a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10;

    static int Main()
    {
        B1 b1; b1.A = 254;
        Console.WriteLine(EchoB1(b1).A);
        B3 b3; b3.A = 1; b3.B = 2; b3.C = 3;
        Console.WriteLine(EchoB3(b3).C);
        S6 s6; s6.A = 100; s6.B = 0; s6.C = -300;
        Console.WriteLine(EchoS6(s6).B);
        I8 i8; i8.A = 5; i8.B = 6;
        var r8 = EchoI8(i8);
        Console.WriteLine(r8.A * 10 + r8.B);
        L16 l16; l16.A = 1L << 40; l16.B = 1;
        Console.WriteLine(EchoL16(l16).A);
        L24 l24; l24.A = 3000000; l24.B = 4000000; l24.C = 0;
        Console.WriteLine(EchoL24(l24).C);
        F2 f2; f2.X = 1.25f; f2.Y = 2f;
        var rf2 = EchoF2(f2);
        Console.WriteLine(BitConverter.SingleToInt32Bits(rf2.X) + BitConverter.SingleToInt32Bits(rf2.Y));
        D2 d2; d2.X = 1.5; d2.Y = -4;
        Console.WriteLine((long)EchoD2(d2).X);
        IF iff; iff.I = 3; iff.F = 0.25f;
        Console.WriteLine(BitConverter.SingleToInt32Bits(EchoIF(iff).F));
        DL dl; dl.D = 1e10; dl.L = 7;
        Console.WriteLine(EchoDL(dl).L);
        FD3 fd3; fd3.A = 1.5f; fd3.B = 0; fd3.C = 2.25f;
        Console.WriteLine(BitConverter.DoubleToInt64Bits(EchoFD3(fd3).B));
        Console.WriteLine(Many(b1, b3, s6, i8, l16, l24, f2, d2, iff, dl, fd3, 11, 12.9, 13, 14.5f));
        Console.WriteLine((long)(FloatArgs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) * 1000));
        return 0;
    }
}
