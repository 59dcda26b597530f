namespace System.Runtime.InteropServices;

/// <summary>
/// A pseudo-attribute Roslyn stores as P/Invoke metadata. Here <c>[DllImport("*")]</c> means a
/// C symbol linked statically into the image (as in NativeAOT): the compiler emits a direct
/// call to <see cref="EntryPoint"/> or the method's name, with no marshalling.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DllImportAttribute : Attribute
{
    public string? EntryPoint;
    public CharSet CharSet;
    public bool SetLastError;
    public bool ExactSpelling;
    public CallingConvention CallingConvention;
    public bool BestFitMapping;
    public bool PreserveSig;
    public bool ThrowOnUnmappableChar;

    public DllImportAttribute(string dllName)
    {
        Value = dllName;
    }

    public string Value { get; }
}
