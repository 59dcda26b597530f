using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Rvc.Diagnostics;

namespace Rvc.Analyzer;

/// <summary>RVC0002 and RVC0005: objects on a heap that does not exist. <c>new</c> of a class other than an
/// exception (which may be created, to be thrown), <c>new T()</c> with T constrained to a class, anonymous
/// objects, and every delegate: a lambda, an anonymous method or a method group converted to a delegate type.</summary>
internal static class Allocation
{
    public static void AnalyzeObjectCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || IsException(type))
            return;
        context.ReportDiagnostic(Diagnostic.Create(RvcDescriptors.NewClass, creation.Syntax.GetLocation(),
            DiagnosticMessages.NewClass(type.MetadataName)));
    }

    public static void AnalyzeAnonymousObjectCreation(OperationAnalysisContext context)
        => context.ReportDiagnostic(Diagnostic.Create(RvcDescriptors.NewClass, context.Operation.Syntax.GetLocation(),
            DiagnosticMessages.NewClass("<anonymous type>")));

    public static void AnalyzeTypeParameterObjectCreation(OperationAnalysisContext context)
    {
        if (context.Operation.Type is not ITypeParameterSymbol { HasReferenceTypeConstraint: true } type)
            return;
        context.ReportDiagnostic(Diagnostic.Create(RvcDescriptors.NewClass, context.Operation.Syntax.GetLocation(),
            DiagnosticMessages.NewTypeParameter(type.MetadataName)));
    }

    public static void AnalyzeDelegateCreation(OperationAnalysisContext context)
        => context.ReportDiagnostic(Diagnostic.Create(RvcDescriptors.Delegate, context.Operation.Syntax.GetLocation(), DiagnosticMessages.Delegate));

    static bool IsException(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t != null; t = t.BaseType)
        {
            if (t.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true } && t.MetadataName == "Exception")
                return true;
        }
        return false;
    }
}
