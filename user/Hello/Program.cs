namespace User.Hello;

using System;

/// <summary>The smallest user program: one line through the write system call, then exit(0).</summary>
public static class Program
{
    public static int Main()
    {
        Console.WriteLine("hello from user mode");
        return 0;
    }
}
