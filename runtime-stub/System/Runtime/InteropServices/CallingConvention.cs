namespace System.Runtime.InteropServices;

/// <summary>P/Invoke calling conventions; the values are the metadata encoding. Every target has one C convention.</summary>
public enum CallingConvention
{
    Winapi = 1,
    Cdecl = 2,
    StdCall = 3,
    ThisCall = 4,
    FastCall = 5,
}
