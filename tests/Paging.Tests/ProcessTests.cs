using System.Buffers.Binary;
using Kernel.Processes;

namespace Kernel.Memory.Paging.Tests;

/// <summary>
/// The host-testable parts of issue 10's processes: the round robin, the address space a process shares with the
/// kernel, the check every system call makes on a user pointer and length, and the ELF reader's refusals.
/// </summary>
public class ProcessTests
{
    const ulong UserStart = 0x100_0000;
    const ulong UserEnd = 0x200_0000;
    const PteFlags RW = PteFlags.R | PteFlags.W;

    [Fact]
    public void RoundRobinGoesRoundFromTheSlotAfterTheLast()
    {
        uint runnable = 1u << 1 | 1u << 4 | 1u << 9;
        Assert.Equal(1, RoundRobin.Next(runnable, -1, 16));
        Assert.Equal(4, RoundRobin.Next(runnable, 1, 16));
        Assert.Equal(9, RoundRobin.Next(runnable, 4, 16));
        // Past the last slot: back to the first.
        Assert.Equal(1, RoundRobin.Next(runnable, 9, 16));
        // The one that ran last runs again only when it is alone.
        Assert.Equal(4, RoundRobin.Next(1u << 4, 4, 16));
        Assert.Equal(-1, RoundRobin.Next(0, 3, 16));
        // Slots beyond the table are never chosen.
        Assert.Equal(-1, RoundRobin.Next(1u << 20, -1, 16));
    }

    [Fact]
    public void RoundRobinGivesEveryRunnableSlotATurn()
    {
        uint runnable = 0b1011_0110;
        var seen = new List<int>();
        int last = -1;
        for (int i = 0; i < 10; i++)
        {
            last = RoundRobin.Next(runnable, last, 8);
            seen.Add(last);
        }

        Assert.Equal(new[] { 1, 2, 4, 5, 7, 1, 2, 4, 5, 7 }, seen);
    }

    [Fact]
    public void AProcessTableSharesTheKernelsAndOwnsOnlyTheUserPath()
    {
        using var ram = new HostRam(64);
        var memory = new HostTableMemory(ram);
        Assert.True(PageTable<Sv39, HostTableMemory>.TryCreate(memory, out var kernel));
        // The kernel's mappings: its image, a device window in the same 1 GiB as the user range.
        Assert.Equal(MapError.None, kernel.Map(0x8020_0000, 0x8020_0000, PteFlags.R | PteFlags.X | PteFlags.G));
        Assert.Equal(MapError.None, kernel.Map(0x1000_1000, 0x1000_1000, RW | PteFlags.G));
        int kernelPages = ram.PagesInUse;

        Assert.True(PageTable<Sv39, HostTableMemory>.TryCreateSharing(memory, kernel, UserStart, UserEnd, out var process));
        // A new root and a copy of the level-1 table over the first GiB (the user range's); the rest shared.
        Assert.Equal(kernelPages + 2, ram.PagesInUse);
        Assert.True(process.Translate(0x8020_0000, out ulong physical, out _));
        Assert.Equal(0x8020_0000UL, physical);
        Assert.True(process.Translate(0x1000_1000, out physical, out _));
        Assert.Equal(0x1000_1000UL, physical);

        ulong page = ram.Allocate();
        Assert.Equal(MapError.None, process.Map(UserStart, page, RW | PteFlags.U));
        Assert.True(process.Translate(UserStart, out physical, out _));
        // The kernel's tree never sees the user page.
        Assert.False(kernel.Translate(UserStart, out _, out _));

        Assert.Equal(1, process.FreePrivate(UserStart, UserEnd));
        // Everything the process took is back; the kernel's tree is whole.
        Assert.Equal(kernelPages, ram.PagesInUse);
        Assert.True(kernel.Translate(0x1000_1000, out physical, out _));
        Assert.True(kernel.Translate(0x8020_0000, out _, out _));
    }

    [Fact]
    public void Sv32ProcessTablesShareTheKernelsToo()
    {
        using var ram = new HostRam(64);
        var memory = new HostTableMemory(ram);
        PageTable<Sv32, HostTableMemory>.TryCreate(memory, out var kernel);
        kernel.Map(0x8020_0000, 0x8020_0000, RW | PteFlags.G);
        int kernelPages = ram.PagesInUse;
        Assert.True(PageTable<Sv32, HostTableMemory>.TryCreateSharing(memory, kernel, UserStart, UserEnd, out var process));
        Assert.Equal(kernelPages + 1, ram.PagesInUse);
        process.Map(UserStart + 0x3000, ram.Allocate(), RW | PteFlags.U);
        Assert.True(process.Translate(0x8020_0000, out _, out _));
        Assert.Equal(1, process.FreePrivate(UserStart, UserEnd));
        Assert.Equal(kernelPages, ram.PagesInUse);
    }

