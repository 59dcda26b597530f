namespace System;

/// <summary>The <c>using</c> statement's contract. On a struct Roslyn emits a constrained call: no boxing.</summary>
public interface IDisposable
{
    void Dispose();
}
