/*
 * A minimal legacy virtio-mmio block driver, the design of the "Operating System in 1000 Lines" tutorial's
 * Disk I/O chapter: the device in slot 0, the legacy handshake, one split virtqueue, every request three
 * descriptors (header, data, status), polling the used ring. Extended with request slots so that up to
 * blk.slots requests are in flight at once: slot s owns descriptors 3s, 3s+1, 3s+2.
 */
#ifndef YARDSTICK_VIRTIO_BLK_H
#define YARDSTICK_VIRTIO_BLK_H

#include "platform.h"

#define VIRTIO_BLK_F_FLUSH (1u << 9)
#define VIRTIO_BLK_T_IN 0
#define VIRTIO_BLK_T_OUT 1
#define VIRTIO_BLK_T_FLUSH 4
#define SECTOR_SIZE 512

/* The most requests in flight (queue depth 64 needs 192 descriptors). */
#define BLK_MAX_SLOTS 64

struct blk_device {
    uintptr_t base;
    uint32_t accepted;      /* feature bits accepted (legacy: bits 0-31) */
    uint32_t queue_size;
    uint32_t slots;         /* requests that fit at once: min(queue_size / 3, BLK_MAX_SLOTS) */
    uint64_t capacity;      /* in sectors */
};

/* Probes slot 0 (0x10001000) and initialises it, accepting the wanted features the device offers.
 * Returns NULL on success, else what went wrong. */
const char *blk_init(struct blk_device *dev, uint32_t wanted_features);

/* Hands request slot `slot` to the device: type VIRTIO_BLK_T_*, `len` bytes at `buf` (none for a flush). */
void blk_submit(struct blk_device *dev, uint32_t slot, uint32_t type, uint64_t sector, void *buf, uint32_t len);

/* Spins until the device has completed at least one request; returns the number of completions now waiting
 * (take them with blk_take). Fails (and exits) if nothing completes within timeout_ticks of the time CSR. */
uint32_t blk_poll(struct blk_device *dev, uint64_t timeout_ticks);

/* The next completion: its slot, or -1 when none is waiting. The request's status must be 0 (VIRTIO_BLK_S_OK):
 * anything else fails (and exits). */
int blk_take(struct blk_device *dev);

/* One request, waited for. */
void blk_sync(struct blk_device *dev, uint32_t type, uint64_t sector, void *buf, uint32_t len, uint64_t timeout_ticks);

#endif
