namespace Firmware.Sbi;

using System.Runtime.Intrinsics.RiscV;

/// <summary>
/// The base extension (EID 0x10), which every SBI implementation has: which SBI version, which implementation,
/// which extensions, and the machine's vendor, architecture and implementation ids.
/// </summary>
internal static unsafe class BaseExtension
{
    public const nuint Id = 0x10;

    private const nuint GetSpecVersion = 0;
    private const nuint GetImplId = 1;
    private const nuint GetImplVersion = 2;
    private const nuint ProbeExtension = 3;
    private const nuint GetMvendorid = 4;
    private const nuint GetMarchid = 5;
    private const nuint GetMimpid = 6;

    /// <summary>SBI 2.0 (major in bits 24-30, minor in bits 0-23): the debug console extension is 2.0's.</summary>
    public const nuint SpecVersion = (2 << 24) | 0;

    /// <summary>"RVCS". Not an id the SBI specification assigned (OpenSBI is 1): a program must not rely on it.</summary>
    public const nuint ImplId = 0x5256_4353;

    /// <summary>0.1, encoded as OpenSBI encodes its own: major in bits 16 and up, minor below.</summary>
    public const nuint ImplVersion = (0 << 16) | 1;

    public static SbiRet Handle(nuint fid, TrapFrame* frame) => fid switch
    {
        GetSpecVersion => SbiRet.Ok(SpecVersion),
        GetImplId => SbiRet.Ok(ImplId),
        GetImplVersion => SbiRet.Ok(ImplVersion),
        ProbeExtension => SbiRet.Ok(Ecall.Implements(frame->A0) ? 1u : 0u),
        GetMvendorid => SbiRet.Ok(Rv.ReadCsr(Csr.Mvendorid)),
        GetMarchid => SbiRet.Ok(Rv.ReadCsr(Csr.Marchid)),
        GetMimpid => SbiRet.Ok(Rv.ReadCsr(Csr.Mimpid)),
        _ => SbiRet.Fail(SbiRet.ErrNotSupported),
    };
}
