namespace System;

/// <summary>
/// <c>start..end</c>. Roslyn needs the type for range expressions; on spans it lowers
/// <c>span[a..b]</c> to <c>Slice</c>.
/// </summary>
public readonly struct Range
{
    public Range(Index start, Index end)
    {
        Start = start;
        End = end;
    }

    public Index Start { get; }

    public Index End { get; }

    public static Range StartAt(Index start) => new Range(start, Index.End);

    public static Range EndAt(Index end) => new Range(Index.Start, end);

    public static Range All => new Range(Index.Start, Index.End);

    public (int Offset, int Length) GetOffsetAndLength(int length)
    {
        int start = Start.GetOffset(length);
        int end = End.GetOffset(length);
        if ((uint)end > (uint)length || (uint)start > (uint)end)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        return (start, end - start);
    }
}
