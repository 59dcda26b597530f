// Integer division by a divisor that reaches zero ends the program with DivideByZeroException.
using System;

class Program
{
    static int Main()
    {
        int value = 1000;
        for (int divisor = 3; ; divisor--)
        {
            Console.Write(value); Console.Write(" / "); Console.Write(divisor); Console.Write(" = ");
            if (divisor == 0)
            {
                Console.WriteLine("?");
            }
            Console.WriteLine(value / divisor);
        }
    }
}
