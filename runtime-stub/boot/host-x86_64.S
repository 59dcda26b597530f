/*
 * Boot code for the host target: a freestanding static x86_64 Linux executable
 * (docs/abi.md). No libc: the program talks to the kernel with raw system calls.
 *
 * Assemble with clang-19 --target=x86_64-unknown-linux-gnu -c.
 */

#define SYS_write 1
#define SYS_exit_group 231

    .text

    .globl _start
    .type _start, @function
_start:
    /* Mark the outermost frame for debuggers and unwinders. */
    xor %ebp, %ebp
    /* The kernel leaves rsp 16-byte aligned (at argc); make sure, so that after the call
       pushes the return address the callee sees the System V alignment. */
    and $-16, %rsp
    call rvc_managed_entry
    mov %eax, %edi
    call rvc_exit
    .size _start, . - _start

/* void rvc_exit(int status): exit_group(status). */
    .globl rvc_exit
    .type rvc_exit, @function
rvc_exit:
    mov $SYS_exit_group, %eax
    syscall
    hlt
    .size rvc_exit, . - rvc_exit

/* nint rvc_host_write(int fd, byte* p, nint len): write(2); returns the count or -errno.
   The arguments are already in rdi, rsi, rdx, where the system call wants them. */
    .globl rvc_host_write
    .type rvc_host_write, @function
rvc_host_write:
    mov $SYS_write, %eax
    syscall
    ret
    .size rvc_host_write, . - rvc_host_write

/* rvc_setjmp(buffer) / rvc_longjmp(buffer, value): the exception frames of try/finally
   (docs/abi.md, "Exceptions"). The buffer keeps the System V callee-saved registers, the
   stack pointer after return and the return address. */
    .globl rvc_setjmp
    .type rvc_setjmp, @function
rvc_setjmp:
    mov %rbx, 0(%rdi)
    mov %rbp, 8(%rdi)
    mov %r12, 16(%rdi)
    mov %r13, 24(%rdi)
    mov %r14, 32(%rdi)
    mov %r15, 40(%rdi)
    lea 8(%rsp), %rdx
    mov %rdx, 48(%rdi)
    mov (%rsp), %rdx
    mov %rdx, 56(%rdi)
    xor %eax, %eax
    ret
    .size rvc_setjmp, . - rvc_setjmp

    .globl rvc_longjmp
    .type rvc_longjmp, @function
rvc_longjmp:
    mov %esi, %eax
    test %eax, %eax
    jnz 1f
    inc %eax
1:
    mov 0(%rdi), %rbx
    mov 8(%rdi), %rbp
    mov 16(%rdi), %r12
    mov 24(%rdi), %r13
    mov 32(%rdi), %r14
    mov 40(%rdi), %r15
    mov 48(%rdi), %rsp
    jmp *56(%rdi)
    .size rvc_longjmp, . - rvc_longjmp

/* No hart id or device tree on the host: both stay 0. */
    .section .bss, "aw", @nobits
    .balign 8
    .globl rvc_boot_hartid
    .type rvc_boot_hartid, @object
rvc_boot_hartid:
    .zero 8
    .size rvc_boot_hartid, 8
    .globl rvc_boot_dtb
    .type rvc_boot_dtb, @object
rvc_boot_dtb:
    .zero 8
    .size rvc_boot_dtb, 8

    .section .note.GNU-stack, "", @progbits
