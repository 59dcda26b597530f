namespace Kernel.Fuzz;

/// <summary>The targets by name, as the runner and the tests know them.</summary>
public static class FuzzTargets
{
    public delegate void Target(ReadOnlySpan<byte> input);

    public static readonly IReadOnlyDictionary<string, Target> ByName = new Dictionary<string, Target>(StringComparer.Ordinal)
    {
        ["driver"] = DriverTarget.Run,
        ["devicetree"] = DeviceTreeTarget.Run,
        ["tar"] = TarHeaderTarget.Run,
    };
}
