// A bare-metal program: no garbage collector, so no class instances, boxing, lambdas or string concatenation
// (the RVC errors say what to write instead). Console writes to the UART; the return value is the exit status.
Console.WriteLine("Hello from C# on bare metal!");

int sum = 0;
for (int i = 1; i <= 10; i++)
    sum += i;
Console.WriteLine($"1 + 2 + ... + 10 = {sum}");

return sum == 55 ? 0 : 1;
