namespace Internal.Runtime.CompilerHelpers;

using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

/// <summary>
/// The compiler's throw helpers, found by name (docs/abi.md). Nothing catches an exception: a throw
/// runs the finally blocks of the active try regions (<see cref="ExceptionHelpers"/>), then prints a
/// panic line and ends the program with status 134, the status CoreCLR's unhandled-exception abort
/// gives on Linux.
/// </summary>
public static unsafe class ThrowHelpers
{
    /// <summary>The exit status of a panic.</summary>
    private const int PanicExitCode = 134;

    [DoesNotReturn]
    public static void ThrowOverflowException() => throw new OverflowException();

    [DoesNotReturn]
    public static void ThrowDivideByZeroException() => throw new DivideByZeroException();

    [DoesNotReturn]
    public static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();

    [DoesNotReturn]
    public static void ThrowNullReferenceException() => throw new NullReferenceException();

    /// <summary>
    /// The IL <c>throw</c>: prints <c>panic: &lt;type&gt;: &lt;message&gt;</c> (or
    /// <c>panic: &lt;type&gt;</c> without a message) and exits. An ArgumentException's
    /// parameter name is appended as CoreCLR's Message does: " (Parameter 'name')".
    /// </summary>
    [DoesNotReturn]
    public static void Throw(object exception)
    {
        if (exception is null)
        {
            // `throw null` throws NullReferenceException in .NET.
            ThrowNullReferenceException();
        }

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

    /// <summary>Prints <c>panic: &lt;message&gt;</c> and exits with status 134: for failures that cannot be thrown.</summary>
    [DoesNotReturn]
    public static void Panic(string message)
    {
        Console.Write("panic: ");
        Console.WriteLine(message);
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
