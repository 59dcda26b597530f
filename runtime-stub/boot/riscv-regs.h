/*
 * The register width (rv32, rv64) and the register-file sequences that the toolchain's boot code, the kernel's
 * assembly, the firmware's trap vector and the user runtime share. Each .S file includes it by its path relative to
 * itself (rvc assembles boot sources with no include directories: clang finds a quoted include beside the file that
 * names it). The guard is there because riscv.S includes riscv-setjmp.S and both include this file.
 */
#ifndef RVC_RISCV_REGS_H
#define RVC_RISCV_REGS_H

#if __riscv_xlen == 64
#define REG_S sd
#define REG_L ld
#define REGBYTES 8
#else
#define REG_S sw
#define REG_L lw
#define REGBYTES 4
#endif

/*
 * A trap frame (the kernel's Traps/TrapFrame.cs, the firmware's TrapFrame.cs) starts with x0-x31, x<n> at
 * n * REGBYTES from its base. FRAME_X_REGS REG_S, base stores x1 and x3-x31 there, FRAME_X_REGS REG_L, base loads
 * them: x0 needs nothing, and x2 (sp) is the base itself, which a vector saves from its scratch CSR and loads last.
 */
.macro FRAME_X_REGS op, base
    .irp reg, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    \op x\reg, (\reg * REGBYTES)(\base)
    .endr
.endm

/*
 * FRAME_F_REGS fsd, base, offset stores f0-f31 (8 bytes each: the D extension) from base + offset on, f<n> at
 * offset + n * 8; FRAME_F_REGS fld, base, offset loads them. The kernel's trap frame keeps the whole FP file.
 */
.macro FRAME_F_REGS op, base, offset
    .irp reg, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    \op f\reg, (\offset + \reg * 8)(\base)
    .endr
.endm

#endif
