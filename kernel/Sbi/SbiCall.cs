namespace Kernel.Sbi;

using System.Runtime.InteropServices;

/// <summary>
/// One call into the SBI firmware (SBI specification 2.0, chapter 3 "Binary Encoding"): <c>ecall</c> from S-mode
/// with the extension id in a7, the function id in a6 and the arguments in a0-a2; the firmware answers with an
/// error code in a0 and a value in a1. The kernel reaches the machine only this way: the firmware owns M-mode.
/// </summary>
public static unsafe class SbiCall
{
    /// <summary>SBI_SUCCESS.</summary>
    public const long Success = 0;

    /// <summary>SBI_ERR_NOT_SUPPORTED.</summary>
    public const long NotSupported = -2;

    /// <summary>Calls function <paramref name="function"/> of extension <paramref name="extension"/>; returns the
    /// error code (0: success) and puts the value in <paramref name="value"/>.</summary>
    public static long Invoke(nuint extension, nuint function, nuint arg0, nuint arg1, nuint arg2, out nuint value)
    {
        nuint result = 0;
        nint error = rvc_sbi_call(extension, function, arg0, arg1, arg2, &result);
        value = result;
        return error;
    }

    /// <summary>A legacy extension (SBI specification, chapter 5): extension id only, the result in a0.</summary>
    public static long InvokeLegacy(nuint extension, nuint arg0)
    {
        nuint ignored = 0;
        return rvc_sbi_call(extension, 0, arg0, 0, 0, &ignored);
    }

    // entry.S.
    [DllImport("*")]
    private static extern nint rvc_sbi_call(nuint extension, nuint function, nuint arg0, nuint arg1, nuint arg2, nuint* value);
}
