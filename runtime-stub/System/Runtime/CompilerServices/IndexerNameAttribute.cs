namespace System.Runtime.CompilerServices;

/// <summary>Sets an indexer's metadata name (String's is "Chars", so Roslyn finds <c>get_Chars</c>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class IndexerNameAttribute : Attribute
{
    public IndexerNameAttribute(string indexerName)
    {
    }
}
