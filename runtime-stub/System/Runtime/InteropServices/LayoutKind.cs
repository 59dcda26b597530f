namespace System.Runtime.InteropServices;

/// <summary>Field layout of a type; the values are the metadata encoding.</summary>
public enum LayoutKind
{
    Sequential = 0,
    Explicit = 2,
    Auto = 3,
}
