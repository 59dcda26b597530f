namespace Internal.Runtime;

using System.Runtime.CompilerServices;

/// <summary>Facts about the target that the compiler supplies.</summary>
public static class RuntimeInformation
{
    /// <summary>
    /// The target. The compiler replaces the getter with a constant, so
    /// <c>if (RuntimeInformation.Arch == TargetArch.Host)</c> keeps only one platform path.
    /// </summary>
    public static extern TargetArch Arch
    {
        [Intrinsic]
        [MethodImpl(MethodImplOptions.InternalCall)]
        get;
    }
}
