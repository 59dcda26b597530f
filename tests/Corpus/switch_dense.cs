// Dense switch statements (jump tables) on int, byte, char and enums, with goto case, default in the middle,
// shared bodies, and out-of-range values.
using System;

enum Opcode : byte { Nop, Load, Store, Add, Sub, Jump, Halt }

class Program
{
    static int Classify(int x)
    {
        switch (x)
        {
            case 0: return 100;
            case 1: return 101;
            case 2:
            case 3: return 123;
            case 4: return 104;
            default: return -1;
            case 5: return 105;
            case 6: goto case 1;
            case 7: goto default;
            case 8: return 108;
            case 9: return 109;
        }
    }

    static int Run(ReadOnlySpan<byte> program)
    {
        int acc = 0, pc = 0, steps = 0;
        while (steps++ < 100)
        {
            Opcode op = (Opcode)program[pc];
            int arg = program[pc + 1];
            switch (op)
            {
                case Opcode.Nop: pc += 2; break;
                case Opcode.Load: acc = arg; pc += 2; break;
                case Opcode.Store: pc += 2; break;
                case Opcode.Add: acc += arg; pc += 2; break;
                case Opcode.Sub: acc -= arg; pc += 2; break;
                case Opcode.Jump: pc = acc > 0 ? arg : pc + 2; break;
                case Opcode.Halt: return acc * 1000 + steps;
                default: return -1;
            }
        }
        return -2;
    }

    static char Digit(int d) => d switch
    {
        0 => '0', 1 => '1', 2 => '2', 3 => '3', 4 => '4', 5 => '5', 6 => '6', 7 => '7',
        8 => '8', 9 => '9', 10 => 'a', 11 => 'b', 12 => 'c', 13 => 'd', 14 => 'e', 15 => 'f',
        _ => '?',
    };

    static int Vowel(char c)
    {
        switch (c)
        {
            case 'a': return 1;
            case 'b': case 'c': case 'd': return 0;
            case 'e': return 2;
            case 'f': case 'g': case 'h': return 0;
            case 'i': return 3;
            default: return -1;
        }
    }

    static int Main()
    {
        for (int i = -2; i <= 11; i++)
        {
            Console.Write(Classify(i)); Console.Write(' ');
        }
        Console.WriteLine();
        Console.WriteLine(Classify(int.MinValue));
        Console.WriteLine(Classify(int.MaxValue));
        ReadOnlySpan<byte> program = [1, 5, 0, 0, 4, 1, 5, 4, 6, 0];
        Console.WriteLine(Run(program));
        ReadOnlySpan<byte> bad = [9, 0];
        Console.WriteLine(Run(bad));
        for (int i = -1; i <= 16; i++) Console.Write(Digit(i));
        Console.WriteLine();
        int vowels = 0;
        foreach (char c in "abcdefghijk") vowels = vowels * 4 + Vowel(c) + 1;
        Console.WriteLine(vowels);
        return 0;
    }
}
