using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Rvc.Diagnostics;

namespace Rvc.Analyzer;

/// <summary>RVC0007 for strings: a new string needs the heap. <c>a + b</c> and <c>s += t</c> on strings
/// (string.Concat) unless Roslyn folds them into a constant, and an interpolated string made into a string
/// (<c>string s = $"n={n}";</c>). An interpolated string handed to a method that takes an interpolated string
/// handler (<c>Console.Write($"n={n}")</c>) formats without a heap and is fine.</summary>
internal static class Strings
{
    public static void AnalyzeBinary(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (!IsConcatenation(binary) || binary.Parent is IBinaryOperation parent && IsConcatenation(parent))
            return; // a + b + c is one string.Concat: reported once, for the whole.
        Report(context, binary.Syntax, DiagnosticMessages.StringConcatenation);
    }

    public static void AnalyzeCompoundAssignment(OperationAnalysisContext context)
    {
        var assignment = (ICompoundAssignmentOperation)context.Operation;
        if (assignment.OperatorKind == BinaryOperatorKind.Add && assignment.Target.Type?.SpecialType == SpecialType.System_String)
            Report(context, assignment.Syntax, DiagnosticMessages.StringConcatenation);
    }

    public static void AnalyzeInterpolatedString(OperationAnalysisContext context)
    {
        var text = (IInterpolatedStringOperation)context.Operation;
        if (text.ConstantValue.HasValue || text.Parent is IInterpolatedStringHandlerCreationOperation)
            return;
        if (text.Type?.SpecialType == SpecialType.System_String)
            Report(context, text.Syntax, DiagnosticMessages.StringFormatting);
    }

    /// <summary>string.Concat called by name.</summary>
    public static bool ReportConcatCall(OperationAnalysisContext context, IInvocationOperation call)
    {
        if (call.TargetMethod.ContainingType.SpecialType != SpecialType.System_String || call.TargetMethod.Name != "Concat")
            return false;
        Report(context, call.Syntax, DiagnosticMessages.StringConcatenation);
        return true;
    }

    static bool IsConcatenation(IBinaryOperation binary)
        => binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String && !binary.ConstantValue.HasValue;

    static void Report(OperationAnalysisContext context, SyntaxNode where, string message)
        => context.ReportDiagnostic(Diagnostic.Create(RvcDescriptors.Strings, where.GetLocation(), message));
}
