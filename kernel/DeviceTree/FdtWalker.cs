namespace Kernel.DeviceTree;

using System;

/// <summary>
/// Walks a structure block token by token (devicetree specification 0.4, 5.4): each <see cref="MoveNext"/> stops
/// at a node's start (its name), one of its properties (name from the strings block, value) or its end, with the
/// node's depth (the root is 0). NOPs are skipped. It stops at FDT_END, or with <see cref="Failed"/> set at the
/// first thing out of bounds or out of place, so a corrupt tree never reads past its blocks or loops: every
/// step moves forward by at least one token.
/// </summary>
public ref struct FdtWalker
{
    /// <summary>Deeper trees are refused; QEMU's are 3 levels deep. Callers size per-depth tables with it.</summary>
    public const int MaxDepth = 16;

    private readonly ReadOnlySpan<byte> _structure;
    private readonly ReadOnlySpan<byte> _strings;
    private int _offset;
    private int _openNodes;
    private bool _rootSeen;
    private bool _stopped;

    public FdtWalker(ReadOnlySpan<byte> structure, ReadOnlySpan<byte> strings)
    {
        _structure = structure;
        _strings = strings;
        _offset = 0;
        _openNodes = 0;
        _rootSeen = false;
        _stopped = false;
        Failed = false;
        Kind = FdtItemKind.BeginNode;
        Depth = 0;
        Name = default;
        Value = default;
    }

    /// <summary>The walk stopped on a malformed structure block, not at a well-placed FDT_END.</summary>
    public bool Failed { get; private set; }

    public FdtItemKind Kind { get; private set; }

    /// <summary>The node's depth: 0 for the root, 1 for /cpus, 2 for /cpus/cpu@0.</summary>
    public int Depth { get; private set; }

    /// <summary>The node's name with its unit address (<c>memory@80000000</c>, empty for the root), or the
    /// property's name.</summary>
    public ReadOnlySpan<byte> Name { get; private set; }

    /// <summary>The property's value; empty for nodes.</summary>
    public ReadOnlySpan<byte> Value { get; private set; }

    public bool MoveNext()
    {
        while (!_stopped)
        {
            if (_offset > _structure.Length - 4)
            {
                return Fail();
            }

            uint token = FlattenedDeviceTree.ReadBigEndian32(_structure, _offset);
            _offset += 4;
            switch (token)
            {
                case FdtToken.BeginNode:
                    {
                        if (_openNodes == MaxDepth || (_openNodes == 0 && _rootSeen))
                        {
                            // Too deep, or a second root node.
                            return Fail();
                        }

                        int length = _structure.Slice(_offset).IndexOf((byte)0);
                        if (length < 0)
                        {
                            return Fail();
                        }

                        _rootSeen = true;
                        Kind = FdtItemKind.BeginNode;
                        Depth = _openNodes++;
                        Name = _structure.Slice(_offset, length);
                        Value = default;
                        _offset = AlignUp4(_offset + length + 1);
                        return true;
                    }

                case FdtToken.EndNode:
                    if (_openNodes == 0)
                    {
                        return Fail();
                    }

                    Kind = FdtItemKind.EndNode;
                    Depth = --_openNodes;
                    Name = default;
                    Value = default;
                    return true;

                case FdtToken.Prop:
                    {
                        if (_openNodes == 0 || _offset > _structure.Length - 8)
                        {
                            return Fail();
                        }

                        uint length = FlattenedDeviceTree.ReadBigEndian32(_structure, _offset);
                        uint nameOffset = FlattenedDeviceTree.ReadBigEndian32(_structure, _offset + 4);
                        _offset += 8;
                        if (length > (uint)(_structure.Length - _offset) || nameOffset >= (uint)_strings.Length)
                        {
                            return Fail();
                        }

                        int nameLength = _strings.Slice((int)nameOffset).IndexOf((byte)0);
                        if (nameLength < 0)
                        {
                            return Fail();
                        }

                        Kind = FdtItemKind.Property;
                        Depth = _openNodes - 1;
                        Name = _strings.Slice((int)nameOffset, nameLength);
                        Value = _structure.Slice(_offset, (int)length);
                        _offset = AlignUp4(_offset + (int)length);
                        return true;
                    }

                case FdtToken.Nop:
                    break;

                case FdtToken.End:
                    _stopped = true;
                    // Every node must have been closed, and there must have been a root.
                    Failed = _openNodes != 0 || !_rootSeen;
                    return false;

                default:
                    return Fail();
            }
        }

        return false;
    }

    private bool Fail()
    {
        _stopped = true;
        Failed = true;
        return false;
    }

    // The structure block is at most 2 MiB (FlattenedDeviceTree.MaxTotalSize): no overflow. An offset past the
    // end is caught by the next token's bounds check.
    private static int AlignUp4(int value) => (value + 3) & ~3;
}
