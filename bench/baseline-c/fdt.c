#include "fdt.h"

#define FDT_MAGIC 0xd00dfeedu
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

static uint32_t be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static uint32_t align4(uint32_t x) { return (x + 3) & ~3u; }

static uint32_t str_len(const char *s, uint32_t max)
{
    uint32_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

int fdt_scan(uintptr_t dtb, struct fdt_info *info)
{
    info->bootargs = NULL;
    info->timebase = 0;
    if (dtb == 0 || (dtb & 3) != 0)
        return -1;
    const uint8_t *blob = (const uint8_t *)dtb;
    if (be32(blob) != FDT_MAGIC)
        return -1;
    uint32_t total = be32(blob + 4), off_struct = be32(blob + 8), off_strings = be32(blob + 12);
    uint32_t size_struct = be32(blob + 36);
    if (total > (2u << 20) || off_struct >= total || off_strings >= total || size_struct > total - off_struct)
        return -1;

    const uint8_t *p = blob + off_struct, *end = p + size_struct;
    const char *strings = (const char *)blob + off_strings;
    uint32_t strings_size = total - off_strings;
    int depth = 0;
    int in_chosen = 0, in_cpus = 0; /* the depth-1 node we are inside */
    while (p + 4 <= end) {
        uint32_t token = be32(p);
        p += 4;
        if (token == FDT_BEGIN_NODE) {
            const char *name = (const char *)p;
            uint32_t len = str_len(name, (uint32_t)(end - p));
            depth++;
            if (depth == 2) {
                in_chosen = str_eq(name, "chosen");
                in_cpus = str_eq(name, "cpus");
            }
            p += align4(len + 1);
        } else if (token == FDT_END_NODE) {
            if (depth == 2)
                in_chosen = in_cpus = 0;
            depth--;
        } else if (token == FDT_PROP) {
            if (p + 8 > end)
                return -1;
            uint32_t len = be32(p), nameoff = be32(p + 4);
            p += 8;
            if (len > (uint32_t)(end - p) || nameoff >= strings_size)
                return -1;
            const char *name = strings + nameoff;
            if (depth == 2 && in_chosen && str_eq(name, "bootargs") && len > 0 && p[len - 1] == 0)
                info->bootargs = (const char *)p;
            if (depth == 2 && in_cpus && str_eq(name, "timebase-frequency") && len == 4)
                info->timebase = be32(p);
            p += align4(len);
        } else if (token == FDT_NOP) {
        } else if (token == FDT_END) {
            return 0;
        } else {
            return -1;
        }
    }
    return 0;
}
