namespace Kernel.Fuzz;

/// <summary>
/// The short, deterministic stand-in for a coverage-guided campaign (the test suite's): <see cref="Run"/> feeds a
/// target inputs from a seeded generator: fresh random bytes, and the seeds mutated the way AFL's havoc stage does
/// (bit flips, interesting values, inserted, deleted and repeated runs, splices of two seeds). The first input that
/// breaks an invariant (or throws) is returned with what it broke.
/// </summary>
public static class RandomCampaign
{
    public sealed record Failure(int Index, byte[] Input, Exception Error);

    static readonly byte[] Interesting = [0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 127, 128, 255];

    public static Failure? Run(FuzzTargets.Target target, IReadOnlyList<byte[]> seeds, int count, int seed, int maxLength = 1024)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            byte[] input = Next(random, seeds, maxLength);
            try
            {
                target(input);
            }
            catch (Exception e)
            {
                return new Failure(i, input, e);
            }
        }

        return null;
    }

    public static byte[] Next(Random random, IReadOnlyList<byte[]> seeds, int maxLength)
    {
        if (seeds.Count == 0 || random.Next(4) == 0)
        {
            var fresh = new byte[random.Next(maxLength + 1)];
            random.NextBytes(fresh);
            return fresh;
        }

        var bytes = new List<byte>(seeds[random.Next(seeds.Count)]);
        int mutations = 1 << random.Next(5);
        for (int m = 0; m < mutations; m++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0 when bytes.Count != 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count != 0:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2 when bytes.Count != 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 3 when bytes.Count < maxLength:
                    bytes.InsertRange(at, Enumerable.Repeat((byte)random.Next(256), 1 + random.Next(16)));
                    break;
                case 4 when bytes.Count != 0:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                    break;
                case 5 when bytes.Count >= 4:
                    {
                        int from = random.Next(bytes.Count - 3);
                        int length = 1 + random.Next(Math.Min(32, bytes.Count - from));
                        bytes.InsertRange(at, bytes.GetRange(from, length));
                        break;
                    }

                case 6:
                    {
                        byte[] other = seeds[random.Next(seeds.Count)];
                        int from = other.Length == 0 ? 0 : random.Next(other.Length);
                        bytes.RemoveRange(at, bytes.Count - at);
                        bytes.AddRange(other.AsSpan(from).ToArray());
                        break;
                    }
            }
        }

        return [.. bytes.Take(maxLength)];
    }
}
