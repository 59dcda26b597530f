// A fixed-capacity ring buffer in a struct with a fixed buffer: enqueue/dequeue with wrap-around,
// full/empty detection, power-of-two masking, and a producer/consumer simulation.
using System;

unsafe struct RingBuffer
{
    private const int Capacity = 16;
    private fixed byte _data[Capacity];
    private uint _head;
    private uint _tail;

    public int Count => (int)(_tail - _head);
    public bool IsEmpty => _head == _tail;
    public bool IsFull => Count == Capacity;

    public bool TryEnqueue(byte b)
    {
        if (IsFull) return false;
        _data[_tail & (Capacity - 1)] = b;
        _tail++;
        return true;
    }

    public bool TryDequeue(out byte b)
    {
        if (IsEmpty)
        {
            b = 0;
            return false;
        }
        b = _data[_head & (Capacity - 1)];
        _head++;
        return true;
    }
}

class Program
{
    static int Main()
    {
        RingBuffer rb = default;
        Console.WriteLine(rb.IsEmpty);
        int accepted = 0;
        for (int i = 0; i < 20; i++) if (rb.TryEnqueue((byte)i)) accepted++;
        Console.WriteLine(accepted);
        Console.WriteLine(rb.IsFull);
        for (int i = 0; i < 5; i++)
        {
            rb.TryDequeue(out byte b);
            Console.Write(b); Console.Write(' ');
        }
        Console.WriteLine();
        Console.WriteLine(rb.Count);

        // producer writes bursts, consumer drains slowly; indices wrap many times
        uint produced = 0, consumed = 0, dropped = 0;
        long checksum = 0;
        for (int tick = 0; tick < 1000; tick++)
        {
            int burst = (tick * 7) % 5;
            for (int k = 0; k < burst; k++)
            {
                if (rb.TryEnqueue((byte)produced)) produced++;
                else dropped++;
            }
            if (rb.TryDequeue(out byte v))
            {
                consumed++;
                checksum = checksum * 31 + v & 0xFFFFFFF;
            }
            if (tick % 3 == 0 && rb.TryDequeue(out byte w))
            {
                consumed++;
                checksum = checksum * 31 + w & 0xFFFFFFF;
            }
        }
        Console.WriteLine(produced);
        Console.WriteLine(consumed);
        Console.WriteLine(dropped);
        Console.WriteLine(rb.Count);
        Console.WriteLine(checksum);
        RingBuffer snapshot = rb;
        snapshot.TryDequeue(out _);
        Console.WriteLine(rb.Count - snapshot.Count);
        return 0;
    }
}
