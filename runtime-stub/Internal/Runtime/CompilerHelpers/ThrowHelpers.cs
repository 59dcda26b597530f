namespace Internal.Runtime.CompilerHelpers;

using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

/// <summary>
/// The compiler's throw helpers, found by name (docs/abi.md). Nothing catches an exception: a throw
/// runs the finally blocks of the active try regions (<see cref="ExceptionHelpers"/>), then prints a
/// panic line, the stack of the throw (<see cref="StackFrames"/>), and ends the program with status 134, the status CoreCLR's unhandled-exception abort
/// gives on Linux.
/// </summary>
public static unsafe class ThrowHelpers
{
    /// <summary>The exit status of a panic.</summary>
    private const int PanicExitCode = 134;

    // The return addresses of the first throw's stack (StackFrames), taken before the finally blocks run: their
    // longjmps reuse the stack below the frames that hold them.
#pragma warning disable CS0649 // written through a pointer (CaptureStack), which the C# compiler does not see
    private static ReturnAddresses s_frames;
#pragma warning restore CS0649
    private static int s_frameCount;

    [InlineArray(StackFrames.MaxFrames)]
    private struct ReturnAddresses
    {
        private nuint _element;
    }

    // The helpers the compiler calls are not frames of the stack the panic prints, as CoreCLR hides its own throw
    // helpers ([StackTraceHidden]): each is a function of its own (never inlined) that takes the stack from its own
    // frame, so the first frame is the method whose check failed, whatever calls the helper makes after that.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowOverflowException()
    {
        CaptureStack(StackFrames.FrameAddress());
        Report(new OverflowException());
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowDivideByZeroException()
    {
        CaptureStack(StackFrames.FrameAddress());
        Report(new DivideByZeroException());
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowIndexOutOfRangeException()
    {
        CaptureStack(StackFrames.FrameAddress());
        Report(new IndexOutOfRangeException());
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowNullReferenceException()
    {
        CaptureStack(StackFrames.FrameAddress());
        Report(new NullReferenceException());
    }

    /// <summary>
    /// The IL <c>throw</c>: prints <c>panic: &lt;type&gt;: &lt;message&gt;</c> (or
    /// <c>panic: &lt;type&gt;</c> without a message) and exits. An ArgumentException's
    /// parameter name is appended as CoreCLR's Message does: " (Parameter 'name')".
    /// </summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(object exception)
    {
        if (exception is null)
        {
            // `throw null` throws NullReferenceException in .NET.
            ThrowNullReferenceException();
        }

        CaptureStack(StackFrames.FrameAddress());
        Report(exception);
    }

    /// <summary>Keeps the stack of the first throw: the frames of the callers of the method whose frame pointer is
    /// <paramref name="frame"/>. A throw while the finally blocks run leaves it as it is.</summary>
    private static void CaptureStack(void* frame)
    {
        if (!ExceptionHelpers.Unwinding)
        {
            s_frameCount = StackFrames.Walk(frame, (nuint*)Unsafe.AsPointer(ref s_frames[0]), StackFrames.MaxFrames);
        }
    }

    [DoesNotReturn]
    private static void Report(object exception)
    {
        // The finally blocks of the active try regions run first (each ends in ExceptionHelpers.Rethrow).
        object first = ExceptionHelpers.Unhandled(exception);
        ExceptionHelpers.Unwind(exception);

        // No frame left: report the exception the unwinding began with (a finally may have thrown another).
        exception = first;

        MethodTable* type = (MethodTable*)exception.m_pMethodTable;
        string? message = Unsafe.As<Exception>(exception)._message;

        Console.Write("panic: ");
        Console.Write(TypeName(type));
        if (message is not null)
        {
            Console.Write(": ");
            Console.Write(message);
            string? paramName = ParamName(exception, type);
            if (paramName is not null && paramName.Length != 0)
            {
                Console.Write(" (Parameter '");
                Console.Write(paramName);
                Console.Write("')");
            }
        }

        Console.WriteLine();
        StackFrames.Print((nuint*)Unsafe.AsPointer(ref s_frames[0]), s_frameCount);
        Platform.Exit(PanicExitCode);
    }

    /// <summary>
    /// Called by the code a method runs on entry when the stack pointer is below <c>rvc_stack_limit</c>, or by a
    /// <c>stackalloc</c> that would take it there (docs/abi.md, "Stack overflow"); the caller has set the limit to
    /// zero, so this runs on the reserve below it. Prints <c>Stack overflow.</c> and exits with 134, as CoreCLR
    /// does (to stderr on the host, as there); no finally block runs. Never inlined: its own entry check must load
    /// the limit its caller has just cleared, not reuse the caller's reading (the compiler marks that load invariant).
    /// </summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void StackOverflow()
    {
        byte* text = stackalloc byte[16];
        ReadOnlySpan<byte> message = "Stack overflow.\n"u8;
        for (int i = 0; i < message.Length; i++)
        {
            text[i] = message[i];
        }

        Platform.WriteError(text, message.Length);
        Platform.Exit(PanicExitCode);
    }

    /// <summary>Prints <c>panic: &lt;message&gt;</c> and the caller's stack, and exits with status 134: for failures
    /// that cannot be thrown.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Panic(string message)
    {
        Console.Write("panic: ");
        Console.WriteLine(message);
        nuint* frames = stackalloc nuint[StackFrames.MaxFrames];
        StackFrames.Print(frames, StackFrames.Walk(StackFrames.FrameAddress(), frames, StackFrames.MaxFrames));
        Platform.Exit(PanicExitCode);
    }

    // MethodTable.Name points at a string literal object; reinterpret the pointer as a reference.
    private static string TypeName(MethodTable* type) => Unsafe.Read<string>(&type->Name);

    // There are no casts without type checks, so find ArgumentException in the base-type chain by name.
    private static string? ParamName(object exception, MethodTable* type)
    {
        for (MethodTable* t = type; t != null; t = t->BaseType)
        {
            if (TypeName(t) == "System.ArgumentException")
            {
                return Unsafe.As<ArgumentException>(exception)._paramName;
            }
        }

        return null;
    }
}
