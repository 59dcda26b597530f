#include "platform.h"

#define UART_BASE 0x10000000UL /* NS16550A */
#define UART_THR 0
#define UART_LSR 5
#define UART_LSR_THRE 0x20
#define SIFIVE_TEST 0x100000UL
#define FINISHER_PASS 0x5555
#define FINISHER_FAIL 0x3333

void put_char(char c)
{
    volatile uint8_t *uart = (volatile uint8_t *)UART_BASE;
    while ((uart[UART_LSR] & UART_LSR_THRE) == 0) {
    }
    uart[UART_THR] = (uint8_t)c;
}

void put_str(const char *s)
{
    while (*s)
        put_char(*s++);
}

void put_line(const char *s)
{
    put_str(s);
    put_char('\n');
}

void put_u64(uint64_t value)
{
    char digits[21];
    int n = 0;
    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (n > 0)
        put_char(digits[--n]);
}

void put_hex(uint64_t value)
{
    put_str("0x");
    int shift = 60;
    while (shift > 0 && ((value >> shift) & 0xf) == 0)
        shift -= 4;
    for (; shift >= 0; shift -= 4)
        put_char("0123456789abcdef"[(value >> shift) & 0xf]);
}

void exit_qemu(int status)
{
    uint32_t code = status == 0 ? FINISHER_PASS : ((uint32_t)status << 16) | FINISHER_FAIL;
    mmio_write32(SIFIVE_TEST, code);
    for (;;)
        __asm__ volatile("wfi");
}

void fail(const char *message)
{
    put_str("bench: error: ");
    put_line(message);
    exit_qemu(1);
}

void trap_report(uintptr_t mcause, uintptr_t mepc, uintptr_t mtval)
{
    put_str("bench: error: trap mcause=");
    put_hex(mcause);
    put_str(" mepc=");
    put_hex(mepc);
    put_str(" mtval=");
    put_hex(mtval);
    put_char('\n');
    exit_qemu(1);
}

int str_eq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* What the compiler may call for block moves and, on rv32, 64-bit division (no libgcc, no compiler-rt). */

void *memset(void *dst, int c, size_t n)
{
    uint8_t *d = dst;
    while (n--)
        *d++ = (uint8_t)c;
    return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    while (n--)
        *d++ = *s++;
    return dst;
}

#if __riscv_xlen == 32
static uint64_t udivmod64(uint64_t n, uint64_t d, uint64_t *rem)
{
    if (d == 0)
        fail("division by zero");
    uint64_t q = 0, r = 0;
    for (int i = 63; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= 1ULL << i;
        }
    }
    *rem = r;
    return q;
}

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
    uint64_t r;
    return udivmod64(n, d, &r);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
    uint64_t r;
    udivmod64(n, d, &r);
    return r;
}
#endif
