namespace Kernel.Bench;

/// <summary>
/// Where the requests of a case go, in request-sized blocks over the whole disk (bench/README.md, "Offsets"):
/// <c>seq</c> goes 0, 1, 2, ... and wraps; <c>rand</c> is xorshift64 (<c>x ^= x &lt;&lt; 13; x ^= x &gt;&gt; 7;
/// x ^= x &lt;&lt; 17</c>), block <c>((x &gt;&gt; 32) * blocks) &gt;&gt; 32</c>, seeded with
/// <c>seed ^ ((case + 1) * 0x9e3779b97f4a7c15)</c> as the C yardstick does (its <c>offsets_start</c>), so that both
/// guests send the same offsets. Replayed after a write case to know which sectors it wrote.
/// </summary>
public struct BenchOffsets
{
    const ulong Golden = 0x9e3779b97f4a7c15UL;

    ulong _state;
    uint _next;
    uint _blocks;
    bool _random;

    /// <summary><paramref name="blocks"/> request-sized blocks (at most 2^32 - 1, as in the yardstick).</summary>
    public BenchOffsets(bool random, uint blocks, uint caseNumber, ulong seed)
    {
        _random = random;
        _state = seed ^ ((ulong)(caseNumber + 1) * Golden);
        if (_state == 0)
        {
            _state = 1;
        }

        _next = 0;
        _blocks = blocks;
    }

    /// <summary>The next block number.</summary>
    public uint Next()
    {
        if (!_random)
        {
            uint b = _next;
            _next = b + 1 == _blocks ? 0 : b + 1;
            return b;
        }

        ulong x = _state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        _state = x;
        return (uint)(((x >> 32) * _blocks) >> 32);
    }
}
