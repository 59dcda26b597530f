/*
 * The kernel's trap frame, shared by its two trap vectors (trap.S: traps in S-mode; process.S: traps from U-mode)
 * and laid out as Traps/TrapFrame.cs declares it: x0-x31 (x2 the interrupted sp, x0's slot unused), sepc, sstatus,
 * scause, stval, then f0-f31 and fcsr.
 */
#include "../../runtime-stub/boot/riscv-regs.h"

#define SEPC_SLOT (32 * REGBYTES)
#define SSTATUS_SLOT (33 * REGBYTES)
#define SCAUSE_SLOT (34 * REGBYTES)
#define STVAL_SLOT (35 * REGBYTES)
#define FP_BASE (36 * REGBYTES)
#define FCSR_SLOT (FP_BASE + 32 * 8)
#define FRAME_SIZE ((FCSR_SLOT + REGBYTES + 15) & ~15)

/*
 * What follows the integer registers in the frame at sp: the trap CSRs, the FP registers and fcsr. The integer
 * registers are saved already, so t0 is free.
 */
.macro SAVE_TRAP_STATE
    csrr t0, sepc
    REG_S t0, SEPC_SLOT(sp)
    csrr t0, sstatus
    REG_S t0, SSTATUS_SLOT(sp)
    csrr t0, scause
    REG_S t0, SCAUSE_SLOT(sp)
    csrr t0, stval
    REG_S t0, STVAL_SLOT(sp)
    FRAME_F_REGS fsd, sp, FP_BASE
    csrr t0, fcsr
    REG_S t0, FCSR_SLOT(sp)
.endm

/*
 * The way back: fcsr, the FP registers, and the sepc and sstatus that sret takes from the frame at sp (scause and
 * stval are only read). The integer registers are loaded afterwards, so t0 is free.
 */
.macro LOAD_TRAP_STATE
    REG_L t0, FCSR_SLOT(sp)
    csrw fcsr, t0
    FRAME_F_REGS fld, sp, FP_BASE
    REG_L t0, SEPC_SLOT(sp)
    csrw sepc, t0
    REG_L t0, SSTATUS_SLOT(sp)
    csrw sstatus, t0
.endm
