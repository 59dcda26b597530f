#include "virtio_blk.h"

/* virtio-mmio, legacy interface (virtio 1.2, 4.2.4) */
#define VIRTIO_MMIO_BASE 0x10001000UL
#define REG_MAGIC 0x000
#define REG_VERSION 0x004
#define REG_DEVICE_ID 0x008
#define REG_HOST_FEATURES 0x010
#define REG_HOST_FEATURES_SEL 0x014
#define REG_GUEST_FEATURES 0x020
#define REG_GUEST_FEATURES_SEL 0x024
#define REG_GUEST_PAGE_SIZE 0x028
#define REG_QUEUE_SEL 0x030
#define REG_QUEUE_NUM_MAX 0x034
#define REG_QUEUE_NUM 0x038
#define REG_QUEUE_ALIGN 0x03c
#define REG_QUEUE_PFN 0x040
#define REG_QUEUE_NOTIFY 0x050
#define REG_STATUS 0x070
#define REG_CONFIG 0x100

#define STATUS_ACK 1
#define STATUS_DRIVER 2
#define STATUS_DRIVER_OK 4

#define VIRTQ_DESC_F_NEXT 1
#define VIRTQ_DESC_F_WRITE 2
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1
#define VIRTQ_USED_F_NO_NOTIFY 1

#define PAGE_SIZE 4096
#define QUEUE_SIZE 256

struct virtq_desc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags;
    uint16_t next;
};

struct virtq_used_elem {
    uint32_t id;
    uint32_t len;
};

struct blk_req_header {
    uint32_t type;
    uint32_t reserved;
    uint64_t sector;
};

/* The legacy layout of one queue of QUEUE_SIZE entries: descriptors, available ring, then the used ring on the
 * next page boundary (QueueAlign = 4096). 16 * 256 + 6 + 2 * 256 = 4614 bytes, used ring from 8192. */
#define AVAIL_OFFSET (16 * QUEUE_SIZE)
#define USED_OFFSET (((AVAIL_OFFSET + 6 + 2 * QUEUE_SIZE) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define QUEUE_BYTES (USED_OFFSET + 6 + 8 * QUEUE_SIZE)

static uint8_t queue_memory[(QUEUE_BYTES + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)] __attribute__((aligned(PAGE_SIZE)));
static struct blk_req_header headers[BLK_MAX_SLOTS];
static volatile uint8_t statuses[BLK_MAX_SLOTS];

static volatile struct virtq_desc *desc;
static volatile uint16_t *avail_flags, *avail_idx, *avail_ring;
static volatile uint16_t *used_flags, *used_idx;
static volatile struct virtq_used_elem *used_ring;
static uint16_t next_avail, last_used, seen_used;

static uint32_t reg_read(struct blk_device *dev, uint32_t reg) { return mmio_read32(dev->base + reg); }
static void reg_write(struct blk_device *dev, uint32_t reg, uint32_t v) { mmio_write32(dev->base + reg, v); }

