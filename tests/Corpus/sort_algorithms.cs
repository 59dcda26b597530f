// Sorting spans in place: insertion sort, an iterative-recursive quicksort, and heapsort, over data from a
// linear congruential generator; results checked for order and by checksum.
using System;

class Program
{
    static uint s_seed = 12345;

    static int NextRandom()
    {
        s_seed = s_seed * 1103515245 + 12345;
        return (int)((s_seed >> 8) % 100000) - 50000;
    }

    static void InsertionSort(Span<int> a)
    {
        for (int i = 1; i < a.Length; i++)
        {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v)
            {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    static void QuickSort(Span<int> a)
    {
        while (a.Length > 16)
        {
            int pivot = a[a.Length / 2];
            int i = 0, j = a.Length - 1;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    int t = a[i]; a[i] = a[j]; a[j] = t;
                    i++; j--;
                }
            }
            if (j + 1 < a.Length - i)
            {
                QuickSort(a.Slice(0, j + 1));
                a = a.Slice(i);
            }
            else
            {
                QuickSort(a.Slice(i));
                a = a.Slice(0, j + 1);
            }
        }
        InsertionSort(a);
    }

    static void SiftDown(Span<long> a, int root, int end)
    {
        while (2 * root + 1 < end)
        {
            int child = 2 * root + 1;
            if (child + 1 < end && a[child] < a[child + 1]) child++;
            if (a[root] >= a[child]) return;
            long t = a[root]; a[root] = a[child]; a[child] = t;
            root = child;
        }
    }

    static void HeapSort(Span<long> a)
    {
        for (int i = a.Length / 2 - 1; i >= 0; i--) SiftDown(a, i, a.Length);
        for (int end = a.Length - 1; end > 0; end--)
        {
            long t = a[0]; a[0] = a[end]; a[end] = t;
            SiftDown(a, 0, end);
        }
    }

    static bool Sorted(ReadOnlySpan<int> a)
    {
        for (int i = 1; i < a.Length; i++) if (a[i - 1] > a[i]) return false;
        return true;
    }

    static long Checksum(ReadOnlySpan<int> a)
    {
        long h = 0;
        foreach (int v in a) h = (h * 1000003 + v) & 0xFFFFFFFFFFFF;
        return h;
    }

    static int Main()
    {
        Span<int> small = stackalloc int[50];
        for (int i = 0; i < small.Length; i++) small[i] = NextRandom();
        InsertionSort(small);
        Console.WriteLine(Sorted(small));
        Console.WriteLine(small[0]);
        Console.WriteLine(small[49]);
        Console.WriteLine(Checksum(small));

        Span<int> big = stackalloc int[2000];
        for (int i = 0; i < big.Length; i++) big[i] = NextRandom();
        QuickSort(big);
        Console.WriteLine(Sorted(big));
        Console.WriteLine(big[0]);
        Console.WriteLine(big[1000]);
        Console.WriteLine(big[1999]);
        Console.WriteLine(Checksum(big));

        Span<long> longs = stackalloc long[300];
        for (int i = 0; i < longs.Length; i++) longs[i] = (long)NextRandom() * NextRandom();
        HeapSort(longs);
        bool ok = true;
        for (int i = 1; i < longs.Length; i++) if (longs[i - 1] > longs[i]) ok = false;
        Console.WriteLine(ok);
        Console.WriteLine(longs[0]);
        Console.WriteLine(longs[299]);
        return 0;
    }
}
