namespace Kernel.Sbi;

/// <summary>
/// The base extension (SBI specification 2.0, chapter 4; EID 0x10): which specification the firmware implements,
/// who wrote it, and whether an extension is there. Every SBI implementation has it, so it is asked first.
/// </summary>
public static class SbiBase
{
    public const nuint ExtensionId = 0x10;

    const nuint GetSpecVersion = 0;
    const nuint GetImplId = 1;
    const nuint GetImplVersion = 2;
    const nuint ProbeExtension = 3;

    /// <summary>The specification version: major in bits 24-30, minor in bits 0-23.</summary>
    public static nuint SpecVersion => Get(GetSpecVersion);

    /// <summary>The implementation id (table 4.2: 0 Berkeley BBL, 1 OpenSBI, ...).</summary>
    public static nuint ImplementationId => Get(GetImplId);

    /// <summary>The implementation's own version number (OpenSBI: major &lt;&lt; 16 | minor).</summary>
    public static nuint ImplementationVersion => Get(GetImplVersion);

    /// <summary>Whether the firmware has extension <paramref name="extension"/> (probe_extension returns non-zero).</summary>
    public static bool Has(nuint extension)
        => SbiCall.Invoke(ExtensionId, ProbeExtension, extension, 0, 0, out nuint value) == SbiCall.Success && value != 0;

    /// <summary>The project's own firmware (firmware/, docs/abi.md): "RVCS", not a registered id.</summary>
    public const nuint OwnFirmwareId = 0x52564353;

    /// <summary>The name of an implementation id (SBI specification 2.0, table 4.2, and the project's own).</summary>
    public static string ImplementationName(nuint id) => id switch
    {
        0 => "Berkeley Boot Loader",
        1 => "OpenSBI",
        2 => "Xvisor",
        3 => "KVM",
        4 => "RustSBI",
        5 => "Diosix",
        6 => "Coffer",
        7 => "Xen Project",
        8 => "PolarFire Hart Software Services",
        9 => "coreboot",
        10 => "oreboot",
        11 => "bhyve",
        OwnFirmwareId => "rvcsbi",
        _ => "unknown",
    };

    static nuint Get(nuint function)
        => SbiCall.Invoke(ExtensionId, function, 0, 0, 0, out nuint value) == SbiCall.Success ? value : 0;
}