const char *blk_init(struct blk_device *dev, uint32_t wanted_features)
{
    dev->base = VIRTIO_MMIO_BASE;
    if (reg_read(dev, REG_MAGIC) != 0x74726976)
        return "no virtio-mmio device at 0x10001000";
    if (reg_read(dev, REG_VERSION) != 1)
        return "the virtio-mmio device is not legacy (version 1): the yardstick speaks the legacy interface only";
    if (reg_read(dev, REG_DEVICE_ID) != 2)
        return "the virtio-mmio device at 0x10001000 is not a block device";

    reg_write(dev, REG_STATUS, 0);
    reg_write(dev, REG_STATUS, STATUS_ACK);
    reg_write(dev, REG_STATUS, STATUS_ACK | STATUS_DRIVER);
    reg_write(dev, REG_HOST_FEATURES_SEL, 0);
    uint32_t offered = reg_read(dev, REG_HOST_FEATURES);
    dev->accepted = offered & wanted_features;
    reg_write(dev, REG_GUEST_FEATURES_SEL, 0);
    reg_write(dev, REG_GUEST_FEATURES, dev->accepted);
    reg_write(dev, REG_GUEST_PAGE_SIZE, PAGE_SIZE);

    reg_write(dev, REG_QUEUE_SEL, 0);
    uint32_t max = reg_read(dev, REG_QUEUE_NUM_MAX);
    if (max < QUEUE_SIZE)
        return "the device's queue is smaller than 256 entries";
    dev->queue_size = QUEUE_SIZE;
    dev->slots = QUEUE_SIZE / 3 < BLK_MAX_SLOTS ? QUEUE_SIZE / 3 : BLK_MAX_SLOTS;

    uint8_t *q = queue_memory;
    desc = (volatile struct virtq_desc *)q;
    avail_flags = (volatile uint16_t *)(q + AVAIL_OFFSET);
    avail_idx = avail_flags + 1;
    avail_ring = avail_flags + 2;
    used_flags = (volatile uint16_t *)(q + USED_OFFSET);
    used_idx = used_flags + 1;
    used_ring = (volatile struct virtq_used_elem *)(q + USED_OFFSET + 4);
    /* Polling: the device need not interrupt. */
    *avail_flags = VIRTQ_AVAIL_F_NO_INTERRUPT;

    /* The chains are fixed: header -> data -> status. */
    for (uint32_t s = 0; s < dev->slots; s++) {
        volatile struct virtq_desc *d = desc + 3 * s;
        d[0].addr = (uintptr_t)&headers[s];
        d[0].len = sizeof(struct blk_req_header);
        d[0].flags = VIRTQ_DESC_F_NEXT;
        d[0].next = (uint16_t)(3 * s + 1);
        d[1].flags = VIRTQ_DESC_F_NEXT;
        d[1].next = (uint16_t)(3 * s + 2);
        d[2].addr = (uintptr_t)&statuses[s];
        d[2].len = 1;
        d[2].flags = VIRTQ_DESC_F_WRITE;
        d[2].next = 0;
    }

    reg_write(dev, REG_QUEUE_NUM, QUEUE_SIZE);
    reg_write(dev, REG_QUEUE_ALIGN, PAGE_SIZE);
    reg_write(dev, REG_QUEUE_PFN, (uint32_t)((uintptr_t)queue_memory / PAGE_SIZE));
    reg_write(dev, REG_STATUS, STATUS_ACK | STATUS_DRIVER | STATUS_DRIVER_OK);

    /* capacity: a 64-bit field of the configuration space, read as two 32-bit halves until stable. */
    uint32_t hi, lo;
    do {
        hi = reg_read(dev, REG_CONFIG + 4);
        lo = reg_read(dev, REG_CONFIG);
    } while (hi != reg_read(dev, REG_CONFIG + 4));
    dev->capacity = ((uint64_t)hi << 32) | lo;
    return NULL;
}

void blk_submit(struct blk_device *dev, uint32_t slot, uint32_t type, uint64_t sector, void *buf, uint32_t len)
{
    headers[slot].type = type;
    headers[slot].reserved = 0;
    headers[slot].sector = sector;
    statuses[slot] = 0xff;
    volatile struct virtq_desc *d = desc + 3 * slot;
    if (len == 0) {
        /* A flush: header -> status. */
        d[0].next = (uint16_t)(3 * slot + 2);
    } else {
        d[0].next = (uint16_t)(3 * slot + 1);
        d[1].addr = (uintptr_t)buf;
        d[1].len = len;
        d[1].flags = VIRTQ_DESC_F_NEXT | (type == VIRTIO_BLK_T_IN ? VIRTQ_DESC_F_WRITE : 0);
    }
    avail_ring[next_avail % dev->queue_size] = (uint16_t)(3 * slot);
    fence_rw_rw();
    *avail_idx = ++next_avail;
    fence_rw_rw();
    if ((*used_flags & VIRTQ_USED_F_NO_NOTIFY) == 0) {
        fence_w_o();
        reg_write(dev, REG_QUEUE_NOTIFY, 0);
    }
}

uint32_t blk_poll(struct blk_device *dev, uint64_t timeout_ticks)
{
    (void)dev;
    uint16_t idx = *used_idx;
    if (idx == last_used) {
        uint64_t start = read_time();
        uint32_t spins = 0;
        while ((idx = *used_idx) == last_used) {
            if ((++spins & 0xffff) == 0 && read_time() - start > timeout_ticks)
                fail("the device did not complete a request in time");
        }
    }
    fence_rw_rw();
    seen_used = idx;
    return (uint16_t)(idx - last_used);
}

int blk_take(struct blk_device *dev)
{
    if (last_used == seen_used)
        return -1;
    uint32_t id = used_ring[last_used % dev->queue_size].id;
    last_used++;
    uint32_t slot = id / 3;
    if (id % 3 != 0 || slot >= dev->slots)
        fail("the device completed a descriptor that heads no request");
    if (statuses[slot] != 0)
        fail("a request failed (virtio-blk status not OK)");
    return (int)slot;
}

void blk_sync(struct blk_device *dev, uint32_t type, uint64_t sector, void *buf, uint32_t len, uint64_t timeout_ticks)
{
    blk_submit(dev, 0, type, sector, buf, len);
    blk_poll(dev, timeout_ticks);
    if (blk_take(dev) != 0)
        fail("unexpected completion");
}
