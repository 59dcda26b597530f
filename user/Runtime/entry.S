/*
 * A user program's entry (user/README.md): the kernel maps the program's ELF segments at their link addresses
 * (Runtime/user.ld: 0x1000000, with U set) and enters _start in U-mode with sret, a0 = the program's argument
 * (docs/abi.md, "System calls"). Everything here runs in U-mode: no CSR, no device, only ecall.
 *
 * Also here: rvc_exit (the exit system call), the system-call stub, the user stack.
 */
#include "../../runtime-stub/boot/riscv-regs.h"

/* docs/abi.md, "System calls": the numbers this file needs. */
#define SYS_EXIT 3

    .section .text.init, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __user_stack_top
    /* The argument the kernel passed, for the C# side (UserRuntime.Argument). */
    la t0, rvc_user_argument
    REG_S a0, 0(t0)
    /* .bss is zero already: the kernel gives every page zeroed (the ELF's memory size past its file size).
       The FPU is on (sstatus.FS set by the kernel before sret); fcsr starts at 0 likewise. */
    /* The frame-pointer chain a panic walks (docs/abi.md, "Stack traces") ends here. */
    li s0, 0
    call rvc_user_start
    call rvc_managed_entry
    /* a0 holds Main's status. */
    call rvc_exit
    .size _start, . - _start

    .text

/* void rvc_exit(int status) (noreturn): the exit system call; the kernel never returns from it. */
    .globl rvc_exit
    .type rvc_exit, @function
rvc_exit:
    li a7, SYS_EXIT
    ecall
1:
    j 1b
    .size rvc_exit, . - rvc_exit

/*
 * nint rvc_syscall(nint number, nint a0, nint a1, nint a2, nint a3, nint a4): one system call (docs/abi.md): a7 =
 * the number, a0-a4 = the arguments; the kernel returns the result in a0 (negative: an error code).
 */
    .globl rvc_syscall
    .type rvc_syscall, @function
rvc_syscall:
    mv a7, a0
    mv a0, a1
    mv a1, a2
    mv a2, a3
    mv a3, a4
    mv a4, a5
    ecall
    ret
    .size rvc_syscall, . - rvc_syscall

/* nuint rvc_user_arg(void): a0 at entry. */
    .globl rvc_user_arg
    .type rvc_user_arg, @function
rvc_user_arg:
    la t0, rvc_user_argument
    REG_L a0, 0(t0)
    ret
    .size rvc_user_arg, . - rvc_user_arg

/* Weak stub, as in runtime-stub/boot/riscv.S: the core library's host branch still links. */
    .weak rvc_host_write
    .type rvc_host_write, @function
rvc_host_write:
    li a0, -1
    ret
    .size rvc_host_write, . - rvc_host_write

    .section .bss, "aw", @nobits
    .balign REGBYTES
rvc_user_argument:
    .zero REGBYTES

/* The user stack: 64 KiB in .bss, so the kernel maps it with the program's other zeroed pages (R W U). */
    .section .bss.stack, "aw", @nobits
    .balign 16
    .globl __user_stack_bottom
__user_stack_bottom:
    .zero 65536
    .globl __user_stack_top
__user_stack_top:
