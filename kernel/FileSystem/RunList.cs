namespace Kernel.FileSystem;

using System.Runtime.CompilerServices;

/// <summary>The runs of archive sectors a flush rewrites, in disk order: (target sector, sector count), at most
/// <see cref="CommitRecord.MaxRuns"/>, as the commit record holds them.</summary>
public struct RunList
{
    Pairs _values;

    public readonly ulong Target(int i) => _values[2 * i];

    public readonly ulong Count(int i) => _values[2 * i + 1];

    public void Set(int i, ulong target, ulong count)
    {
        _values[2 * i] = target;
        _values[2 * i + 1] = count;
    }

    [InlineArray(2 * CommitRecord.MaxRuns)]
    struct Pairs
    {
        ulong _element;
    }
}
