namespace Internal.Runtime.CompilerHelpers;

using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

/// <summary>
/// The chain of active <see cref="ExceptionFrame"/>s, as the compiler's try/finally code and
/// <see cref="ThrowHelpers.Throw"/> use it (docs/abi.md, "Exceptions"). Nothing catches an exception, so
/// this only unwinds: CoreCLR runs the finally blocks of an unhandled exception before the process dies,
/// and so does this runtime, innermost first, across method calls, before the panic.
/// </summary>
public static unsafe class ExceptionHelpers
{
    private static ExceptionFrame* s_top;
    private static object? s_pending;

    // The exception whose unwinding is under way: what the panic reports. A finally that throws during the
    // unwinding throws on (the outer finally blocks still run), but CoreCLR reports the first exception.
    private static object? s_first;

    /// <summary>Whether an exception is already unwinding: the throw under way is not the one the program dies of.</summary>
    internal static bool Unwinding => s_first != null;

    /// <summary>Called by <see cref="ThrowHelpers.Throw"/> for every throw: the exception the program dies of.</summary>
    internal static object Unhandled(object exception)
    {
        s_first ??= exception;
        return s_first;
    }

    /// <summary>Called on entering a try that has a finally.</summary>
    public static void PushFrame(ExceptionFrame* frame)
    {
        frame->Previous = s_top;
        s_top = frame;
    }

    /// <summary>Called when the try is left normally, before its finally runs.</summary>
    public static void PopFrame(ExceptionFrame* frame) => s_top = frame->Previous;

    /// <summary>
    /// Called by <see cref="ThrowHelpers.Throw"/>: when a try with a finally is active, resumes it (its
    /// finally runs, then <see cref="Rethrow"/>); returns when none is, and the exception ends in a panic.
    /// </summary>
    internal static void Unwind(object exception)
    {
        ExceptionFrame* frame = s_top;
        if (frame == null)
        {
            return;
        }

        s_pending = exception;
        s_top = frame->Previous;
        rvc_longjmp(&frame->Buffer, 1);
    }

    /// <summary>In the finally of <see cref="StartupHelpers.RunTypeInitializer"/>: the exception unwinding through
    /// a static constructor becomes a TypeInitializationException.</summary>
    internal static void WrapPending(string message)
    {
        object? inner = s_pending;
        s_pending = new System.TypeInitializationException(message, System.Runtime.CompilerServices.Unsafe.As<System.Exception>(inner));

        // The runtime handles the constructor's exception and throws this one instead (as CoreCLR does).
        if (s_first == inner)
        {
            s_first = s_pending;
        }
    }

    /// <summary>Called at the end of a finally that ran because of an exception: the exception goes on.</summary>
    [DoesNotReturn]
    public static void Rethrow() => ThrowHelpers.Throw(s_pending!);

    [DllImport("*")]
    [DoesNotReturn]
    private static extern void rvc_longjmp(JumpBuffer* buffer, int value);
}
