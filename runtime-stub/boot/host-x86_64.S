/*
 * Boot code for the host target: a freestanding static x86_64 Linux executable
 * (docs/abi.md). No libc: the program talks to the kernel with raw system calls.
 *
 * Assemble with clang-19 --target=x86_64-unknown-linux-gnu -c.
 */

#define SYS_write 1
#define SYS_exit_group 231
#define SYS_getrlimit 97
#define RLIMIT_STACK 3
#define DEFAULT_STACK (8 * 1024 * 1024)
#define MAX_STACK (1024 * 1024 * 1024)
/* Below rvc_stack_limit: room for the stack-overflow report and for arguments and environment above rsp. */
#define STACK_RESERVE (256 * 1024)

    .text

    .globl _start
    .type _start, @function
_start:
    /* Mark the outermost frame for debuggers and unwinders. */
    xor %ebp, %ebp
    /* The kernel leaves rsp 16-byte aligned (at argc); make sure, so that after the call
       pushes the return address the callee sees the System V alignment. */
    and $-16, %rsp
    /* rvc_stack_limit = rsp - RLIMIT_STACK + reserve (8 MiB when unlimited or unknown): compiled code checks
       the stack pointer against it on entry (docs/abi.md, "Stack overflow"). */
    sub $16, %rsp
    mov $SYS_getrlimit, %eax
    mov $RLIMIT_STACK, %edi
    mov %rsp, %rsi
    syscall
    mov (%rsp), %rcx
    add $16, %rsp
    test %rax, %rax
    jnz 1f
    cmp $MAX_STACK, %rcx
    jbe 2f
1:
    mov $DEFAULT_STACK, %rcx
2:
    mov %rsp, %rax
    sub %rcx, %rax
    add $STACK_RESERVE, %rax
    mov %rax, rvc_stack_limit(%rip)
    /* The frame-pointer chain a panic walks (docs/abi.md, "Stack traces") ends here. */
    xor %ebp, %ebp
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

/* void* rvc_stack_limit: the lowest stack pointer compiled code may run with (see _start). */
    .bss
    .balign 8
    .globl rvc_stack_limit
    .type rvc_stack_limit, @object
rvc_stack_limit:
    .zero 8
    .size rvc_stack_limit, 8
