namespace Firmware;

/// <summary>
/// Finds RAM in the flattened device tree QEMU passes in a1 (Devicetree Specification, "Flattened Devicetree (DTB)
/// Format"): the first <c>reg</c> entry of the root's <c>memory</c> node, in the root's <c>#address-cells</c> and
/// <c>#size-cells</c>. All the firmware needs of the tree; the kernel reads the rest itself.
/// </summary>
internal static unsafe class DeviceTreeMemory
{
    private const uint Magic = 0xD00D_FEED;

    // Structure block tokens.
    private const uint BeginNode = 1;
    private const uint EndNode = 2;
    private const uint Prop = 3;
    private const uint Nop = 4;
    private const uint End = 9;

    public static bool TryFind(nuint dtb, out ulong address, out ulong size)
    {
        address = 0;
        size = 0;
        byte* blob = (byte*)dtb;
        if (blob == null || BigEndian32(blob) != Magic)
        {
            return false;
        }

        // Header: totalsize at 4, off_dt_struct at 8, off_dt_strings at 12, size_dt_struct at 36.
        byte* token = blob + BigEndian32(blob + 8);
        byte* structEnd = token + BigEndian32(blob + 36);
        byte* strings = blob + BigEndian32(blob + 12);
        // The specification's defaults, until the root says otherwise (its properties come before its children).
        uint addressCells = 2;
        uint sizeCells = 1;
        int depth = 0;
        bool inMemoryNode = false;
        while (token + 4 <= structEnd)
        {
            uint kind = BigEndian32(token);
            token += 4;
            switch (kind)
            {
                case BeginNode:
                    {
                        byte* name = token;
                        depth++;
                        // A child of the root named "memory" or "memory@<address>".
                        inMemoryNode = depth == 2 && StartsWith(name, "memory") && (name[6] == 0 || name[6] == (byte)'@');
                        while (*token != 0)
                        {
                            token++;
                        }

                        token = AlignUp4(token + 1);
                        break;
                    }

                case EndNode:
                    depth--;
                    inMemoryNode = false;
                    break;

                case Prop:
                    {
                        uint length = BigEndian32(token);
                        byte* name = strings + BigEndian32(token + 4);
                        byte* value = token + 8;
                        if (depth == 1 && length == 4 && NameIs(name, "#address-cells"))
                        {
                            addressCells = BigEndian32(value);
                        }
                        else if (depth == 1 && length == 4 && NameIs(name, "#size-cells"))
                        {
                            sizeCells = BigEndian32(value);
                        }
                        else if (inMemoryNode && NameIs(name, "reg") && addressCells is 1 or 2 && sizeCells is 1 or 2
                                 && length >= (addressCells + sizeCells) * 4)
                        {
                            address = Cells(value, addressCells);
                            size = Cells(value + (addressCells * 4), sizeCells);
                            return size != 0;
                        }

                        token = AlignUp4(value + length);
                        break;
                    }

                case Nop:
                    break;

                default:
                    // End, or a token that should not be there: no memory node.
                    return false;
            }
        }

        return false;
    }

    private static uint BigEndian32(byte* p) => ((uint)p[0] << 24) | ((uint)p[1] << 16) | ((uint)p[2] << 8) | p[3];

    private static ulong Cells(byte* p, uint count) => count == 2 ? ((ulong)BigEndian32(p) << 32) | BigEndian32(p + 4) : BigEndian32(p);

    private static byte* AlignUp4(byte* p) => (byte*)(((nuint)p + 3) & ~(nuint)3);

    private static bool StartsWith(byte* text, string prefix)
    {
        for (int i = 0; i < prefix.Length; i++)
        {
            if (text[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool NameIs(byte* text, string name) => StartsWith(text, name) && text[name.Length] == 0;
}
