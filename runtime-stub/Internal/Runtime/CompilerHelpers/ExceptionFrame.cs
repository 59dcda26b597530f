namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// One active <c>try</c> that has a <c>finally</c> (docs/abi.md, "Exceptions"). The compiler keeps one
/// in the stack frame of each method with such a region, pushes it when the try is entered, pops it when the
/// try is left normally, and <see cref="ExceptionHelpers"/> jumps back into it when an exception passes,
/// so that the finally runs before the exception goes on to the next frame and finally ends in a panic.
/// </summary>
public unsafe struct ExceptionFrame
{
    /// <summary>The frame of the try this one is nested in (in this method or a caller), or null.</summary>
    public ExceptionFrame* Previous;

    /// <summary>The registers <c>rvc_setjmp</c> saved when the try was entered.</summary>
    public JumpBuffer Buffer;
}
