/* Just enough of the flattened device tree: /chosen/bootargs and /cpus/timebase-frequency. */
#ifndef YARDSTICK_FDT_H
#define YARDSTICK_FDT_H

#include "platform.h"

struct fdt_info {
    const char *bootargs;       /* NULL when absent */
    uint32_t timebase;          /* 0 when absent */
};

/* Returns 0 and fills info, or -1 when there is no valid tree at dtb. */
int fdt_scan(uintptr_t dtb, struct fdt_info *info);

#endif
