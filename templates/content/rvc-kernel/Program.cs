using RvcKernel;

// The boot code (the toolchain's, M-mode) has set up a stack and zeroed .bss; Main's return value is the exit
// status QEMU reports. No garbage collector: structs, spans, pointers and static data only.
Uart.WriteLine("RvcKernel: booting");

if (!VirtioBlk.Find(out nuint device))
{
    Uart.WriteLine("virtio-blk: no device found (attach one: -drive file=disk.img,if=none,format=raw,id=d0 -device virtio-blk-device,drive=d0)");
    return 1;
}

Span<byte> sector = stackalloc byte[VirtioBlk.SectorSize];
if (!VirtioBlk.ReadSector(device, 0, sector))
    return 2;

Uart.Write("blk0 sector 0: ");
foreach (byte b in sector)
{
    if (b == 0)
        break;
    Uart.Write((char)b);
}
Uart.WriteLine("RvcKernel: done");
return 0;
