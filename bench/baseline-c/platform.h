/* The machine: QEMU virt's NS16550A UART, sifive_test, the time CSR, fences; and the few library functions a
 * freestanding program needs. */
#ifndef YARDSTICK_PLATFORM_H
#define YARDSTICK_PLATFORM_H

typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long long uint64_t;
typedef unsigned long uintptr_t;
typedef unsigned long size_t;
_Static_assert(sizeof(uintptr_t) == sizeof(void *), "uintptr_t");

#define NULL ((void *)0)

static inline uint32_t mmio_read32(uintptr_t addr) { return *(volatile uint32_t *)addr; }
static inline void mmio_write32(uintptr_t addr, uint32_t value) { *(volatile uint32_t *)addr = value; }

/* Between a ring entry and the index that publishes it (and after reading an index, before the entries). */
static inline void fence_rw_rw(void) { __asm__ volatile("fence rw, rw" ::: "memory"); }
/* Before the doorbell: memory writes before the device-register write. */
static inline void fence_w_o(void) { __asm__ volatile("fence w, o" ::: "memory"); }

/* The time CSR (10 MHz on QEMU virt). rv32: timeh, time, timeh again until the high half is stable. */
static inline uint64_t read_time(void)
{
#if __riscv_xlen == 64
    uint64_t t;
    __asm__ volatile("csrr %0, 0xc01" : "=r"(t));
    return t;
#else
    uint32_t hi, lo, hi2;
    do {
        __asm__ volatile("csrr %0, 0xc81" : "=r"(hi));
        __asm__ volatile("csrr %0, 0xc01" : "=r"(lo));
        __asm__ volatile("csrr %0, 0xc81" : "=r"(hi2));
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
#endif
}

/* The instret CSR: instructions retired (deterministic under QEMU's -icount shift=0). Same pattern as read_time. */
static inline uint64_t read_instret(void)
{
#if __riscv_xlen == 64
    uint64_t t;
    __asm__ volatile("csrr %0, 0xc02" : "=r"(t));
    return t;
#else
    uint32_t hi, lo, hi2;
    do {
        __asm__ volatile("csrr %0, 0xc82" : "=r"(hi));
        __asm__ volatile("csrr %0, 0xc02" : "=r"(lo));
        __asm__ volatile("csrr %0, 0xc82" : "=r"(hi2));
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
#endif
}

void put_char(char c);
void put_str(const char *s);
void put_u64(uint64_t value);
void put_hex(uint64_t value);
void put_line(const char *s);
__attribute__((noreturn)) void exit_qemu(int status);
__attribute__((noreturn)) void fail(const char *message);

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
int str_eq(const char *a, const char *b);

#endif
