namespace Internal.Runtime.CompilerHelpers;

using System.Runtime.CompilerServices;

/// <summary>
/// What <c>rvc_setjmp</c> saves (boot code): the callee-saved registers, the stack pointer and the return
/// address. 32 words covers every target: rv64 needs 26 (ra, sp, s0-s11, fs0-fs11), x86_64 8.
/// </summary>
[InlineArray(32)]
public struct JumpBuffer
{
    private ulong _word;
}
