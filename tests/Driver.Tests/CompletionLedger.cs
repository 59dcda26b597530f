using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>The test's record of every request it submitted and every result the driver reported, per token: a token
/// is reported at most once per submission, never without one outstanding, and (<see cref="AssertAllCompleted"/>)
/// every submission is reported exactly once.</summary>
public sealed class CompletionLedger
{
    readonly Dictionary<ushort, int> _outstanding = [];
    readonly List<(int Submission, ushort Token, BlockError Result)> _completions = [];
    int _submissions;

    /// <summary>The results reported so far, in the order they were collected.</summary>
    public IReadOnlyList<(int Submission, ushort Token, BlockError Result)> Completions => _completions;

    public int Outstanding => _outstanding.Count;

    /// <summary>The submission number of the request outstanding under <paramref name="token"/>, or -1.</summary>
    public int SubmissionOf(ushort token) => _outstanding.TryGetValue(token, out int submission) ? submission : -1;

    /// <summary>Records a submission that the driver accepted with <paramref name="token"/>; returns its number.</summary>
    public int Submitted(ushort token)
    {
        Assert.False(_outstanding.ContainsKey(token), $"token {token} handed out again while its request is outstanding");
        _outstanding[token] = _submissions;
        return _submissions++;
    }

    /// <summary>Records a result the driver reported for <paramref name="token"/>; returns the submission's number.</summary>
    public int Completed(ushort token, BlockError result)
    {
        Assert.True(_outstanding.Remove(token, out int submission),
            $"token {token} reported ({result}) without a request outstanding: completed twice, or never submitted");
        _completions.Add((submission, token, result));
        return submission;
    }

    /// <summary>Submits through <paramref name="rig"/>'s driver; records the token when accepted.</summary>
    public unsafe BlockError Submit(Rig rig, BlockOp op, ulong sector, Span<byte> data, out ushort token)
    {
        fixed (byte* p = data)
        {
            BlockError error = rig.Driver.Submit(op, sector, data.IsEmpty ? null : p, (uint)data.Length, out token);
            if (error == BlockError.None)
            {
                Submitted(token);
            }
            else
            {
                Assert.Equal(VirtioBlk<Fakes.FakeRegisters, Fakes.TestDma, Fakes.FakeWait>.NoToken, token);
            }

            return error;
        }
    }

    /// <summary>Collects every completed result (<c>TryTakeCompleted</c>) into the ledger; returns how many.</summary>
    public int Drain(Rig rig)
    {
        int count = 0;
        while (rig.Driver.TryTakeCompleted(out ushort token, out BlockError result))
        {
            Completed(token, result);
            count++;
        }

        return count;
    }

    /// <summary>Every submission was reported exactly once.</summary>
    public void AssertAllCompleted()
    {
        Assert.True(_outstanding.Count == 0, $"{_outstanding.Count} requests never reported: tokens {string.Join(", ", _outstanding.Keys)}");
        Assert.Equal(_submissions, _completions.Count);
        Assert.Equal(_submissions, _completions.Select(c => c.Submission).Distinct().Count());
    }
}
