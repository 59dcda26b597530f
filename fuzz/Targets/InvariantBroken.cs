namespace Kernel.Fuzz;

/// <summary>A target found one of the invariants it checks broken: the fuzzer counts it as a crash (an uncaught
/// exception), the smoke tests as a failure, and the message says which invariant and where.</summary>
public sealed class InvariantBroken(string message) : Exception(message)
{
    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvariantBroken(message);
        }
    }
}
