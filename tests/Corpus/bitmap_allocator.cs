// A page-frame allocator over a bitmap in a fixed buffer: first-fit single and contiguous allocations,
// frees, double-free detection, and fragmentation statistics.
using System;

unsafe struct FrameAllocator
{
    public const int Frames = 256;
    private fixed ulong _bits[Frames / 64];
    public int Used;

    private bool IsUsed(int frame) => (_bits[frame >> 6] & (1ul << (frame & 63))) != 0;
    private void Set(int frame) => _bits[frame >> 6] |= 1ul << (frame & 63);
    private void Clear(int frame) => _bits[frame >> 6] &= ~(1ul << (frame & 63));

    public int Allocate()
    {
        for (int w = 0; w < Frames / 64; w++)
        {
            ulong word = _bits[w];
            if (word == ulong.MaxValue) continue;
            int bit = 0;
            while ((word & (1ul << bit)) != 0) bit++;
            int frame = w * 64 + bit;
            Set(frame);
            Used++;
            return frame;
        }
        return -1;
    }

    public int AllocateContiguous(int count)
    {
        int run = 0;
        for (int f = 0; f < Frames; f++)
        {
            run = IsUsed(f) ? 0 : run + 1;
            if (run == count)
            {
                int first = f - count + 1;
                for (int k = first; k <= f; k++) Set(k);
                Used += count;
                return first;
            }
        }
        return -1;
    }

    public bool Free(int frame)
    {
        if (!IsUsed(frame)) return false;
        Clear(frame);
        Used--;
        return true;
    }

    public int LargestFreeRun()
    {
        int best = 0, run = 0;
        for (int f = 0; f < Frames; f++)
        {
            run = IsUsed(f) ? 0 : run + 1;
            if (run > best) best = run;
        }
        return best;
    }
}

class Program
{
    static int Main()
    {
        FrameAllocator a = default;
        for (int i = 0; i < 5; i++) { Console.Write(a.Allocate()); Console.Write(' '); }
        Console.WriteLine();
        Console.WriteLine(a.Free(2));
        Console.WriteLine(a.Free(2));
        Console.WriteLine(a.Allocate());
        Console.WriteLine(a.AllocateContiguous(70));
        Console.WriteLine(a.Used);
        for (int f = 10; f < 200; f += 3) a.Free(f);
        Console.WriteLine(a.Used);
        Console.WriteLine(a.LargestFreeRun());
        Console.WriteLine(a.AllocateContiguous(100));
        Console.WriteLine(a.AllocateContiguous(60));
        int count = 0;
        while (a.Allocate() >= 0) count++;
        Console.WriteLine(count);
        Console.WriteLine(a.Used);
        Console.WriteLine(a.AllocateContiguous(1));
        return 0;
    }
}
