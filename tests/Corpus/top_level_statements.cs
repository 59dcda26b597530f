// Top-level statements: Roslyn synthesizes the entry point, <Main>$(string[] args); rvc passes null for args (there
// are no command-line arguments without a heap) and runs it like any Main. Local functions and the exit status work
// as they do in a Main.
using System;

static int Square(int x) => x * x;

int total = 0;
for (int i = 1; i <= 4; i++)
    total += Square(i);
Console.Write("sum of squares ");
Console.WriteLine(total);
return total;
