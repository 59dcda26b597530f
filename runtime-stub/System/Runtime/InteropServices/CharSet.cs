namespace System.Runtime.InteropServices;

/// <summary>String marshalling of a P/Invoke or struct; the values are the metadata encoding. Unused here (no marshalling).</summary>
public enum CharSet
{
    None = 1,
    Ansi = 2,
    Unicode = 3,
    Auto = 4,
}
