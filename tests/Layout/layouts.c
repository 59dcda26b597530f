/* The structs of layouts.cs in C, so that clang-19 gives an independent layout for each target: rv32 (ilp32d),
 * rv64 (lp64d) and x86_64. Every number layouts.cs prints is a global here, `char KEY[VALUE + 1]`; the key is the
 * printed name with '.' spelled "__", plus "__size" and "__align" for the line "Name size=N align=A".
 * tests/Compiler.Tests/LayoutTests.cs compiles this file with `clang-19 --target=T -std=c23 -ffreestanding -S
 * -emit-llvm` and reads each value back from the length of its array (ClangValues.cs).
 *
 * How the C# constructs translate (C's rules are CoreCLR's for sequential structs; where C has no direct
 * equivalent the translation spells out CoreCLR's rule, and says so):
 *   byte/sbyte/short/ushort/int/uint/long/ulong   uint8_t ... int64_t/uint64_t
 *   char, bool                                     uint16_t, _Bool (CoreCLR's managed layout: 2 and 1 bytes)
 *   enum E : T                                     enum E : T (C23 fixed underlying type)
 *   nint, nuint, T*, delegate*                     intptr_t, uintptr_t, T *, function pointer
 *   Pack = N                                       #pragma pack(push, N)
 *   fixed T b[n], [InlineArray(n)] T e             T b[n] (inline array: a struct holding T e[n])
 *   LayoutKind.Explicit                            a union with one member per field (AT below)
 *   Size = N                                       SIZED below
 *   a struct without fields                        one byte (CoreCLR's rule; C has none, GNU C gives size 0)
 */
#include <stddef.h>
#include <stdint.h>

#define V(key, value) char key[(value) + 1];
#define TYPE(T, name) V(name##__size, sizeof(T)) V(name##__align, _Alignof(T))
#define F(T, key, member) V(key, offsetof(T, member))

#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define FIELD_END(T, f) (offsetof(T, f) + sizeof(((T *)0)->f))

/* [FieldOffset(off)] type name, as a member of a union: the field at its offset after a packed run of bytes,
 * plus a member of the field's type (_align_NAME, only there for this) that gives the union the field's
 * natural alignment (capped by #pragma pack, as Pack caps it in CoreCLR). CoreCLR sizes an explicit struct as the furthest field
 * end rounded up to the largest field alignment, even when a field sits at a misaligned offset; the union gives
 * exactly that. A field at offset 0 is a plain member. */
