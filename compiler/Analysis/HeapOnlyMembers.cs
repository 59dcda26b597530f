using Mono.Cecil;

namespace Rvc.Analysis;

/// <summary>The core library members that exist only so that Roslyn compiles C# whose result needs the heap
/// (a string built at run time). Their calls are errors; this says what to write instead.</summary>
public static class HeapOnlyMembers
{
    const string Instead = "print it with Console.Write($\"...\") / Console.WriteLine($\"...\"), or format it into a span with span.TryWrite($\"...\", out int written) or value.TryFormat(span, out int written, \"X8\")";

    /// <summary>The error message for a call to <paramref name="method"/>, or null when it is not one of these members.</summary>
    public static string? Explain(MethodDefinition method)
    {
        string type = method.DeclaringType.FullName;
        if (type == "System.Text.StringBuilder")
            return $"StringBuilder builds a string on the heap, which this runtime does not have (a record's generated ToString uses it): override ToString in the record, or {Instead}";
        if (type == "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler")
            return $"an interpolated string used as a 'string' is built on the heap, which this runtime does not have: {Instead}";
        if (method.Name == "ToString" && method.DeclaringType.IsValueType)
            return $"'{method.DeclaringType.Name}.ToString' builds a string on the heap, which this runtime does not have: {Instead}";
        if (method.Name.EndsWith("IFormattable.ToString", StringComparison.Ordinal))
            return $"'{method.DeclaringType.Name}.ToString' builds a string on the heap, which this runtime does not have: {Instead}";
        return null;
    }
}
