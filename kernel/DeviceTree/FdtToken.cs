namespace Kernel.DeviceTree;

/// <summary>The structure block's tokens (devicetree specification 0.4, 5.4.1), big-endian 32-bit words.</summary>
public static class FdtToken
{
    public const uint BeginNode = 1;
    public const uint EndNode = 2;
    public const uint Prop = 3;
    public const uint Nop = 4;
    public const uint End = 9;
}