#define AT(off, type, name) \
    struct __attribute__((packed)) { uint8_t _at_##name[off]; type name; }; \
    type _align_##name

/* [StructLayout(Size = N)]: CoreCLR makes the struct max(N, end of its furthest field) bytes, NOT rounded up to
 * its alignment when Size is given (e.g. Size = 13 with a long: 13 bytes, aligned to 8). C cannot express a size
 * that is not a multiple of the alignment, so Name_fields holds the fields (offsets and alignment by C's rules),
 * Name is an opaque blob of CoreCLR's size, and a field of type Name is declared SIZED(Name, field): the blob with
 * the alignment of the fields. */
#define SIZED(Name, field) _Alignas(_Alignof(struct Name##_fields)) struct Name field
#define TYPE_SIZED(Name) V(Name##__size, sizeof(struct Name)) V(Name##__align, _Alignof(struct Name##_fields))

enum E8 : uint8_t { E8_A = 1 };
enum ES8 : int8_t { ES8_A = -1 };
enum E16 : int16_t { E16_A = -2 };
enum EU16 : uint16_t { EU16_A = 2 };
enum E32 : int32_t { E32_A = -3 };
enum EU32 : uint32_t { EU32_A = 3 };
enum E64 : int64_t { E64_A = -4 };
enum EU64 : uint64_t { EU64_A = 4 };

struct Mixed { uint8_t B; int16_t S; int32_t I; int64_t L; double D; uint16_t C; _Bool Z; float F; };
TYPE(struct Mixed, Mixed)
F(struct Mixed, Mixed__B, B) F(struct Mixed, Mixed__S, S) F(struct Mixed, Mixed__I, I) F(struct Mixed, Mixed__L, L)
F(struct Mixed, Mixed__D, D) F(struct Mixed, Mixed__C, C) F(struct Mixed, Mixed__Z, Z) F(struct Mixed, Mixed__F, F)

struct MixedPadded { _Bool Z; double D; uint16_t C; int64_t L; uint8_t B; int32_t I; int16_t S; int8_t T; };
TYPE(struct MixedPadded, MixedPadded)
F(struct MixedPadded, MixedPadded__Z, Z) F(struct MixedPadded, MixedPadded__D, D) F(struct MixedPadded, MixedPadded__C, C)
F(struct MixedPadded, MixedPadded__L, L) F(struct MixedPadded, MixedPadded__B, B) F(struct MixedPadded, MixedPadded__I, I)
F(struct MixedPadded, MixedPadded__S, S) F(struct MixedPadded, MixedPadded__T, T)

#pragma pack(push, 1)
struct Packed1 { uint8_t B; int64_t L; int16_t S; int32_t I; double D; uint16_t C; };
#pragma pack(pop)
TYPE(struct Packed1, Packed1)
F(struct Packed1, Packed1__B, B) F(struct Packed1, Packed1__L, L) F(struct Packed1, Packed1__S, S)
F(struct Packed1, Packed1__I, I) F(struct Packed1, Packed1__D, D) F(struct Packed1, Packed1__C, C)

#pragma pack(push, 2)
struct Packed2 { uint8_t B; int64_t L; uint8_t B2; int32_t I; uint16_t C; uint8_t B3; };
#pragma pack(pop)
TYPE(struct Packed2, Packed2)
F(struct Packed2, Packed2__B, B) F(struct Packed2, Packed2__L, L) F(struct Packed2, Packed2__B2, B2)
F(struct Packed2, Packed2__I, I) F(struct Packed2, Packed2__C, C) F(struct Packed2, Packed2__B3, B3)

#pragma pack(push, 4)
struct Packed4 { uint8_t B; int64_t L; int16_t S; double D; uint8_t E; };
#pragma pack(pop)
TYPE(struct Packed4, Packed4)
F(struct Packed4, Packed4__B, B) F(struct Packed4, Packed4__L, L) F(struct Packed4, Packed4__S, S)
F(struct Packed4, Packed4__D, D) F(struct Packed4, Packed4__E, E)

#pragma pack(push, 16)
struct Packed16 { uint8_t B; int64_t L; int16_t S; };
#pragma pack(pop)
TYPE(struct Packed16, Packed16)
F(struct Packed16, Packed16__B, B) F(struct Packed16, Packed16__L, L) F(struct Packed16, Packed16__S, S)

struct Sized32_fields { int32_t A; uint8_t B; };
struct Sized32 { uint8_t bytes[MAX(32, FIELD_END(struct Sized32_fields, B))]; };
TYPE_SIZED(Sized32)
F(struct Sized32_fields, Sized32__A, A) F(struct Sized32_fields, Sized32__B, B)

struct Sized13_fields { int64_t A; uint8_t B; };
struct Sized13 { uint8_t bytes[MAX(13, FIELD_END(struct Sized13_fields, B))]; };
TYPE_SIZED(Sized13)
F(struct Sized13_fields, Sized13__A, A) F(struct Sized13_fields, Sized13__B, B)

struct Sized6_fields { int32_t A; };
struct Sized6 { uint8_t bytes[MAX(6, FIELD_END(struct Sized6_fields, A))]; };
TYPE_SIZED(Sized6)
F(struct Sized6_fields, Sized6__A, A)

struct Sized3_fields { int32_t A; int16_t B; };
struct Sized3 { uint8_t bytes[MAX(3, FIELD_END(struct Sized3_fields, B))]; };
TYPE_SIZED(Sized3)
F(struct Sized3_fields, Sized3__A, A) F(struct Sized3_fields, Sized3__B, B)

#pragma pack(push, 1)
struct SizedPacked7_fields { int16_t A; uint8_t B; };
#pragma pack(pop)
struct SizedPacked7 { uint8_t bytes[MAX(7, FIELD_END(struct SizedPacked7_fields, B))]; };
TYPE_SIZED(SizedPacked7)
F(struct SizedPacked7_fields, SizedPacked7__A, A) F(struct SizedPacked7_fields, SizedPacked7__B, B)

struct HoldsSized { uint8_t Tag; SIZED(Sized13, S); uint8_t Mid; SIZED(Sized6, T); uint8_t End; };
TYPE(struct HoldsSized, HoldsSized)
F(struct HoldsSized, HoldsSized__Tag, Tag) F(struct HoldsSized, HoldsSized__S, S) F(struct HoldsSized, HoldsSized__Mid, Mid)
F(struct HoldsSized, HoldsSized__T, T) F(struct HoldsSized, HoldsSized__End, End)

union Union { int64_t L; int32_t I; uint8_t B; AT(4, int16_t, Hi); double D; AT(6, uint16_t, C); };
TYPE(union Union, Union)
F(union Union, Union__L, L) F(union Union, Union__I, I) F(union Union, Union__B, B) F(union Union, Union__Hi, Hi)
F(union Union, Union__D, D) F(union Union, Union__C, C)

union ExplicitSparse { AT(1, uint8_t, A); AT(4, int32_t, B); AT(16, int64_t, C); AT(26, int16_t, D); };
TYPE(union ExplicitSparse, ExplicitSparse)
F(union ExplicitSparse, ExplicitSparse__A, A) F(union ExplicitSparse, ExplicitSparse__B, B)
F(union ExplicitSparse, ExplicitSparse__C, C) F(union ExplicitSparse, ExplicitSparse__D, D)

union ExplicitMisaligned { AT(1, int64_t, A); AT(10, int32_t, B); };
TYPE(union ExplicitMisaligned, ExplicitMisaligned)
F(union ExplicitMisaligned, ExplicitMisaligned__A, A) F(union ExplicitMisaligned, ExplicitMisaligned__B, B)

/* Explicit and Size = N: the fields as an explicit union, the size as for SIZED. */
union ExplicitSized_fields { int32_t A; AT(8, int64_t, B); };
struct ExplicitSized {
    uint8_t bytes[MAX(20, MAX(FIELD_END(union ExplicitSized_fields, A), FIELD_END(union ExplicitSized_fields, B)))];
};
V(ExplicitSized__size, sizeof(struct ExplicitSized)) V(ExplicitSized__align, _Alignof(union ExplicitSized_fields))
F(union ExplicitSized_fields, ExplicitSized__A, A) F(union ExplicitSized_fields, ExplicitSized__B, B)

union ExplicitSizedSmall_fields { int32_t A; AT(4, uint8_t, B); };
struct ExplicitSizedSmall {
    uint8_t bytes[MAX(2, MAX(FIELD_END(union ExplicitSizedSmall_fields, A), FIELD_END(union ExplicitSizedSmall_fields, B)))];
};
V(ExplicitSizedSmall__size, sizeof(struct ExplicitSizedSmall))
V(ExplicitSizedSmall__align, _Alignof(union ExplicitSizedSmall_fields))
F(union ExplicitSizedSmall_fields, ExplicitSizedSmall__A, A) F(union ExplicitSizedSmall_fields, ExplicitSizedSmall__B, B)

#pragma pack(push, 1)
union ExplicitPacked { AT(1, int32_t, A); AT(6, int64_t, B); };
#pragma pack(pop)
TYPE(union ExplicitPacked, ExplicitPacked)
F(union ExplicitPacked, ExplicitPacked__A, A) F(union ExplicitPacked, ExplicitPacked__B, B)

struct Inner { uint8_t A; int32_t B; int16_t C; };
TYPE(struct Inner, Inner)
F(struct Inner, Inner__A, A) F(struct Inner, Inner__B, B) F(struct Inner, Inner__C, C)

union ExplicitNested { uint8_t Tag; AT(4, struct Inner, In); AT(2, int16_t, S); AT(12, union Union, U); };
TYPE(union ExplicitNested, ExplicitNested)
F(union ExplicitNested, ExplicitNested__Tag, Tag) F(union ExplicitNested, ExplicitNested__In, In)
F(union ExplicitNested, ExplicitNested__In__C, In.C) F(union ExplicitNested, ExplicitNested__S, S)
F(union ExplicitNested, ExplicitNested__U, U) F(union ExplicitNested, ExplicitNested__U__C, U.C)

struct Outer { uint8_t Tag; struct Inner In; int64_t L; struct Inner In2; uint8_t End; };
TYPE(struct Outer, Outer)
F(struct Outer, Outer__Tag, Tag) F(struct Outer, Outer__In, In) F(struct Outer, Outer__In__C, In.C)
F(struct Outer, Outer__L, L) F(struct Outer, Outer__In2, In2) F(struct Outer, Outer__In2__B, In2.B)
F(struct Outer, Outer__End, End)

#pragma pack(push, 1)
struct PackedOuter { uint8_t Tag; struct Inner In; int64_t L; struct Mixed M; uint8_t End; };
#pragma pack(pop)
TYPE(struct PackedOuter, PackedOuter)
F(struct PackedOuter, PackedOuter__Tag, Tag) F(struct PackedOuter, PackedOuter__In, In)
F(struct PackedOuter, PackedOuter__In__B, In.B) F(struct PackedOuter, PackedOuter__L, L)
F(struct PackedOuter, PackedOuter__M, M) F(struct PackedOuter, PackedOuter__M__D, M.D)
F(struct PackedOuter, PackedOuter__End, End)

#pragma pack(push, 2)
struct Packed2Outer { uint8_t Tag; struct Outer O; uint8_t End; };
#pragma pack(pop)
TYPE(struct Packed2Outer, Packed2Outer)
F(struct Packed2Outer, Packed2Outer__Tag, Tag) F(struct Packed2Outer, Packed2Outer__O, O)
F(struct Packed2Outer, Packed2Outer__O__L, O.L) F(struct Packed2Outer, Packed2Outer__End, End)

struct HoldsPacked { uint8_t Tag; struct Packed1 P; int32_t I; struct Packed2 Q; int64_t L; struct Packed4 R; };
TYPE(struct HoldsPacked, HoldsPacked)
F(struct HoldsPacked, HoldsPacked__Tag, Tag) F(struct HoldsPacked, HoldsPacked__P, P) F(struct HoldsPacked, HoldsPacked__I, I)
F(struct HoldsPacked, HoldsPacked__Q, Q) F(struct HoldsPacked, HoldsPacked__L, L) F(struct HoldsPacked, HoldsPacked__R, R)

struct Deep { int16_t S; struct Outer O; uint8_t B; struct PackedOuter P; union ExplicitSparse X; };
TYPE(struct Deep, Deep)
F(struct Deep, Deep__S, S) F(struct Deep, Deep__O, O) F(struct Deep, Deep__O__In2__C, O.In2.C) F(struct Deep, Deep__B, B)
F(struct Deep, Deep__P, P) F(struct Deep, Deep__P__M__F, P.M.F) F(struct Deep, Deep__X, X) F(struct Deep, Deep__X__D, X.D)

struct FixedBuffers { uint8_t Tag; uint8_t B[13]; int64_t L[3]; int16_t S; uint16_t C[3]; double D[2]; uint8_t End; };
TYPE(struct FixedBuffers, FixedBuffers)
F(struct FixedBuffers, FixedBuffers__Tag, Tag) F(struct FixedBuffers, FixedBuffers__B, B)
F(struct FixedBuffers, FixedBuffers__L, L) F(struct FixedBuffers, FixedBuffers__S, S)
F(struct FixedBuffers, FixedBuffers__C, C) F(struct FixedBuffers, FixedBuffers__D, D)
F(struct FixedBuffers, FixedBuffers__End, End)

#pragma pack(push, 1)
struct FixedPacked { uint8_t Tag; int32_t I[3]; uint8_t End; };
#pragma pack(pop)
TYPE(struct FixedPacked, FixedPacked)
F(struct FixedPacked, FixedPacked__Tag, Tag) F(struct FixedPacked, FixedPacked__I, I) F(struct FixedPacked, FixedPacked__End, End)

struct Bytes5 { uint8_t Element[5]; };
TYPE(struct Bytes5, Bytes5)
F(struct Bytes5, Bytes5__Element, Element) F(struct Bytes5, Bytes5__at4, Element[4])

struct Ints3 { int32_t Element[3]; };
TYPE(struct Ints3, Ints3)
F(struct Ints3, Ints3__Element, Element) F(struct Ints3, Ints3__at2, Element[2])

struct Inners2 { struct Inner Element[2]; };
TYPE(struct Inners2, Inners2)
F(struct Inners2, Inners2__Element, Element) F(struct Inners2, Inners2__at1, Element[1])

struct Longs3 { int64_t Element[3]; };
TYPE(struct Longs3, Longs3)
F(struct Longs3, Longs3__Element, Element) F(struct Longs3, Longs3__at2, Element[2])

struct HoldsInline {
    uint8_t Tag; struct Bytes5 B; struct Ints3 I; struct Inners2 N; uint8_t Mid; struct Longs3 L; uint8_t End;
};
TYPE(struct HoldsInline, HoldsInline)
F(struct HoldsInline, HoldsInline__Tag, Tag) F(struct HoldsInline, HoldsInline__B, B) F(struct HoldsInline, HoldsInline__I, I)
F(struct HoldsInline, HoldsInline__N, N) F(struct HoldsInline, HoldsInline__Mid, Mid) F(struct HoldsInline, HoldsInline__L, L)
F(struct HoldsInline, HoldsInline__End, End)

struct Enums {
    enum E8 A; enum E64 B; enum ES8 C; enum E16 D; enum EU32 E; enum EU16 F; enum E32 G; enum EU64 H; uint8_t End;
};
TYPE(struct Enums, Enums)
F(struct Enums, Enums__A, A) F(struct Enums, Enums__B, B) F(struct Enums, Enums__C, C) F(struct Enums, Enums__D, D)
F(struct Enums, Enums__E, E) F(struct Enums, Enums__F, F) F(struct Enums, Enums__G, G) F(struct Enums, Enums__H, H)
F(struct Enums, Enums__End, End)

struct Pointers {
    uint8_t Tag; void *P; intptr_t N; uintptr_t U; int32_t (*F)(int32_t); void (*G)(void); int32_t *IP; int16_t S;
    struct Inner *InP; uint8_t End;
};
TYPE(struct Pointers, Pointers)
F(struct Pointers, Pointers__Tag, Tag) F(struct Pointers, Pointers__P, P) F(struct Pointers, Pointers__N, N)
F(struct Pointers, Pointers__U, U) F(struct Pointers, Pointers__F, F) F(struct Pointers, Pointers__G, G)
F(struct Pointers, Pointers__IP, IP) F(struct Pointers, Pointers__S, S) F(struct Pointers, Pointers__InP, InP)
F(struct Pointers, Pointers__End, End)

#pragma pack(push, 2)
struct PackedPointers { uint8_t Tag; intptr_t N; uint8_t Mid; void *P; uint8_t End; };
#pragma pack(pop)
TYPE(struct PackedPointers, PackedPointers)
F(struct PackedPointers, PackedPointers__Tag, Tag) F(struct PackedPointers, PackedPointers__N, N)
F(struct PackedPointers, PackedPointers__Mid, Mid) F(struct PackedPointers, PackedPointers__P, P)
F(struct PackedPointers, PackedPointers__End, End)

union PointerUnion { uintptr_t Address; uint32_t Low; uint8_t *Bytes; int64_t Wide; };
TYPE(union PointerUnion, PointerUnion)
F(union PointerUnion, PointerUnion__Address, Address) F(union PointerUnion, PointerUnion__Low, Low)
F(union PointerUnion, PointerUnion__Bytes, Bytes) F(union PointerUnion, PointerUnion__Wide, Wide)

/* Pair<T> { T First; byte Mid; T Second; }, one C struct per instantiation. */
#define PAIR(T, Name) \
    struct Name { T First; uint8_t Mid; T Second; }; \
    TYPE(struct Name, Name) \
    F(struct Name, Name##__First, First) F(struct Name, Name##__Mid, Mid) F(struct Name, Name##__Second, Second)
PAIR(uint8_t, PairByte)
PAIR(int64_t, PairLong)
PAIR(struct Inner, PairInner)
PAIR(intptr_t, PairNint)

struct HoldsPairs { uint8_t Tag; struct PairByte B; struct PairLong L; struct PairInner N; uint8_t End; };
TYPE(struct HoldsPairs, HoldsPairs)
F(struct HoldsPairs, HoldsPairs__Tag, Tag) F(struct HoldsPairs, HoldsPairs__B, B) F(struct HoldsPairs, HoldsPairs__L, L)
F(struct HoldsPairs, HoldsPairs__N, N) F(struct HoldsPairs, HoldsPairs__N__Second__C, N.Second.C)
F(struct HoldsPairs, HoldsPairs__End, End)

struct Empty { uint8_t one_byte; }; /* CoreCLR gives a struct without fields one byte */
TYPE(struct Empty, Empty)

struct OneBool { _Bool B; };
TYPE(struct OneBool, OneBool)
F(struct OneBool, OneBool__B, B)

struct HoldsEmpty { uint8_t A; struct Empty E; int32_t B; struct Empty F; struct OneBool G; struct Empty H; };
TYPE(struct HoldsEmpty, HoldsEmpty)
F(struct HoldsEmpty, HoldsEmpty__A, A) F(struct HoldsEmpty, HoldsEmpty__E, E) F(struct HoldsEmpty, HoldsEmpty__B, B)
F(struct HoldsEmpty, HoldsEmpty__F, F) F(struct HoldsEmpty, HoldsEmpty__G, G) F(struct HoldsEmpty, HoldsEmpty__H, H)
