namespace Kernel.Storage;

using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Kernel.Drivers.Virtio;

/// <summary>
/// The block-device layer's registry: up to <see cref="MaxDevices"/> devices named <c>blk0</c>, <c>blk1</c>, ... in
/// the order they were added (virtio-mmio address order: QEMU slot order). Fixed-size storage, no heap; keep the
/// table in one variable and reach its entries by <c>ref</c>.
/// </summary>
public struct BlockDeviceTable<TWait>
    where TWait : struct, ICompletionWait
{
    /// <summary>QEMU virt's virtio-mmio slots.</summary>
    public const int MaxDevices = 8;

    DeviceArray _devices;
    int _count;

    public readonly int Count => _count;

    public readonly bool IsFull => _count == MaxDevices;

    /// <summary>The device <c>blk<paramref name="index"/></c>.</summary>
    [UnscopedRef]
    public ref BlockDevice<TWait> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return ref _devices[index];
        }
    }

    /// <summary>The next free entry, zeroed, named <c>blkN</c>; call <see cref="Commit"/> once it holds a working
    /// device (an entry never committed is reused).</summary>
    [UnscopedRef]
    public ref BlockDevice<TWait> Reserve()
    {
        if (_count == MaxDevices)
        {
            throw new InvalidOperationException("the block-device table is full");
        }

        ref BlockDevice<TWait> entry = ref _devices[_count];
        entry = default;
        entry.Number = _count;
        return ref entry;
    }

    /// <summary>Adds the entry <see cref="Reserve"/> gave.</summary>
    public void Commit() => _count++;

    /// <summary>The index of the device called <paramref name="name"/> (<c>blk0</c>, ...), or -1.</summary>
    public readonly int Find(ReadOnlySpan<byte> name)
    {
        if (!TryParseName(name, out int number) || number >= _count)
        {
            return -1;
        }

        return number;
    }

    /// <summary><c>blkN</c> with N decimal, no sign, no leading zero (<c>blk0</c> but not <c>blk00</c>).</summary>
    public static bool TryParseName(ReadOnlySpan<byte> name, out int number)
    {
        number = -1;
        if (!name.StartsWith("blk"u8) || name.Length == 3 || name.Length > 6 || (name[3] == (byte)'0' && name.Length > 4))
        {
            return false;
        }

        int value = 0;
        for (int i = 3; i < name.Length; i++)
        {
            uint digit = (uint)name[i] - '0';
            if (digit > 9)
            {
                return false;
            }

            value = value * 10 + (int)digit;
        }

        number = value;
        return true;
    }

    [InlineArray(MaxDevices)]
    struct DeviceArray
    {
        BlockDevice<TWait> _element;
    }
}