    [Fact]
    public void SystemCallRangesMustBeUserPagesWithTheRightsNeeded()
    {
        using var ram = new HostRam(64);
        var memory = new HostTableMemory(ram);
        PageTable<Sv39, HostTableMemory>.TryCreate(memory, out var kernel);
        kernel.Map(0x8020_0000, 0x8020_0000, RW | PteFlags.G);
        PageTable<Sv39, HostTableMemory>.TryCreateSharing(memory, kernel, UserStart, UserEnd, out var table);
        table.Map(UserStart, ram.Allocate(), PteFlags.R | PteFlags.X | PteFlags.U);           // text
        table.Map(UserStart + 0x1000, ram.Allocate(), RW | PteFlags.U);                       // data
        table.Map(UserStart + 0x2000, ram.Allocate(), RW | PteFlags.U);                       // data
        table.Map(UserStart + 0x5000, ram.Allocate(), RW);                                     // no U

        bool Check(ulong address, ulong length, bool write) => UserRangeCheck.IsAccessible(table, address, length, write, UserStart, UserEnd);

        Assert.True(Check(UserStart + 0x1000, 0x2000, write: true));
        Assert.True(Check(UserStart + 0x1FFF, 2, write: true));              // across two writable pages
        Assert.True(Check(UserStart, 0x3000, write: false));                 // text is readable
        Assert.False(Check(UserStart, 16, write: true));                     // but not writable
        Assert.False(Check(UserStart + 0x2FFF, 2, write: false));            // runs into an unmapped page
        Assert.False(Check(UserStart + 0x5000, 1, write: false));            // mapped without U
        Assert.False(Check(0x8020_0000, 16, write: false));                  // the kernel
        Assert.False(Check(UserStart + 0x1000, ulong.MaxValue - 0x10, write: false)); // wraps
        Assert.False(Check(UserEnd - 1, 2, write: false));                   // past the user range
        Assert.True(Check(0x8020_0000, 0, write: true));                     // nothing to touch
    }

    [Fact]
    public void TheElfReaderAcceptsAProgramAndRefusesWhatItCannotRun()
    {
        byte[] good = Elf64(entry: UserStart, vaddr: UserStart, offset: 0x1000, fileSize: 0x10, memSize: 0x2000);
        Assert.Null(ElfImage.TryOpen(good, want64: true, UserStart, UserEnd, out var image));
        Assert.Equal(UserStart, image.Entry);
        Assert.True(image.TryGetLoad(0, out ElfSegment segment));
        Assert.Equal(0x2000UL, segment.MemorySize);
        Assert.Equal(ElfImage.PfR | ElfImage.PfX, segment.Flags);

        Assert.Equal("an ELF-64 file on rv32", ElfImage.TryOpen(good, want64: false, UserStart, UserEnd, out _));
        Assert.Equal("not an ELF file", ElfImage.TryOpen(new byte[100], want64: true, UserStart, UserEnd, out _));
        Assert.Equal("entry point outside the user range",
            ElfImage.TryOpen(Elf64(0x8020_0000, UserStart, 0x1000, 0x10, 0x10), true, UserStart, UserEnd, out _));
        Assert.Equal("a segment outside the user range",
            ElfImage.TryOpen(Elf64(UserStart, 0x8020_0000, 0x1000, 0x10, 0x10), true, UserStart, UserEnd, out _));
        Assert.Equal("a segment outside the user range",
            ElfImage.TryOpen(Elf64(UserStart, UserEnd - 0x1000, 0x1000, 0x10, 0x2000), true, UserStart, UserEnd, out _));
        Assert.Equal("a segment outside the file",
            ElfImage.TryOpen(Elf64(UserStart, UserStart, 0x1000, 0x2000, 0x2000), true, UserStart, UserEnd, out _));
        Assert.Equal("a segment's file size exceeds its memory size",
            ElfImage.TryOpen(Elf64(UserStart, UserStart, 0x1000, 0x20, 0x10), true, UserStart, UserEnd, out _));
        byte[] truncated = good[..100];
        Assert.Equal("program headers outside the file", ElfImage.TryOpen(truncated, true, UserStart, UserEnd, out _));
    }

    /// <summary>An ELF-64 RISC-V executable of 0x1100 bytes with one PT_LOAD (R X).</summary>
    static byte[] Elf64(ulong entry, ulong vaddr, ulong offset, ulong fileSize, ulong memSize)
    {
        var file = new byte[0x1100];
        "\x7f"u8.CopyTo(file);
        "ELF"u8.CopyTo(file.AsSpan(1));
        file[4] = 2;                                                   // ELFCLASS64
        file[5] = 1;                                                   // little-endian
        file[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(16), 2);   // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(18), 243); // EM_RISCV
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(24), entry);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(32), 64);  // e_phoff
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(54), 56);  // e_phentsize
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(56), 1);   // e_phnum
        Span<byte> ph = file.AsSpan(64, 56);
        BinaryPrimitives.WriteUInt32LittleEndian(ph, 1);                // PT_LOAD
        BinaryPrimitives.WriteUInt32LittleEndian(ph[4..], ElfImage.PfR | ElfImage.PfX);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[8..], offset);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[16..], vaddr);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[32..], fileSize);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[40..], memSize);
        return file;
    }
}
