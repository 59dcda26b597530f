namespace Kernel.Memory.Paging.Tests;

/// <summary>Map, translate and unmap in both modes, each result checked with <see cref="ReferenceWalk"/>.</summary>
public class PageTableTests
{
    const PteFlags RW = PteFlags.R | PteFlags.W;
    const PteFlags RX = PteFlags.R | PteFlags.X;

    [Fact]
    public void Sv39MapsAPageTheHardwareWouldFind()
    {
        using var ram = new HostRam(16);
        Assert.True(PageTable<Sv39, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var table));
        Assert.Equal(MapError.None, table.Map(0x8020_0000, 0x8765_4000, RX | PteFlags.G));

        Assert.Equal(0x8765_4123UL, ReferenceWalk.Sv39(ram, table.Satp, 0x8020_0123, out ulong pte));
        // A leaf: V, the rights asked for, G, A set (never left to the hardware), D clear (not writable).
        Assert.Equal((ulong)(PteFlags.V | RX | PteFlags.G | PteFlags.A), pte & 0xFF);
        Assert.True(table.Translate(0x8020_0FFF, out ulong physical, out PteFlags flags));
        Assert.Equal(0x8765_4FFFUL, physical);
        Assert.Equal(PteFlags.V | RX | PteFlags.G | PteFlags.A, flags);
        // Root, one level-1 table, one level-0 table.
        Assert.Equal(3, ram.PagesInUse);
        Assert.Null(ReferenceWalk.Sv39(ram, table.Satp, 0x8020_1000, out _));
        Assert.False(table.Translate(0x8020_1000, out _, out _));
    }

    [Fact]
    public void Sv32MapsAPageTheHardwareWouldFind()
    {
        using var ram = new HostRam(16);
        Assert.True(PageTable<Sv32, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var table));
        // A 34-bit physical address: Sv32 reaches above 4 GiB.
        Assert.Equal(MapError.None, table.Map(0x1000_0000, 0x3_0000_0000, RW));

        Assert.Equal(0x3_0000_0010UL, ReferenceWalk.Sv32(ram, table.Satp, 0x1000_0010, out uint pte));
        Assert.Equal((uint)(PteFlags.V | RW | PteFlags.A | PteFlags.D), pte & 0xFF);
        Assert.True(table.Translate(0x1000_0010, out ulong physical, out _));
        Assert.Equal(0x3_0000_0010UL, physical);
        Assert.Equal(2, ram.PagesInUse);
    }

    [Fact]
    public void IntermediateEntriesAreValidPointersWithoutRights()
    {
        using var ram = new HostRam(16);
        PageTable<Sv39, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var table);
        table.Map(0x8000_0000, 0x8000_0000, RW);
        ulong root = table.Root;
        ulong vpn2 = (0x8000_0000UL >> 30) & 0x1FF;
        ulong entry = ram.Read64(root + vpn2 * 8);
        // privileged specification 4.3.1: R = W = X = 0 points to the next level; A, D, U clear in a non-leaf.
        Assert.Equal((ulong)PteFlags.V, entry & 0xFF);
    }

    [Fact]
    public void ARangeMapsEveryPageAndNothingAround()
    {
        using var ram = new HostRam(16);
        PageTable<Sv39, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var table);
        Assert.Equal(MapError.None, table.MapRange(0x1000_0000, 0x1000_0000, 5 * 4096, RW));
        for (ulong page = 0; page < 5; page++)
            Assert.Equal(0x1000_0000 + page * 4096, ReferenceWalk.Sv39(ram, table.Satp, 0x1000_0000 + page * 4096, out _));
        Assert.Null(ReferenceWalk.Sv39(ram, table.Satp, 0x0FFF_F000, out _));
        Assert.Null(ReferenceWalk.Sv39(ram, table.Satp, 0x1000_5000, out _));
    }

    [Fact]
    public void UnmapRemovesTheMappingAndGivesBackEmptyTables()
    {
        using var ram = new HostRam(16);
        PageTable<Sv39, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var table);
        table.Map(0x8020_0000, 0x8020_0000, RW);
        table.Map(0x8020_1000, 0x8020_1000, RW);
        Assert.Equal(3, ram.PagesInUse);

        Assert.True(table.Unmap(0x8020_0000, out ulong physical));
        Assert.Equal(0x8020_0000UL, physical);
        Assert.Null(ReferenceWalk.Sv39(ram, table.Satp, 0x8020_0000, out _));
        // The other page shares the tables: they stay.
        Assert.Equal(0x8020_1000UL, ReferenceWalk.Sv39(ram, table.Satp, 0x8020_1000, out _));
        Assert.Equal(3, ram.PagesInUse);

        Assert.True(table.Unmap(0x8020_1000, out _));
        Assert.Equal(1, ram.PagesInUse);
        Assert.False(table.Unmap(0x8020_1000, out _));
        // The page can be mapped again, to somewhere else.
        Assert.Equal(MapError.None, table.Map(0x8020_1000, 0x8030_0000, PteFlags.R));
        Assert.Equal(0x8030_0000UL, ReferenceWalk.Sv39(ram, table.Satp, 0x8020_1000, out _));
    }

    [Fact]
    public void Sv32UnmapGivesBackTheLeafTable()
    {
        using var ram = new HostRam(16);
        PageTable<Sv32, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var table);
        table.Map(0x8040_0000, 0x8040_0000, RX);
        Assert.Equal(2, ram.PagesInUse);
        Assert.True(table.Unmap(0x8040_0000, out _));
        Assert.Equal(1, ram.PagesInUse);
        Assert.Null(ReferenceWalk.Sv32(ram, table.Satp, 0x8040_0000, out _));
    }

    [Theory]
    [InlineData(0x8020_0001UL, 0x8020_0000UL)]
    [InlineData(0x8020_0000UL, 0x8020_0800UL)]
    public void MisalignedAddressesAreRefused(ulong virtualAddress, ulong physical)
    {
        using var ram = new HostRam(16);
        PageTable<Sv39, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var table);
        Assert.Equal(MapError.Misaligned, table.Map(virtualAddress, physical, RW));
        Assert.Equal(MapError.Misaligned, table.MapRange(0x8020_0000, 0x8020_0000, 100, RW));
        Assert.Equal(1, ram.PagesInUse);
    }

    [Fact]
    public void AMappedPageIsNotMappedTwice()
    {
        using var ram = new HostRam(16);
        PageTable<Sv32, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var table);
        Assert.Equal(MapError.None, table.Map(0x8020_0000, 0x8020_0000, RX));
        Assert.Equal(MapError.AlreadyMapped, table.Map(0x8020_0000, 0x9000_0000, RW));
        // The first mapping is intact.
        Assert.Equal(0x8020_0000UL, ReferenceWalk.Sv32(ram, table.Satp, 0x8020_0000, out uint pte));
        Assert.Equal((uint)(PteFlags.V | RX | PteFlags.A), pte & 0xFF);
    }

    [Theory]
    [InlineData(PteFlags.None)]
    [InlineData(PteFlags.W)]
    [InlineData(PteFlags.W | PteFlags.X)]
    [InlineData(PteFlags.R | PteFlags.V)]
    [InlineData(PteFlags.R | PteFlags.D)]
    public void BadPermissionsAreRefused(PteFlags permissions)
    {
        using var ram = new HostRam(16);
        PageTable<Sv39, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var table);
        Assert.Equal(MapError.BadPermissions, table.Map(0x8020_0000, 0x8020_0000, permissions));
    }

    [Fact]
    public void AddressesOutsideTheModeAreRefused()
    {
        using var ram = new HostRam(16);
        PageTable<Sv39, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var sv39);
        // Sv39: bits 63-39 must copy bit 38.
        Assert.Equal(MapError.OutOfRange, sv39.Map(0x0000_0040_0000_0000, 0x8000_0000, RW));
        Assert.Equal(MapError.None, sv39.Map(0xFFFF_FFC0_0000_0000, 0x8000_0000, RW));
        Assert.Equal(MapError.OutOfRange, sv39.Map(0x8000_0000, 1UL << 56, RW));

        PageTable<Sv32, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var sv32);
        Assert.Equal(MapError.OutOfRange, sv32.Map(0x1_0000_0000, 0x8000_0000, RW));
        Assert.Equal(MapError.OutOfRange, sv32.Map(0x8000_0000, 1UL << 34, RW));
    }

    [Fact]
    public void RunningOutOfTablePagesIsReported()
    {
        using var ram = new HostRam(2);
        PageTable<Sv39, HostTableMemory>.TryCreate(new HostTableMemory(ram), out var table);
        Assert.Equal(MapError.OutOfMemory, table.Map(0x8020_0000, 0x8020_0000, RW));
    }
}
