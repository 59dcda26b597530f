/*
 * The C yardstick's benchmark: every case of bench/README.md ("The bench line"), in the same order and with the
 * same loop as the kernel's bench mode is to have, over the driver in virtio_blk.c. Options come from the kernel
 * command line (QEMU -append, /chosen/bootargs), see bench/README.md.
 */
#include "fdt.h"
#include "virtio_blk.h"

extern char __kernel_end[]; /* linker/virt.ld: free RAM starts here */

#define MAX_SIZE 65536u
#define CHUNK_SECTORS (MAX_SIZE / SECTOR_SIZE)
#define WORDS_PER_SECTOR (SECTOR_SIZE / 8)
#define DEFAULT_MS 1000u
#define DEFAULT_N_CAP (1u << 20)
#define DEFAULT_TIMEBASE 10000000u
#define WARM_UP_REQUESTS 256u

#if __riscv_xlen == 64
#define ARCH "rv64"
#else
#define ARCH "rv32"
#endif

static const uint32_t all_sizes[] = {512, 4096, 65536};
static const uint32_t all_depths[] = {1, 4, 16, 64};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct options {
    uint32_t wanted_features;   /* bench.features=none|flush */
    uint32_t ms;                /* bench.ms: time budget of a case */
    uint32_t n;                 /* bench.n: exact request count (0: the time budget decides, at most DEFAULT_N_CAP) */
    uint32_t sizes, depths;     /* bench.sizes, bench.qd: bit i = all_sizes[i] / all_depths[i] */
    uint32_t ops, patterns;     /* bench.ops: 1 read, 2 write; bench.patterns: 1 seq, 2 rand */
    uint64_t seed;              /* bench.seed */
    int verify;                 /* bench.verify=on|off */
};

static struct blk_device dev;
static struct options opt;
static uint64_t timebase;
static uint8_t *buffers[BLK_MAX_SLOTS];
static uint8_t *verify_buffer;
static uint8_t *written;        /* one bit per sector: written by the current case */
static uint64_t sector_template[WORDS_PER_SECTOR];

/* ---- options ---- */

static int parse_u64(const char *s, const char *end, uint64_t *out)
{
    if (s == end)
        return -1;
    uint64_t v = 0;
    for (; s < end; s++) {
        if (*s < '0' || *s > '9' || v > (~0ULL - 9) / 10)
            return -1;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return 0;
}

static int word_is(const char *s, const char *end, const char *word)
{
    while (s < end && *word && *s == *word) {
        s++;
        word++;
    }
    return s == end && *word == 0;
}

/* A comma-separated list of numbers, each one of `allowed`: returns the bit mask, or -1. */
static long parse_number_list(const char *s, const char *end, const uint32_t *allowed, uint32_t count)
{
    long mask = 0;
    while (s < end) {
        const char *comma = s;
        while (comma < end && *comma != ',')
            comma++;
        uint64_t v;
        if (parse_u64(s, comma, &v) != 0)
            return -1;
        uint32_t i = 0;
        while (i < count && allowed[i] != v)
            i++;
        if (i == count)
            return -1;
        mask |= 1L << i;
        s = comma < end ? comma + 1 : end;
    }
    return mask == 0 ? -1 : mask;
}

static long parse_word_list(const char *s, const char *end, const char *first, const char *second)
{
    long mask = 0;
    while (s < end) {
        const char *comma = s;
        while (comma < end && *comma != ',')
            comma++;
        if (word_is(s, comma, first))
            mask |= 1;
        else if (word_is(s, comma, second))
            mask |= 2;
        else
            return -1;
        s = comma < end ? comma + 1 : end;
    }
    return mask == 0 ? -1 : mask;
}

static void bad_option(const char *key, const char *key_end)
{
    put_str("bench: error: bad value for ");
    while (key < key_end)
        put_char(*key++);
    put_char('\n');
    exit_qemu(1);
}

static void parse_options(const char *args)
{
    opt.wanted_features = 0;
    opt.ms = DEFAULT_MS;
    opt.n = 0;
    opt.sizes = (1u << COUNT(all_sizes)) - 1;
    opt.depths = (1u << COUNT(all_depths)) - 1;
    opt.ops = 3;
    opt.patterns = 3;
    opt.seed = 0x2545f4914f6cdd1dULL;
    opt.verify = 1;
    if (args == NULL)
        return;
    const char *p = args;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *key = p;
        while (*p && *p != ' ')
            p++;
        const char *end = p, *eq = key;
        while (eq < end && *eq != '=')
            eq++;
        const char *value = eq < end ? eq + 1 : end;
        uint64_t v;
        long mask;
        if (word_is(key, eq, "bench")) {
            /* the mode itself: the yardstick has no other */
        } else if (word_is(key, eq, "blk.completion")) {
            /* the kernel's option, accepted for the same command lines: the yardstick polls, nothing else */
            if (!word_is(value, end, "poll"))
                fail("the C yardstick polls the used ring only: blk.completion=poll");
        } else if (word_is(key, eq, "blk.queue")) {
            /* the kernel's option too; the yardstick's queue always has 256 entries */
        } else if (word_is(key, eq, "bench.features")) {
            if (word_is(value, end, "none"))
                opt.wanted_features = 0;
            else if (word_is(value, end, "flush"))
                opt.wanted_features = VIRTIO_BLK_F_FLUSH;
            else
                bad_option(key, eq);
        } else if (word_is(key, eq, "bench.ms")) {
            if (parse_u64(value, end, &v) != 0 || v == 0 || v > 3600000)
                bad_option(key, eq);
            opt.ms = (uint32_t)v;
        } else if (word_is(key, eq, "bench.n")) {
            if (parse_u64(value, end, &v) != 0 || v > (1u << 24))
                bad_option(key, eq);
            opt.n = (uint32_t)v;
        } else if (word_is(key, eq, "bench.seed")) {
            if (parse_u64(value, end, &v) != 0 || v == 0)
                bad_option(key, eq);
            opt.seed = v;
        } else if (word_is(key, eq, "bench.sizes")) {
            if ((mask = parse_number_list(value, end, all_sizes, COUNT(all_sizes))) < 0)
                bad_option(key, eq);
            opt.sizes = (uint32_t)mask;
        } else if (word_is(key, eq, "bench.qd")) {
            if ((mask = parse_number_list(value, end, all_depths, COUNT(all_depths))) < 0)
                bad_option(key, eq);
            opt.depths = (uint32_t)mask;
        } else if (word_is(key, eq, "bench.ops")) {
            if ((mask = parse_word_list(value, end, "read", "write")) < 0)
                bad_option(key, eq);
            opt.ops = (uint32_t)mask;
        } else if (word_is(key, eq, "bench.patterns")) {
            if ((mask = parse_word_list(value, end, "seq", "rand")) < 0)
                bad_option(key, eq);
            opt.patterns = (uint32_t)mask;
        } else if (word_is(key, eq, "bench.verify")) {
            if (word_is(value, end, "on"))
                opt.verify = 1;
            else if (word_is(value, end, "off"))
                opt.verify = 0;
            else
                bad_option(key, eq);
        } else {
            put_str("yardstick: ignoring unknown option '");
            while (key < end)
                put_char(*key++);
            put_line("'");
        }
    }
}

