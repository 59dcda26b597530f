namespace Kernel.Storage;

using System;
using System.Runtime.CompilerServices;
using Kernel.Output;

/// <summary>A block device's serial number as VIRTIO_BLK_T_GET_ID returns it (virtio 1.2, 5.2.6): at most 20
/// bytes of ASCII, NUL-terminated when shorter. QEMU answers with the drive's <c>serial=</c> (the launcher gives
/// <c>disk0</c>, <c>disk1</c>, ...).</summary>
public struct SerialNumber
{
    /// <summary>VIRTIO_BLK_ID_BYTES.</summary>
    public const int MaxLength = 20;

    SerialBytes _bytes;
    int _length;

    public readonly int Length => _length;

    /// <summary>Byte <paramref name="index"/> (0 to <see cref="Length"/> - 1).</summary>
    public readonly byte this[int index] => _bytes[index];

    /// <summary>Takes the ID up to its first NUL (or all 20 bytes).</summary>
    public void Set(ReadOnlySpan<byte> id)
    {
        int length = id.IndexOf((byte)0);
        if (length < 0 || length > MaxLength)
        {
            length = id.Length < MaxLength ? id.Length : MaxLength;
        }

        for (int i = 0; i < length; i++)
        {
            _bytes[i] = id[i];
        }

        _length = length;
    }

    /// <summary>Prints it between double quotes; a byte that is not printable ASCII as <c>.</c>.</summary>
    public readonly void PrintQuoted()
    {
        Print.Char('"');
        PrintIdBytes(this);
        Print.Char('"');
    }

    static void PrintIdBytes(SerialNumber serial)
    {
        for (int i = 0; i < serial._length; i++)
        {
            byte b = serial._bytes[i];
            Print.Char(b >= 0x20 && b < 0x7F ? (char)b : '.');
        }
    }

    [InlineArray(MaxLength)]
    struct SerialBytes
    {
        byte _element;
    }
}
