namespace System.Runtime.Intrinsics.RiscV;

/// <summary>The core library's RISC-V intrinsics, as far as the drivers use them. The drivers only call them when
/// <c>RuntimeInformation.Arch</c> is not <c>Host</c>, which never happens on .NET.</summary>
public static class Rv
{
    public static void Fence(FenceSet predecessor, FenceSet successor) =>
        throw new PlatformNotSupportedException("RISC-V fence on the host");
}
