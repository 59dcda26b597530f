namespace Kernel.DeviceTree;

/// <summary>What <see cref="FdtWalker"/> stopped at.</summary>
public enum FdtItemKind
{
    BeginNode,
    Property,
    EndNode,
}
