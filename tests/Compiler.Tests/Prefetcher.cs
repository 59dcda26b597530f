using System.Collections.Concurrent;

namespace Rvc.Compiler.Tests;

/// <summary>Runs the rows of a theory ahead of xunit, a few at a time.</summary>
/// <remarks>
/// xunit 2 runs the rows of one theory one after another. Each row here mostly waits for child processes
/// (Roslyn, clang, QEMU), so when rows are asked for in order (a full run), the next few are started in the
/// background and are ready when xunit gets to them. A lone row (a filtered run) starts nothing else.
/// At most <see cref="Parallelism"/> items are computed at once; every item is computed once.
/// </remarks>
internal sealed class Prefetcher<TKey, TResult>(IReadOnlyList<TKey> order, Func<TKey, TResult> compute)
    where TKey : notnull
{
    /// <summary>Items computed at once: one per core (the builds are CPU-bound), or <c>RVC_TEST_PARALLELISM</c>.</summary>
    public static int Parallelism { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("RVC_TEST_PARALLELISM"), out int n) && n > 0 ? n : Math.Max(2, Environment.ProcessorCount);

    private readonly Dictionary<TKey, int> index = order.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TResult>>> started = new();
    private readonly HashSet<int> requested = [];
    private readonly SemaphoreSlim gate = new(Parallelism);

    public Task<TResult> GetAsync(TKey key)
    {
        Task<TResult> own = Start(key);
        if (index.TryGetValue(key, out int i))
        {
            bool sequential;
            lock (requested)
            {
                sequential = requested.Contains(i - 1);
                requested.Add(i);
            }

            if (sequential)
            {
                for (int j = i + 1; j < Math.Min(order.Count, i + Parallelism); j++)
                {
                    Start(order[j]);
                }
            }
        }

        return own;
    }

    private Task<TResult> Start(TKey key) => started.GetOrAdd(key, k => new Lazy<Task<TResult>>(() => Task.Run(async () =>
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return compute(k);
        }
        finally
        {
            gate.Release();
        }
    }))).Value;
}
