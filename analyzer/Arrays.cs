using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Rvc.Diagnostics;

namespace Rvc.Analyzer;

/// <summary>RVC0006: arrays, which live on the garbage-collected heap: <c>new T[n]</c>, array initialisers,
/// collection expressions of array type, <c>params</c> arrays, and indexing an array. A constant initialiser made
/// into a ReadOnlySpan of primitives (<c>ReadOnlySpan&lt;byte&gt; table = [1, 2, 3];</c> or
/// <c>= new byte[] { 1, 2, 3 }</c>) is not an array: Roslyn emits the data in the image
/// (RuntimeHelpers.CreateSpan), which rvc supports.</summary>
internal static class Arrays
{
    public static void AnalyzeArrayCreation(OperationAnalysisContext context)
    {
        var creation = (IArrayCreationOperation)context.Operation;
        if (IsConstantDataForReadOnlySpan(creation))
            return;
        Report(context);
    }

    public static void AnalyzeCollectionExpression(OperationAnalysisContext context)
    {
        if (context.Operation.Type is IArrayTypeSymbol)
            Report(context);
    }

    public static void AnalyzeElementReference(OperationAnalysisContext context) => Report(context);

    static void Report(OperationAnalysisContext context)
        => context.ReportDiagnostic(Diagnostic.Create(RvcDescriptors.Array, context.Operation.Syntax.GetLocation(), DiagnosticMessages.Array));

    static bool IsConstantDataForReadOnlySpan(IArrayCreationOperation creation)
    {
        if (creation.Parent is not IConversionOperation { Type: INamedTypeSymbol target })
            return false;
        if (target.MetadataName != "ReadOnlySpan`1" || target.ContainingNamespace?.ToDisplayString() != "System")
            return false;
        var element = ((IArrayTypeSymbol)creation.Type!).ElementType;
        bool primitive = element.TypeKind == TypeKind.Enum || element.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double;
        return primitive && creation.Initializer != null && creation.Initializer.ElementValues.All(v => v.ConstantValue.HasValue);
    }
}