/* ---- offsets and data ---- */

/* Where the requests of a case go, in request-sized blocks: 0, 1, 2, ... wrapping (seq), or xorshift64 (rand). */
struct offsets {
    int random;
    uint64_t state;
    uint32_t next, blocks;
};

static void offsets_start(struct offsets *o, int random, uint32_t blocks, uint32_t case_number)
{
    o->random = random;
    o->state = opt.seed ^ ((uint64_t)(case_number + 1) * 0x9e3779b97f4a7c15ULL);
    if (o->state == 0)
        o->state = 1;
    o->next = 0;
    o->blocks = blocks;
}

static uint32_t offsets_next(struct offsets *o)
{
    if (!o->random) {
        uint32_t b = o->next;
        o->next = b + 1 == o->blocks ? 0 : b + 1;
        return b;
    }
    uint64_t x = o->state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    o->state = x;
    return (uint32_t)(((x >> 32) * (uint64_t)o->blocks) >> 32);
}

/* Every sector a write case writes holds: word 0 its own sector number, word 1 the case's tag, words 2-63 the
 * case's template. Buffers are filled with the template before the clock starts; the loop stamps words 0-1. */
static void prepare_write_buffers(uint32_t size, uint32_t depth, uint64_t tag)
{
    uint64_t x = tag * 0x9e3779b97f4a7c15ULL;
    for (uint32_t w = 0; w < WORDS_PER_SECTOR; w++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        sector_template[w] = x;
    }
    for (uint32_t s = 0; s < depth; s++) {
        uint64_t *words = (uint64_t *)buffers[s];
        for (uint32_t k = 0; k < size / SECTOR_SIZE; k++)
            for (uint32_t w = 2; w < WORDS_PER_SECTOR; w++)
                words[k * WORDS_PER_SECTOR + w] = sector_template[w];
    }
}

static inline void stamp(uint8_t *buffer, uint32_t sectors, uint64_t lba, uint64_t tag)
{
    uint64_t *words = (uint64_t *)buffer;
    for (uint32_t k = 0; k < sectors; k++) {
        words[k * WORDS_PER_SECTOR] = lba + k;
        words[k * WORDS_PER_SECTOR + 1] = tag;
    }
}

/* ---- the benchmark loop ---- */

struct result {
    uint32_t n;
    uint64_t ticks;
    uint64_t insns; /* instret inside blk_submit and blk_take (the driver's work; blk_poll's spin is the wait) */
};

