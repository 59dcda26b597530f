// Layout-heavy structs: for each one, "Name size=N align=A" and one "Name.Field offset=N" line per field.
// The alignment is the offset of the struct in Probe<T> { byte; T }. The output on CoreCLR (x64) is the reference
// for rvc on the host and rv64; layouts.c, the same structs in C, gives the rv32 (and rv64, x86_64) reference
// through clang-19 (see tests/Compiler.Tests/LayoutTests.cs). Names are C identifiers so that both sides match.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

enum E8 : byte { A = 1 }
enum ES8 : sbyte { A = -1 }
enum E16 : short { A = -2 }
enum EU16 : ushort { A = 2 }
enum E32 : int { A = -3 }
enum EU32 : uint { A = 3 }
enum E64 : long { A = -4 }
enum EU64 : ulong { A = 4 }

// Sequential, every primitive width.
struct Mixed
{
    public byte B; public short S; public int I; public long L; public double D; public char C; public bool Z; public float F;
}

// Sequential, wide fields after narrow ones: padding everywhere.
struct MixedPadded
{
    public bool Z; public double D; public char C; public long L; public byte B; public int I; public short S; public sbyte T;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
struct Packed1
{
    public byte B; public long L; public short S; public int I; public double D; public char C;
}

[StructLayout(LayoutKind.Sequential, Pack = 2)]
struct Packed2
{
    public byte B; public long L; public byte B2; public int I; public char C; public byte B3;
}

[StructLayout(LayoutKind.Sequential, Pack = 4)]
struct Packed4
{
    public byte B; public long L; public short S; public double D; public byte E;
}

// A Pack above the natural alignment changes nothing.
[StructLayout(LayoutKind.Sequential, Pack = 16)]
struct Packed16
{
    public byte B; public long L; public short S;
}

// Size bigger than the fields need, a multiple of the alignment.
[StructLayout(LayoutKind.Sequential, Size = 32)]
struct Sized32
{
    public int A; public byte B;
}

// Size bigger than the fields need, not a multiple of the alignment (8).
[StructLayout(LayoutKind.Sequential, Size = 13)]
struct Sized13
{
    public long A; public byte B;
}

// Size bigger than the fields need, not a multiple of the alignment (4).
[StructLayout(LayoutKind.Sequential, Size = 6)]
struct Sized6
{
    public int A;
}

// Size smaller than the fields need: ignored.
[StructLayout(LayoutKind.Sequential, Size = 3)]
struct Sized3
{
    public int A; public short B;
}

[StructLayout(LayoutKind.Sequential, Pack = 1, Size = 7)]
struct SizedPacked7
{
    public short A; public byte B;
}

struct HoldsSized
{
    public byte Tag; public Sized13 S; public byte Mid; public Sized6 T; public byte End;
}

[StructLayout(LayoutKind.Explicit)]
struct Union
{
    [FieldOffset(0)] public long L;
    [FieldOffset(0)] public int I;
    [FieldOffset(0)] public byte B;
    [FieldOffset(4)] public short Hi;
    [FieldOffset(0)] public double D;
    [FieldOffset(6)] public char C;
}

[StructLayout(LayoutKind.Explicit)]
struct ExplicitSparse
{
    [FieldOffset(1)] public byte A;
    [FieldOffset(4)] public int B;
    [FieldOffset(16)] public long C;
    [FieldOffset(26)] public short D;
}

// A long at an odd offset (allowed for fields that are not object references).
[StructLayout(LayoutKind.Explicit)]
struct ExplicitMisaligned
{
    [FieldOffset(1)] public long A;
    [FieldOffset(10)] public int B;
}

[StructLayout(LayoutKind.Explicit, Size = 20)]
struct ExplicitSized
{
    [FieldOffset(0)] public int A;
    [FieldOffset(8)] public long B;
}

// Size smaller than the fields need: ignored, and the size is the end of the furthest field, not rounded up.
[StructLayout(LayoutKind.Explicit, Size = 2)]
struct ExplicitSizedSmall
{
    [FieldOffset(0)] public int A;
    [FieldOffset(4)] public byte B;
}

[StructLayout(LayoutKind.Explicit, Pack = 1)]
struct ExplicitPacked
{
    [FieldOffset(1)] public int A;
    [FieldOffset(6)] public long B;
}

struct Inner
{
    public byte A; public int B; public short C;
}

[StructLayout(LayoutKind.Explicit)]
struct ExplicitNested
{
    [FieldOffset(0)] public byte Tag;
    [FieldOffset(4)] public Inner In;
    [FieldOffset(2)] public short S;
    [FieldOffset(12)] public Union U;
}

struct Outer
{
    public byte Tag; public Inner In; public long L; public Inner In2; public byte End;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
struct PackedOuter
{
    public byte Tag; public Inner In; public long L; public Mixed M; public byte End;
}

[StructLayout(LayoutKind.Sequential, Pack = 2)]
struct Packed2Outer
{
    public byte Tag; public Outer O; public byte End;
}

struct HoldsPacked
{
    public byte Tag; public Packed1 P; public int I; public Packed2 Q; public long L; public Packed4 R;
}

struct Deep
{
    public short S; public Outer O; public byte B; public PackedOuter P; public ExplicitSparse X;
}

unsafe struct FixedBuffers
{
    public byte Tag;
    public fixed byte B[13];
    public fixed long L[3];
    public short S;
    public fixed char C[3];
    public fixed double D[2];
    public byte End;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
unsafe struct FixedPacked
{
    public byte Tag;
    public fixed int I[3];
    public byte End;
}

[InlineArray(5)]
struct Bytes5
{
    public byte Element;
}

[InlineArray(3)]
struct Ints3
{
    public int Element;
}

[InlineArray(2)]
struct Inners2
{
    public Inner Element;
}

[InlineArray(3)]
struct Longs3
{
    public long Element;
}

struct HoldsInline
{
    public byte Tag; public Bytes5 B; public Ints3 I; public Inners2 N; public byte Mid; public Longs3 L; public byte End;
}

struct Enums
{
    public E8 A; public E64 B; public ES8 C; public E16 D; public EU32 E; public EU16 F; public E32 G; public EU64 H; public byte End;
}

unsafe struct Pointers
{
    public byte Tag;
    public void* P;
    public nint N;
    public nuint U;
    public delegate*<int, int> F;
    public delegate* unmanaged<void> G;
    public int* IP;
    public short S;
    public Inner* InP;
    public byte End;
}

[StructLayout(LayoutKind.Sequential, Pack = 2)]
unsafe struct PackedPointers
{
    public byte Tag; public nint N; public byte Mid; public void* P; public byte End;
}

[StructLayout(LayoutKind.Explicit)]
unsafe struct PointerUnion
{
    [FieldOffset(0)] public nuint Address;
    [FieldOffset(0)] public uint Low;
    [FieldOffset(0)] public byte* Bytes;
    [FieldOffset(0)] public long Wide;
}

struct Pair<T> where T : unmanaged
{
    public T First; public byte Mid; public T Second;
}

struct HoldsPairs
{
    public byte Tag; public Pair<byte> B; public Pair<long> L; public Pair<Inner> N; public byte End;
}

struct Empty
{
}

struct OneBool
{
    public bool B;
}

struct HoldsEmpty
{
    public byte A; public Empty E; public int B; public Empty F; public OneBool G; public Empty H;
}

struct Probe<T> where T : unmanaged
{
    public byte Pad;
    public T Value;
}

unsafe class Program
{
    static int AlignOf<T>() where T : unmanaged
    {
        Probe<T> p = default;
        return (int)((byte*)&p.Value - (byte*)&p);
    }

