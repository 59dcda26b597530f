namespace Firmware.Sbi;

/// <summary>
/// <c>struct sbiret</c> of the SBI specification ("Binary Encoding"): <see cref="Error"/> goes back in a0,
/// <see cref="Value"/> in a1. The error codes are the specification's.
/// </summary>
internal readonly struct SbiRet
{
    public const nint Success = 0;
    public const nint ErrFailed = -1;
    public const nint ErrNotSupported = -2;
    public const nint ErrInvalidParam = -3;

    public readonly nint Error;
    public readonly nuint Value;

    private SbiRet(nint error, nuint value)
    {
        Error = error;
        Value = value;
    }

    public static SbiRet Ok(nuint value) => new(Success, value);

    public static SbiRet Fail(nint error) => new(error, 0);
}