/* Runs one case: at most `cap` requests, and no new one once `budget` ticks have passed and `at_least` were
 * submitted; up to `depth` in flight. The clock runs from the first submission to the last completion. */
static struct result run_case(int write, int random, uint32_t size, uint32_t depth, uint32_t case_number, uint64_t tag,
                              uint32_t cap, uint32_t at_least, uint64_t budget)
{
    uint32_t sectors = size / SECTOR_SIZE;
    uint32_t blocks = (uint32_t)(dev.capacity / sectors);
    uint64_t timeout = timebase * 10;
    uint32_t type = write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN;

    struct offsets where;
    offsets_start(&where, random, blocks, case_number);
    uint32_t free_slots[BLK_MAX_SLOTS], free_count = 0;
    for (uint32_t s = depth; s > 0; s--)
        free_slots[free_count++] = s - 1;

    uint32_t submitted = 0, completed = 0;
    int stopping = 0;
    uint64_t insns = 0, probe = ~0ULL;
    for (int i = 0; i < 8; i++) { /* what an empty interval measures: subtracted from every interval */
        uint64_t first = read_instret();
        uint64_t spent = read_instret() - first;
        probe = spent < probe ? spent : probe;
    }
    uint64_t start = read_time();
    while (completed < submitted || !stopping) {
        while (free_count > 0 && !stopping) {
            if (submitted == cap || (submitted >= at_least && read_time() - start >= budget)) {
                stopping = 1;
                break;
            }
            uint32_t slot = free_slots[--free_count];
            uint64_t lba = (uint64_t)offsets_next(&where) * sectors;
            if (write)
                stamp(buffers[slot], sectors, lba, tag);
            uint64_t before = read_instret();
            blk_submit(&dev, slot, type, lba, buffers[slot], size);
            insns += read_instret() - before - probe;
            submitted++;
        }
        if (completed == submitted)
            break;
        blk_poll(&dev, timeout);
        for (;;) {
            uint64_t before = read_instret();
            int slot = blk_take(&dev);
            insns += read_instret() - before - probe;
            if (slot < 0)
                break;
            free_slots[free_count++] = (uint32_t)slot;
            completed++;
        }
    }
    uint64_t ticks = read_time() - start;
    struct result r = {completed, ticks == 0 ? 1 : ticks, insns};
    return r;
}

/* After a write case: replays its offsets into the written-sector bitmap, reads back every 64 KiB chunk that holds
 * a written sector and checks each written sector. */
static void verify_case(int random, uint32_t size, uint32_t n, uint32_t case_number, uint64_t tag)
{
    uint32_t sectors = size / SECTOR_SIZE;
    uint64_t bitmap_bytes = (dev.capacity + 7) / 8;
    memset(written, 0, (size_t)bitmap_bytes);
    struct offsets where;
    offsets_start(&where, random, (uint32_t)(dev.capacity / sectors), case_number);
    for (uint32_t i = 0; i < n; i++) {
        uint64_t lba = (uint64_t)offsets_next(&where) * sectors;
        for (uint32_t k = 0; k < sectors; k++)
            written[(lba + k) >> 3] |= (uint8_t)(1u << ((lba + k) & 7));
    }
    uint64_t timeout = timebase * 10;
    for (uint64_t chunk = 0; chunk < dev.capacity; chunk += CHUNK_SECTORS) {
        uint32_t count = dev.capacity - chunk < CHUNK_SECTORS ? (uint32_t)(dev.capacity - chunk) : CHUNK_SECTORS;
        int any = 0;
        for (uint32_t k = 0; k < count && !any; k += 8)
            any = written[(chunk + k) >> 3] != 0;
        if (!any)
            continue;
        blk_sync(&dev, VIRTIO_BLK_T_IN, chunk, verify_buffer, count * SECTOR_SIZE, timeout);
        for (uint32_t k = 0; k < count; k++) {
            uint64_t lba = chunk + k;
            if ((written[lba >> 3] & (1u << (lba & 7))) == 0)
                continue;
            const uint64_t *words = (const uint64_t *)(verify_buffer + k * SECTOR_SIZE);
            int ok = words[0] == lba && words[1] == tag;
            for (uint32_t w = 2; w < WORDS_PER_SECTOR && ok; w++)
                ok = words[w] == sector_template[w];
            if (!ok) {
                put_str("bench: error: verification failed: sector ");
                put_u64(lba);
                put_str(" does not hold what the write case wrote (size=");
                put_u64(size);
                put_str(random ? " pattern=rand)\n" : " pattern=seq)\n");
                exit_qemu(1);
            }
        }
    }
}

