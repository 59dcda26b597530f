// Pointers: arithmetic scaled by element size, differences, comparisons, ->, pointer to pointer,
// casting between pointer types, void*, and pointer increments in loops.
using System;

struct Vec
{
    public int X, Y, Z;
}

unsafe class Program
{
    static void Swap(int* a, int* b)
    {
        int t = *a;
        *a = *b;
        *b = t;
    }

    static int Main()
    {
        int* nums = stackalloc int[10];
        for (int i = 0; i < 10; i++) nums[i] = i * i;
        int* p = nums + 3;
        Console.WriteLine(*p);
        Console.WriteLine(p[2]);
        Console.WriteLine(*(p - 1));
        Console.WriteLine(p - nums);
        Console.WriteLine((byte*)p - (byte*)nums);
        int* end = nums + 10;
        Console.WriteLine(p < end);
        Console.WriteLine(p >= end);
        Console.WriteLine(p == nums + 3);
        int sum = 0;
        for (int* q = nums; q < end; q++) sum += *q;
        Console.WriteLine(sum);
        Swap(nums, nums + 9);
        Console.WriteLine(nums[0]); Console.WriteLine(nums[9]);

        long* wide = (long*)nums;
        Console.WriteLine(*wide);
        Console.WriteLine((byte*)(wide + 1) - (byte*)wide);
        short* halves = (short*)(nums + 9);
        Console.WriteLine(halves[0]); Console.WriteLine(halves[1]);
        void* raw = nums;
        Console.WriteLine(((int*)raw)[4]);

        Vec* vs = stackalloc Vec[3];
        for (int i = 0; i < 3; i++)
        {
            vs[i].X = i; vs[i].Y = i * 10; (vs + i)->Z = i * 100;
        }
        Vec* v1 = &vs[1];
        Console.WriteLine(v1->X + v1->Y + v1->Z);
        Console.WriteLine((byte*)(vs + 2) - (byte*)vs);
        int* zp = &v1->Z;
        *zp = -1;
        Console.WriteLine(vs[1].Z);

        int value = 42;
        int* pv = &value;
        int** ppv = &pv;
        **ppv = 43;
        Console.WriteLine(value);
        *ppv = nums;
        Console.WriteLine(*pv);

        byte* bytes = stackalloc byte[8];
        for (int i = 0; i < 8; i++) bytes[i] = (byte)(0x10 + i);
        uint* words = (uint*)bytes;
        Console.WriteLine(words[0]);
        Console.WriteLine(words[1]);
        ulong* dword = (ulong*)bytes;
        Console.WriteLine(*dword);
        byte* cursor = bytes;
        cursor += 5;
        cursor--;
        Console.WriteLine(*cursor);
        Console.WriteLine(*cursor++);
        Console.WriteLine(*++cursor);
        Console.WriteLine(cursor - bytes);
        nint offset = 3;
        Console.WriteLine(*(bytes + offset));
        Console.WriteLine(bytes[(nuint)2]);
        Console.WriteLine(bytes[7L]);
        int* nullPtr = null;
        Console.WriteLine(nullPtr == null);
        Console.WriteLine(nullPtr + 1 != null);
        return 0;
    }
}
