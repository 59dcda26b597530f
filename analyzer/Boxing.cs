using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Rvc.Diagnostics;

namespace Rvc.Analyzer;

/// <summary>RVC0001: a value of a value type converted to object, ValueType, Enum or an interface
/// (<c>object o = 42;</c>). A type parameter that is not constrained to struct is left alone: its boxing is a
/// no-op when it is instantiated with a reference type, and rvc decides per instantiation.</summary>
internal static class Boxing
{
    public static void AnalyzeConversion(OperationAnalysisContext context)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.Language != LanguageNames.CSharp || !conversion.GetConversion().IsBoxing)
            return;
        if (conversion.Operand.Type is not { IsValueType: true } source)
            return;
        if (conversion.Parent is IArgumentOperation { Parent: IInvocationOperation call } && IsEnumHasFlag(call))
            return;
        context.ReportDiagnostic(Diagnostic.Create(RvcDescriptors.Boxing, conversion.Syntax.GetLocation(),
            DiagnosticMessages.Boxing(source.MetadataName)));
    }

    /// <summary>A method of object, ValueType or Enum that a struct does not override, called on the struct:
    /// the call needs the value boxed (<c>point.ToString()</c> without an override).</summary>
    public static bool ReportInheritedMethodCall(OperationAnalysisContext context, IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (method.IsStatic || call.Instance?.Type is not { IsValueType: true, TypeKind: not TypeKind.TypeParameter } receiver)
            return false;
        if (method.ContainingType.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum))
            return false;
        if (IsEnumHasFlag(call))
            return false;
        context.ReportDiagnostic(Diagnostic.Create(RvcDescriptors.Boxing, call.Syntax.GetLocation(),
            DiagnosticMessages.BoxingForInheritedMethod(receiver.MetadataName, method.MetadataName)));
        return true;
    }

    /// <summary><c>e.HasFlag(flag)</c> with <c>flag</c> of e's own enum type: rvc compiles it as
    /// <c>(e &amp; flag) == flag</c>, as the JIT does, so nothing is boxed.</summary>
    static bool IsEnumHasFlag(IInvocationOperation call)
    {
        if (call.TargetMethod is not { Name: "HasFlag", IsStatic: false } method
            || method.ContainingType.SpecialType != SpecialType.System_Enum
            || call.Instance?.Type is not { TypeKind: TypeKind.Enum } receiver
            || call.Arguments.Length != 1)
            return false;
        var argument = call.Arguments[0].Value;
        var flagType = argument is IConversionOperation { IsImplicit: true } boxed ? boxed.Operand.Type : argument.Type;
        return SymbolEqualityComparer.Default.Equals(flagType, receiver);
    }
}
