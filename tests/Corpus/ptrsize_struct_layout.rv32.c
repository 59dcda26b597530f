/* The rv32 reference of ptrsize_struct_layout.cs for the lines of its output that are layout numbers: line N is
 * the global `char lineN[VALUE + 1]`, computed by clang-19 for riscv32 (ilp32d) from the program's structs in C
 * (see tests/Layout/layouts.c for how C# layouts translate). Its other lines (the nint/nuint arithmetic) come
 * from the program run on CoreCLR with nint and nuint replaced by int and uint (Rv32Reference.cs). */
#include <stddef.h>
#include <stdint.h>

#define V(key, value) char key[(value) + 1];

struct WithPointer { uint8_t Tag; intptr_t Handle; int32_t Count; };
struct Node { struct Node *Next; int32_t Value; uint8_t *Name; };
#pragma pack(push, 1)
struct PackedPtr { uint8_t Tag; void *Ptr; };
#pragma pack(pop)
struct Callbacks { int32_t (*Transform)(int32_t); int16_t Id; void (*Reset)(void); };
union PtrUnion { uintptr_t Address; uint32_t Low; };

V(line1, sizeof(intptr_t))                          /* sizeof(nint) */
V(line2, sizeof(uintptr_t))                         /* sizeof(nuint) */
V(line3, sizeof(void *))                            /* sizeof(void*) */
V(line4, sizeof(struct WithPointer))
V(line5, offsetof(struct WithPointer, Handle))
V(line6, offsetof(struct WithPointer, Count))
V(line7, sizeof(struct Node))
V(line8, offsetof(struct Node, Value))
V(line9, offsetof(struct Node, Name))
V(line10, sizeof(struct PackedPtr))
V(line11, sizeof(struct Callbacks))
V(line12, offsetof(struct Callbacks, Reset))
V(line13, sizeof(union PtrUnion))
V(line24, sizeof(intptr_t))                         /* IntPtr.Size */
