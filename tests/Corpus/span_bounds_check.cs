// Span indexing is bounds-checked: an index equal to Length ends the program with IndexOutOfRangeException.
using System;

class Program
{
    static int Main()
    {
        Span<int> values = stackalloc int[4];
        for (int i = 0; i < values.Length; i++) values[i] = i + 1;
        int sum = 0;
        for (int i = 0; i <= values.Length; i++)
        {
            Console.Write("reading index ");
            Console.WriteLine(i);
            sum += values[i];
        }
        Console.WriteLine(sum);
        return 0;
    }
}
