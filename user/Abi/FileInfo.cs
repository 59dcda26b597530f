namespace UserAbi;

using System.Runtime.InteropServices;

/// <summary>One archive entry as fsentry() returns it (docs/abi.md): the same layout on rv32 and rv64.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct FileInfo
{
    /// <summary>ustar's longest name: prefix (155), '/', name (100).</summary>
    public const int NameCapacity = 256;

    public const int KindRegular = 0;
    public const int KindDirectory = 1;
    public const int KindOther = 2;

    public ulong Size;
    public int Kind;
    public int NameLength;
    public fixed byte Name[NameCapacity];
}
