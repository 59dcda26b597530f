using Microsoft.CodeAnalysis;
using Rvc.Diagnostics;

namespace Rvc.Analyzer;

/// <summary>One descriptor per RVC code the analyzer reports. The message of each diagnostic comes whole from
/// <see cref="DiagnosticMessages"/>, the table rvc reports from too.</summary>
internal static class RvcDescriptors
{
    const string Category = "Rvc";

    public static readonly DiagnosticDescriptor Boxing = Create(DiagnosticCode.Boxing, "Boxing needs a garbage collector");
    public static readonly DiagnosticDescriptor NewClass = Create(DiagnosticCode.NewClass, "Objects of classes live on the garbage-collected heap");
    public static readonly DiagnosticDescriptor VirtualCall = Create(DiagnosticCode.VirtualCall, "Virtual and interface calls need virtual dispatch");
    public static readonly DiagnosticDescriptor Catch = Create(DiagnosticCode.Catch, "catch needs exception objects at run time");
    public static readonly DiagnosticDescriptor Delegate = Create(DiagnosticCode.Delegate, "Delegates and lambdas need a garbage collector");
    public static readonly DiagnosticDescriptor Array = Create(DiagnosticCode.Array, "Arrays live on the garbage-collected heap");
    public static readonly DiagnosticDescriptor Strings = Create(DiagnosticCode.Unsupported, "New strings need a garbage collector");

    static DiagnosticDescriptor Create(string id, string title)
        => new(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "rvc compiles C# for a runtime without a garbage collector, virtual dispatch or run-time type information (compiler/README.md).");
}