static void print_result(int write, int random, uint32_t size, uint32_t depth, struct result r)
{
    put_str("bench: arch=" ARCH " transport=legacy completion=poll features=");
    put_hex(dev.accepted);
    put_str(write ? " op=write" : " op=read");
    put_str(random ? " pattern=rand" : " pattern=seq");
    put_str(" size=");
    put_u64(size);
    put_str(" qd=");
    put_u64(depth);
    put_str(" n=");
    put_u64(r.n);
    put_str(" ticks=");
    put_u64(r.ticks);
    put_str(" iops=");
    put_u64((uint64_t)r.n * timebase / r.ticks);
    put_str(" kibps=");
    put_u64((uint64_t)r.n * size * timebase / 1024 / r.ticks);
    put_str(" insns=");
    put_u64(r.insns);
    put_char('\n');
}

int main(uintptr_t dtb)
{
    struct fdt_info tree;
    int have_tree = fdt_scan(dtb, &tree) == 0;
    timebase = have_tree && tree.timebase != 0 ? tree.timebase : DEFAULT_TIMEBASE;
    parse_options(have_tree ? tree.bootargs : NULL);

    const char *error = blk_init(&dev, opt.wanted_features);
    if (error != NULL)
        fail(error);

    /* Buffers above the image: one MAX_SIZE buffer per request slot, one to verify into, the sector bitmap. */
    uintptr_t free_memory = ((uintptr_t)__kernel_end + 4095) & ~(uintptr_t)4095;
    for (uint32_t s = 0; s < dev.slots; s++) {
        buffers[s] = (uint8_t *)free_memory;
        free_memory += MAX_SIZE;
    }
    verify_buffer = (uint8_t *)free_memory;
    free_memory += MAX_SIZE;
    written = (uint8_t *)free_memory;
    free_memory += (uintptr_t)((dev.capacity + 7) / 8);
    if (free_memory > 0x80000000UL + (120UL << 20))
        fail("the disk's sector bitmap does not fit in RAM");

    put_str("yardstick: C, " ARCH ", virtio-mmio@0x10001000 legacy, capacity ");
    put_u64(dev.capacity);
    put_str(" sectors, queue ");
    put_u64(dev.queue_size);
    put_str(" (");
    put_u64(dev.slots);
    put_str(" requests in flight), features accepted ");
    put_hex(dev.accepted);
    put_str(", timebase ");
    put_u64(timebase);
    put_str(" Hz, ");
    if (opt.n != 0) {
        put_str("n=");
        put_u64(opt.n);
    } else {
        put_u64(opt.ms);
        put_str(" ms per case");
    }
    put_line(opt.verify ? ", writes verified" : ", no verification");

    /* Warm-up, not timed and not printed: QEMU translates the loop's code and the host's file system wakes up.
     * Reads only, so the image stays sparse. */
    for (uint32_t si = 0; si < COUNT(all_sizes); si++) {
        run_case(0, 0, all_sizes[si], 1, 0, 0, WARM_UP_REQUESTS, WARM_UP_REQUESTS, ~0ULL);
        run_case(0, 1, all_sizes[si], dev.slots, 0, 0, WARM_UP_REQUESTS, WARM_UP_REQUESTS, ~0ULL);
    }

    /* The order of bench/README.md: op, pattern, size, queue depth. */
    uint32_t case_number = 0;
    for (int write = 0; write <= 1; write++) {
        if ((opt.ops & (1u << write)) == 0)
            continue;
        for (int random = 0; random <= 1; random++) {
            if ((opt.patterns & (1u << random)) == 0)
                continue;
            for (uint32_t si = 0; si < COUNT(all_sizes); si++) {
                uint32_t size = all_sizes[si];
                if ((opt.sizes & (1u << si)) == 0 || dev.capacity < size / SECTOR_SIZE)
                    continue;
                for (uint32_t di = 0; di < COUNT(all_depths); di++) {
                    uint32_t depth = all_depths[di];
                    if ((opt.depths & (1u << di)) == 0 || depth > dev.slots)
                        continue;
                    case_number++;
                    uint64_t tag = 0x62656e6300000000ULL | case_number; /* "benc" */
                    if (write)
                        prepare_write_buffers(size, depth, tag);
                    struct result r = opt.n != 0
                        ? run_case(write, random, size, depth, case_number, tag, opt.n, opt.n, ~0ULL)
                        : run_case(write, random, size, depth, case_number, tag, DEFAULT_N_CAP, depth,
                                   (uint64_t)opt.ms * timebase / 1000);
                    print_result(write, random, size, depth, r);
                    if (write) {
                        if (dev.accepted & VIRTIO_BLK_F_FLUSH)
                            blk_sync(&dev, VIRTIO_BLK_T_FLUSH, 0, NULL, 0, timebase * 60);
                        if (opt.verify)
                            verify_case(random, size, r.n, case_number, tag);
                    }
                }
            }
        }
    }
    put_line("bench: done");
    return 0;
}