    static void Type<T>(string name) where T : unmanaged
    {
        Console.Write(name);
        Console.Write(" size=");
        Console.Write(sizeof(T));
        Console.Write(" align=");
        Console.WriteLine(AlignOf<T>());
    }

    static void Field(string name, void* field, void* start)
    {
        Console.Write(name);
        Console.Write(" offset=");
        Console.WriteLine((int)((byte*)field - (byte*)start));
    }

    static int Main()
    {
        Type<Mixed>("Mixed");
        { Mixed s = default; Field("Mixed.B", &s.B, &s); Field("Mixed.S", &s.S, &s); Field("Mixed.I", &s.I, &s); Field("Mixed.L", &s.L, &s); Field("Mixed.D", &s.D, &s); Field("Mixed.C", &s.C, &s); Field("Mixed.Z", &s.Z, &s); Field("Mixed.F", &s.F, &s); }
        Type<MixedPadded>("MixedPadded");
        { MixedPadded s = default; Field("MixedPadded.Z", &s.Z, &s); Field("MixedPadded.D", &s.D, &s); Field("MixedPadded.C", &s.C, &s); Field("MixedPadded.L", &s.L, &s); Field("MixedPadded.B", &s.B, &s); Field("MixedPadded.I", &s.I, &s); Field("MixedPadded.S", &s.S, &s); Field("MixedPadded.T", &s.T, &s); }
        Type<Packed1>("Packed1");
        { Packed1 s = default; Field("Packed1.B", &s.B, &s); Field("Packed1.L", &s.L, &s); Field("Packed1.S", &s.S, &s); Field("Packed1.I", &s.I, &s); Field("Packed1.D", &s.D, &s); Field("Packed1.C", &s.C, &s); }
        Type<Packed2>("Packed2");
        { Packed2 s = default; Field("Packed2.B", &s.B, &s); Field("Packed2.L", &s.L, &s); Field("Packed2.B2", &s.B2, &s); Field("Packed2.I", &s.I, &s); Field("Packed2.C", &s.C, &s); Field("Packed2.B3", &s.B3, &s); }
        Type<Packed4>("Packed4");
        { Packed4 s = default; Field("Packed4.B", &s.B, &s); Field("Packed4.L", &s.L, &s); Field("Packed4.S", &s.S, &s); Field("Packed4.D", &s.D, &s); Field("Packed4.E", &s.E, &s); }
        Type<Packed16>("Packed16");
        { Packed16 s = default; Field("Packed16.B", &s.B, &s); Field("Packed16.L", &s.L, &s); Field("Packed16.S", &s.S, &s); }
        Type<Sized32>("Sized32");
        { Sized32 s = default; Field("Sized32.A", &s.A, &s); Field("Sized32.B", &s.B, &s); }
        Type<Sized13>("Sized13");
        { Sized13 s = default; Field("Sized13.A", &s.A, &s); Field("Sized13.B", &s.B, &s); }
        Type<Sized6>("Sized6");
        { Sized6 s = default; Field("Sized6.A", &s.A, &s); }
        Type<Sized3>("Sized3");
        { Sized3 s = default; Field("Sized3.A", &s.A, &s); Field("Sized3.B", &s.B, &s); }
        Type<SizedPacked7>("SizedPacked7");
        { SizedPacked7 s = default; Field("SizedPacked7.A", &s.A, &s); Field("SizedPacked7.B", &s.B, &s); }
        Type<HoldsSized>("HoldsSized");
        { HoldsSized s = default; Field("HoldsSized.Tag", &s.Tag, &s); Field("HoldsSized.S", &s.S, &s); Field("HoldsSized.Mid", &s.Mid, &s); Field("HoldsSized.T", &s.T, &s); Field("HoldsSized.End", &s.End, &s); }
        Type<Union>("Union");
        { Union s = default; Field("Union.L", &s.L, &s); Field("Union.I", &s.I, &s); Field("Union.B", &s.B, &s); Field("Union.Hi", &s.Hi, &s); Field("Union.D", &s.D, &s); Field("Union.C", &s.C, &s); }
        Type<ExplicitSparse>("ExplicitSparse");
        { ExplicitSparse s = default; Field("ExplicitSparse.A", &s.A, &s); Field("ExplicitSparse.B", &s.B, &s); Field("ExplicitSparse.C", &s.C, &s); Field("ExplicitSparse.D", &s.D, &s); }
        Type<ExplicitMisaligned>("ExplicitMisaligned");
        { ExplicitMisaligned s = default; Field("ExplicitMisaligned.A", &s.A, &s); Field("ExplicitMisaligned.B", &s.B, &s); }
        Type<ExplicitSized>("ExplicitSized");
        { ExplicitSized s = default; Field("ExplicitSized.A", &s.A, &s); Field("ExplicitSized.B", &s.B, &s); }
        Type<ExplicitSizedSmall>("ExplicitSizedSmall");
        { ExplicitSizedSmall s = default; Field("ExplicitSizedSmall.A", &s.A, &s); Field("ExplicitSizedSmall.B", &s.B, &s); }
        Type<ExplicitPacked>("ExplicitPacked");
        { ExplicitPacked s = default; Field("ExplicitPacked.A", &s.A, &s); Field("ExplicitPacked.B", &s.B, &s); }
        Type<Inner>("Inner");
        { Inner s = default; Field("Inner.A", &s.A, &s); Field("Inner.B", &s.B, &s); Field("Inner.C", &s.C, &s); }
        Type<ExplicitNested>("ExplicitNested");
        { ExplicitNested s = default; Field("ExplicitNested.Tag", &s.Tag, &s); Field("ExplicitNested.In", &s.In, &s); Field("ExplicitNested.In.C", &s.In.C, &s); Field("ExplicitNested.S", &s.S, &s); Field("ExplicitNested.U", &s.U, &s); Field("ExplicitNested.U.C", &s.U.C, &s); }
        Type<Outer>("Outer");
        { Outer s = default; Field("Outer.Tag", &s.Tag, &s); Field("Outer.In", &s.In, &s); Field("Outer.In.C", &s.In.C, &s); Field("Outer.L", &s.L, &s); Field("Outer.In2", &s.In2, &s); Field("Outer.In2.B", &s.In2.B, &s); Field("Outer.End", &s.End, &s); }
        Type<PackedOuter>("PackedOuter");
        { PackedOuter s = default; Field("PackedOuter.Tag", &s.Tag, &s); Field("PackedOuter.In", &s.In, &s); Field("PackedOuter.In.B", &s.In.B, &s); Field("PackedOuter.L", &s.L, &s); Field("PackedOuter.M", &s.M, &s); Field("PackedOuter.M.D", &s.M.D, &s); Field("PackedOuter.End", &s.End, &s); }
        Type<Packed2Outer>("Packed2Outer");
        { Packed2Outer s = default; Field("Packed2Outer.Tag", &s.Tag, &s); Field("Packed2Outer.O", &s.O, &s); Field("Packed2Outer.O.L", &s.O.L, &s); Field("Packed2Outer.End", &s.End, &s); }
        Type<HoldsPacked>("HoldsPacked");
        { HoldsPacked s = default; Field("HoldsPacked.Tag", &s.Tag, &s); Field("HoldsPacked.P", &s.P, &s); Field("HoldsPacked.I", &s.I, &s); Field("HoldsPacked.Q", &s.Q, &s); Field("HoldsPacked.L", &s.L, &s); Field("HoldsPacked.R", &s.R, &s); }
        Type<Deep>("Deep");
        { Deep s = default; Field("Deep.S", &s.S, &s); Field("Deep.O", &s.O, &s); Field("Deep.O.In2.C", &s.O.In2.C, &s); Field("Deep.B", &s.B, &s); Field("Deep.P", &s.P, &s); Field("Deep.P.M.F", &s.P.M.F, &s); Field("Deep.X", &s.X, &s); Field("Deep.X.D", &s.X.D, &s); }
        Type<FixedBuffers>("FixedBuffers");
        { FixedBuffers s = default; Field("FixedBuffers.Tag", &s.Tag, &s); Field("FixedBuffers.B", s.B, &s); Field("FixedBuffers.L", s.L, &s); Field("FixedBuffers.S", &s.S, &s); Field("FixedBuffers.C", s.C, &s); Field("FixedBuffers.D", s.D, &s); Field("FixedBuffers.End", &s.End, &s); }
        Type<FixedPacked>("FixedPacked");
        { FixedPacked s = default; Field("FixedPacked.Tag", &s.Tag, &s); Field("FixedPacked.I", s.I, &s); Field("FixedPacked.End", &s.End, &s); }
        Type<Bytes5>("Bytes5");
        { Bytes5 s = default; Field("Bytes5.Element", &s.Element, &s); Field("Bytes5.at4", Unsafe.AsPointer(ref s[4]), &s); }
        Type<Ints3>("Ints3");
        { Ints3 s = default; Field("Ints3.Element", &s.Element, &s); Field("Ints3.at2", Unsafe.AsPointer(ref s[2]), &s); }
        Type<Inners2>("Inners2");
        { Inners2 s = default; Field("Inners2.Element", &s.Element, &s); Field("Inners2.at1", Unsafe.AsPointer(ref s[1]), &s); }
        Type<Longs3>("Longs3");
        { Longs3 s = default; Field("Longs3.Element", &s.Element, &s); Field("Longs3.at2", Unsafe.AsPointer(ref s[2]), &s); }
        Type<HoldsInline>("HoldsInline");
        { HoldsInline s = default; Field("HoldsInline.Tag", &s.Tag, &s); Field("HoldsInline.B", &s.B, &s); Field("HoldsInline.I", &s.I, &s); Field("HoldsInline.N", &s.N, &s); Field("HoldsInline.Mid", &s.Mid, &s); Field("HoldsInline.L", &s.L, &s); Field("HoldsInline.End", &s.End, &s); }
        Type<Enums>("Enums");
        { Enums s = default; Field("Enums.A", &s.A, &s); Field("Enums.B", &s.B, &s); Field("Enums.C", &s.C, &s); Field("Enums.D", &s.D, &s); Field("Enums.E", &s.E, &s); Field("Enums.F", &s.F, &s); Field("Enums.G", &s.G, &s); Field("Enums.H", &s.H, &s); Field("Enums.End", &s.End, &s); }
        Type<Pointers>("Pointers");
        { Pointers s = default; Field("Pointers.Tag", &s.Tag, &s); Field("Pointers.P", &s.P, &s); Field("Pointers.N", &s.N, &s); Field("Pointers.U", &s.U, &s); Field("Pointers.F", &s.F, &s); Field("Pointers.G", &s.G, &s); Field("Pointers.IP", &s.IP, &s); Field("Pointers.S", &s.S, &s); Field("Pointers.InP", &s.InP, &s); Field("Pointers.End", &s.End, &s); }
        Type<PackedPointers>("PackedPointers");
        { PackedPointers s = default; Field("PackedPointers.Tag", &s.Tag, &s); Field("PackedPointers.N", &s.N, &s); Field("PackedPointers.Mid", &s.Mid, &s); Field("PackedPointers.P", &s.P, &s); Field("PackedPointers.End", &s.End, &s); }
        Type<PointerUnion>("PointerUnion");
        { PointerUnion s = default; Field("PointerUnion.Address", &s.Address, &s); Field("PointerUnion.Low", &s.Low, &s); Field("PointerUnion.Bytes", &s.Bytes, &s); Field("PointerUnion.Wide", &s.Wide, &s); }
        Type<Pair<byte>>("PairByte");
        { Pair<byte> s = default; Field("PairByte.First", &s.First, &s); Field("PairByte.Mid", &s.Mid, &s); Field("PairByte.Second", &s.Second, &s); }
        Type<Pair<long>>("PairLong");
        { Pair<long> s = default; Field("PairLong.First", &s.First, &s); Field("PairLong.Mid", &s.Mid, &s); Field("PairLong.Second", &s.Second, &s); }
        Type<Pair<Inner>>("PairInner");
        { Pair<Inner> s = default; Field("PairInner.First", &s.First, &s); Field("PairInner.Mid", &s.Mid, &s); Field("PairInner.Second", &s.Second, &s); }
        Type<Pair<nint>>("PairNint");
        { Pair<nint> s = default; Field("PairNint.First", &s.First, &s); Field("PairNint.Mid", &s.Mid, &s); Field("PairNint.Second", &s.Second, &s); }
        Type<HoldsPairs>("HoldsPairs");
        { HoldsPairs s = default; Field("HoldsPairs.Tag", &s.Tag, &s); Field("HoldsPairs.B", &s.B, &s); Field("HoldsPairs.L", &s.L, &s); Field("HoldsPairs.N", &s.N, &s); Field("HoldsPairs.N.Second.C", &s.N.Second.C, &s); Field("HoldsPairs.End", &s.End, &s); }
        Type<Empty>("Empty");
        Type<OneBool>("OneBool");
        { OneBool s = default; Field("OneBool.B", &s.B, &s); }
        Type<HoldsEmpty>("HoldsEmpty");
        { HoldsEmpty s = default; Field("HoldsEmpty.A", &s.A, &s); Field("HoldsEmpty.E", &s.E, &s); Field("HoldsEmpty.B", &s.B, &s); Field("HoldsEmpty.F", &s.F, &s); Field("HoldsEmpty.G", &s.G, &s); Field("HoldsEmpty.H", &s.H, &s); }
        return 0;
    }
}
