namespace SbiPayload;

using System.Runtime.InteropServices;

/// <summary>The SBI calls as the payload makes them (SBI specification; docs/abi.md, "Firmware (SBI)").</summary>
internal static unsafe class Sbi
{
    public const nuint LegacySetTimer = 0x00;
    public const nuint LegacyConsolePutchar = 0x01;
    public const nuint LegacyConsoleGetchar = 0x02;
    public const nuint LegacyShutdown = 0x08;
    public const nuint Base = 0x10;
    public const nuint Time = 0x5449_4D45;
    public const nuint SystemReset = 0x5352_5354;
    public const nuint DebugConsole = 0x4442_434E;

    // Base extension functions.
    public const nuint GetSpecVersion = 0;
    public const nuint GetImplId = 1;
    public const nuint GetImplVersion = 2;
    public const nuint ProbeExtension = 3;
    public const nuint GetMvendorid = 4;
    public const nuint GetMarchid = 5;
    public const nuint GetMimpid = 6;

    // Debug console functions.
    public const nuint ConsoleWrite = 0;
    public const nuint ConsoleRead = 1;
    public const nuint ConsoleWriteByte = 2;

    /// <summary>A v0.2+ call: returns sbiret.error, the value in <paramref name="value"/>.</summary>
    public static nint Call(nuint eid, nuint fid, nuint arg0, nuint arg1, nuint arg2, out nuint value)
    {
        nuint result;
        nint error = sbi_call(eid, fid, arg0, arg1, arg2, &result);
        value = result;
        return error;
    }

    public static nint Call(nuint eid, nuint fid, nuint arg0, out nuint value) => Call(eid, fid, arg0, 0, 0, out value);

    /// <summary>A legacy call: its one result is in a0.</summary>
    public static nint Legacy(nuint eid, nuint arg0, nuint arg1 = 0)
    {
        nuint ignored;
        return sbi_call(eid, 0, arg0, arg1, 0, &ignored);
    }

    /// <summary>base probe_extension: 0 when the extension is not there.</summary>
    public static nuint Probe(nuint eid)
    {
        Call(Base, ProbeExtension, eid, out nuint available);
        return available;
    }

    /// <summary>set_timer, through the TIME extension: a 64-bit value in a0 (rv64) or a1:a0 (rv32).</summary>
    public static nint SetTimer(ulong stimeValue)
        => Call(Time, 0, (nuint)stimeValue, sizeof(nuint) == 4 ? (nuint)(stimeValue >> 32) : 0, 0, out _);

    // entry.S
    [DllImport("*")]
    private static extern nint sbi_call(nuint eid, nuint fid, nuint arg0, nuint arg1, nuint arg2, nuint* value);
}
