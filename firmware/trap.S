/*
 * The firmware's two pieces of assembly (README.md): the way into S-mode (mret) and the
 * M-mode trap vector, which saves the interrupted registers in a TrapFrame (TrapFrame.cs),
 * hands it to C# (fw_trap, Trap.cs) and returns with mret. rv32 and rv64.
 */
#include "../runtime-stub/boot/riscv-regs.h"

/* mstatus fields (privileged specification, "Machine Status Register"). */
#define MSTATUS_SIE 0x2
#define MSTATUS_SPIE 0x20
#define MSTATUS_MPIE 0x80
#define MSTATUS_MPP_MASK 0x1800
#define MSTATUS_MPP_S 0x0800
#define MSTATUS_FS_DIRTY 0x6000

/*
 * The frame, as TrapFrame.cs declares it: x0..x31 at n * REGBYTES (slot 0, x0, stays unused),
 * then mepc and mstatus, then the caller-saved FP registers (ft0-ft7, fa0-fa7, ft8-ft11,
 * 8 bytes each) and fcsr. The C# handler is compiled for rv32gc/rv64gc and may use them, and
 * the S-mode program's values must survive an SBI call.
 */
#define FRAME_MEPC (32 * REGBYTES)
#define FRAME_MSTATUS (33 * REGBYTES)
#define FRAME_FP (34 * REGBYTES)
#define FRAME_FCSR (FRAME_FP + 20 * 8)
#define FRAME_SIZE ((FRAME_FCSR + REGBYTES + 15) & ~15)

/*
 * FRAME_FP_REGS fsd stores the caller-saved FP registers in the frame at sp in that order (ft0-ft7 are f0-f7,
 * fa0-fa7 f10-f17, ft8-ft11 f28-f31), FRAME_FP_REGS fld loads them.
 */
.macro FRAME_FP_REGS op
    .set .Lfp_slot, 0
    .irp reg, 0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31
    \op f\reg, (FRAME_FP + .Lfp_slot * 8)(sp)
    .set .Lfp_slot, .Lfp_slot + 1
    .endr
.endm

    .text

/*
 * void fw_enter_supervisor(nuint hartid, nuint dtb, nuint next_addr) (does not return):
 * from now on every trap goes to fw_trap_vector on a fresh firmware stack (mscratch holds its
 * top while S-mode runs), and mret starts next_addr in S-mode with a0 = hart id, a1 = device
 * tree, interrupts off and satp = 0, as OpenSBI's fw_dynamic does.
 */
    .globl fw_enter_supervisor
    .type fw_enter_supervisor, @function
fw_enter_supervisor:
    la t0, fw_trap_vector
    csrw mtvec, t0
    la t0, __stack_top
    csrw mscratch, t0
    csrw mepc, a2
    li t0, MSTATUS_MPP_MASK | MSTATUS_MPIE | MSTATUS_SPIE | MSTATUS_SIE
    csrc mstatus, t0
    li t0, MSTATUS_MPP_S
    csrs mstatus, t0
    csrw satp, zero
    li a2, 0
    mret
    .size fw_enter_supervisor, . - fw_enter_supervisor

/*
 * The trap vector (direct mode: 4-byte aligned). mscratch is the firmware's stack top while
 * S-mode (or U-mode) runs and 0 while the firmware itself runs, so one swap tells where the
 * trap came from: a trap from the firmware itself is a bug, reported by fw_machine_trap.
 */
    .balign 4
    .globl fw_trap_vector
    .type fw_trap_vector, @function
fw_trap_vector:
    csrrw sp, mscratch, sp
    beqz sp, .Lfrom_machine

    addi sp, sp, -FRAME_SIZE
    FRAME_X_REGS REG_S, sp
    /* The interrupted sp; mscratch is 0 while the firmware runs. */
    csrrw t0, mscratch, zero
    REG_S t0, (2 * REGBYTES)(sp)
    csrr t0, mepc
    REG_S t0, FRAME_MEPC(sp)
    csrr t0, mstatus
    REG_S t0, FRAME_MSTATUS(sp)

    /* S-mode may have turned the FPU off (sstatus.FS is mstatus.FS): on, to save its registers. */
    li t1, MSTATUS_FS_DIRTY
    csrs mstatus, t1
    FRAME_FP_REGS fsd
    csrr t1, fcsr
    REG_S t1, FRAME_FCSR(sp)

    /* The S-mode program has its own gp: the firmware's compiled code needs the firmware's. */
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop

    mv a0, sp
    call fw_trap

    REG_L t1, FRAME_FCSR(sp)
    csrw fcsr, t1
    FRAME_FP_REGS fld
    /* mepc as the handler left it (past the ecall), mstatus as it was (FS included). */
    REG_L t0, FRAME_MEPC(sp)
    csrw mepc, t0
    REG_L t0, FRAME_MSTATUS(sp)
    csrw mstatus, t0
    /* The stack is empty again for the next trap. */
    addi t0, sp, FRAME_SIZE
    csrw mscratch, t0

    FRAME_X_REGS REG_L, sp
    REG_L sp, (2 * REGBYTES)(sp)
    mret

.Lfrom_machine:
    /* Back to the firmware's own sp (mscratch 0 again), then report: fw_machine_trap does not return. */
    csrrw sp, mscratch, sp
    csrr a0, mcause
    csrr a1, mepc
    csrr a2, mtval
    call fw_machine_trap
1:
    wfi
    j 1b
    .size fw_trap_vector, . - fw_trap_vector
