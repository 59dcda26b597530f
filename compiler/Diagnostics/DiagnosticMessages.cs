namespace Rvc.Diagnostics;

/// <summary>The text of every RVC error that both rvc (on IL, whole program) and the analyzer (on C# as it is
/// typed, analyzer/) report: one table, so that the editor and the build say the same thing. Each message names
/// what a zero-GC, reflection-free runtime lacks, then, after a colon, what to write instead. This file is
/// compiled into both assemblies (analyzer/Rvc.Analyzer.csproj links it), hence internal.</summary>
internal static class DiagnosticMessages
{
    /// <summary>RVC0001: a value converted to object, ValueType, Enum or an interface.</summary>
    public static string Boxing(string typeName)
        => $"boxing a '{typeName}' needs a garbage collector, which this runtime does not have";

    /// <summary>RVC0001: a method of object that the struct does not override, called on the struct.</summary>
    public static string BoxingForInheritedMethod(string typeName, string methodName)
        => $"'{typeName}' does not override '{methodName}', so calling it would box the value: boxing needs a garbage collector, which this runtime does not have";

    /// <summary>RVC0001: a default interface method called on a struct.</summary>
    public static string BoxingForDefaultInterfaceMethod(string interfaceName, string methodName, string typeName)
        => $"calling the default interface method '{interfaceName}.{methodName}' on '{typeName}' would box the value: boxing needs a garbage collector, which this runtime does not have";

    /// <summary>RVC0001: a default interface method, called on a struct, that uses <c>this</c> other than to call a member on it.</summary>
    public static string BoxingThisInDefaultInterfaceMethod(string interfaceName, string methodName, string typeName)
        => $"the default interface method '{interfaceName}.{methodName}', called on the struct '{typeName}', uses 'this' as an object here, which would box the value: boxing needs a garbage collector, which this runtime does not have; only call members on 'this' in a default method a struct uses";

    /// <summary>RVC0002: <c>new C(...)</c> of a class that is not an exception.</summary>
    public static string NewClass(string typeName)
        => $"'new {typeName}' creates an object on the garbage-collected heap, which this runtime does not have: make '{typeName}' a struct (only exceptions may be created, to be thrown)";

    /// <summary>RVC0002: <c>new T()</c> with T a class.</summary>
    public static string NewTypeParameter(string typeName)
        => $"'new {typeName}()' creates an object on the garbage-collected heap, which this runtime does not have: constrain the type parameter to 'struct'";

    /// <summary>RVC0003: a virtual call on a class.</summary>
    public static string VirtualCall(string typeName, string methodName)
        => $"the virtual call to '{typeName}.{methodName}' needs virtual dispatch, which this runtime does not have: call it on a struct, or make the method generic over a struct type constrained to an interface (static dispatch)";

    /// <summary>RVC0003: an interface call on a reference.</summary>
    public static string InterfaceCall(string interfaceName, string methodName)
        => $"the interface call to '{interfaceName}.{methodName}' needs virtual dispatch, which this runtime does not have; use a generic method constrained to the interface (static dispatch)";

    /// <summary>RVC0003: a constrained call whose type argument is a reference type.</summary>
    public static string VirtualCallOnReferenceType(string typeName, string methodName, string referenceTypeName)
        => $"the call to '{typeName}.{methodName}' on the reference type '{referenceTypeName}' needs virtual dispatch, which this runtime does not have";

    /// <summary>RVC0004: a catch clause (or a filter, or a rethrow).</summary>
    public const string Catch = "catch needs exception objects to be caught at run time, which this runtime does not have: an exception ends the program with a panic";

    /// <summary>RVC0005: a lambda, an anonymous method or a method group converted to a delegate.</summary>
    public const string Delegate = "delegates and lambdas need a garbage collector, which this runtime does not have: use a function pointer (delegate*)";

    /// <summary>RVC0005: ldvirtftn.</summary>
    public const string VirtualDelegate = "delegates over virtual methods need a garbage collector and virtual dispatch, which this runtime does not have: use a function pointer (delegate*)";

    /// <summary>RVC0006: creating or indexing an array.</summary>
    public const string Array = "arrays live on the garbage-collected heap, which this runtime does not have: use stackalloc, a fixed buffer, an [InlineArray] struct or a Span<T> over memory you own";

    /// <summary>RVC0007: <c>a + b</c> on strings.</summary>
    public const string StringConcatenation = "string concatenation makes a new string on the garbage-collected heap, which this runtime does not have: write the parts one after the other (Console.Write(a); Console.Write(b);) or copy them into a Span<char> you own";

    /// <summary>RVC0007: an interpolated string made into a string.</summary>
    public const string StringFormatting = "formatting into a string makes a new string on the garbage-collected heap, which this runtime does not have: use Console.Write($\"...\"), or TryWrite($\"...\") into a Span<char> you own";
}
