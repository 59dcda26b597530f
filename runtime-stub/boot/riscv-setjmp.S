/*
 * rvc_setjmp(buffer) / rvc_longjmp(buffer, value) for rv32 and rv64 (docs/abi.md, "Exceptions"),
 * privilege-independent: runtime-stub/boot/riscv.S includes this file, and a program with its
 * own boot code (an S-mode program such as firmware/payload) assembles it beside its entry.
 */

#include "riscv-regs.h"

/*
 * The buffer keeps what the psABI says a callee preserves:
 * ra, sp, s0-s11 and fs0-fs11. setjmp returns 0; longjmp makes that setjmp return value (never 0).
 */
#define JB_FP (14 * REGBYTES)
    .text
    .globl rvc_setjmp
    .type rvc_setjmp, @function
rvc_setjmp:
    REG_S ra, (0 * REGBYTES)(a0)
    REG_S sp, (1 * REGBYTES)(a0)
    REG_S s0, (2 * REGBYTES)(a0)
    REG_S s1, (3 * REGBYTES)(a0)
    REG_S s2, (4 * REGBYTES)(a0)
    REG_S s3, (5 * REGBYTES)(a0)
    REG_S s4, (6 * REGBYTES)(a0)
    REG_S s5, (7 * REGBYTES)(a0)
    REG_S s6, (8 * REGBYTES)(a0)
    REG_S s7, (9 * REGBYTES)(a0)
    REG_S s8, (10 * REGBYTES)(a0)
    REG_S s9, (11 * REGBYTES)(a0)
    REG_S s10, (12 * REGBYTES)(a0)
    REG_S s11, (13 * REGBYTES)(a0)
    fsd fs0, (JB_FP + 0 * 8)(a0)
    fsd fs1, (JB_FP + 1 * 8)(a0)
    fsd fs2, (JB_FP + 2 * 8)(a0)
    fsd fs3, (JB_FP + 3 * 8)(a0)
    fsd fs4, (JB_FP + 4 * 8)(a0)
    fsd fs5, (JB_FP + 5 * 8)(a0)
    fsd fs6, (JB_FP + 6 * 8)(a0)
    fsd fs7, (JB_FP + 7 * 8)(a0)
    fsd fs8, (JB_FP + 8 * 8)(a0)
    fsd fs9, (JB_FP + 9 * 8)(a0)
    fsd fs10, (JB_FP + 10 * 8)(a0)
    fsd fs11, (JB_FP + 11 * 8)(a0)
    li a0, 0
    ret
    .size rvc_setjmp, . - rvc_setjmp

    .globl rvc_longjmp
    .type rvc_longjmp, @function
rvc_longjmp:
    REG_L ra, (0 * REGBYTES)(a0)
    REG_L sp, (1 * REGBYTES)(a0)
    REG_L s0, (2 * REGBYTES)(a0)
    REG_L s1, (3 * REGBYTES)(a0)
    REG_L s2, (4 * REGBYTES)(a0)
    REG_L s3, (5 * REGBYTES)(a0)
    REG_L s4, (6 * REGBYTES)(a0)
    REG_L s5, (7 * REGBYTES)(a0)
    REG_L s6, (8 * REGBYTES)(a0)
    REG_L s7, (9 * REGBYTES)(a0)
    REG_L s8, (10 * REGBYTES)(a0)
    REG_L s9, (11 * REGBYTES)(a0)
    REG_L s10, (12 * REGBYTES)(a0)
    REG_L s11, (13 * REGBYTES)(a0)
    fld fs0, (JB_FP + 0 * 8)(a0)
    fld fs1, (JB_FP + 1 * 8)(a0)
    fld fs2, (JB_FP + 2 * 8)(a0)
    fld fs3, (JB_FP + 3 * 8)(a0)
    fld fs4, (JB_FP + 4 * 8)(a0)
    fld fs5, (JB_FP + 5 * 8)(a0)
    fld fs6, (JB_FP + 6 * 8)(a0)
    fld fs7, (JB_FP + 7 * 8)(a0)
    fld fs8, (JB_FP + 8 * 8)(a0)
    fld fs9, (JB_FP + 9 * 8)(a0)
    fld fs10, (JB_FP + 10 * 8)(a0)
    fld fs11, (JB_FP + 11 * 8)(a0)
    seqz a0, a1
    add a0, a0, a1
    ret
    .size rvc_longjmp, . - rvc_longjmp
