using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Rvc.Diagnostics;

namespace Rvc.Analyzer;

/// <summary>RVC0003: a virtual or interface call whose target is known only at run time: the receiver is a
/// class or an interface and the method can be overridden. A call on a struct is direct (and one on a method of
/// object it does not override boxes: RVC0001); <c>base.M()</c> is direct; a call on a type parameter is
/// resolved by rvc for each instantiation (constrained calls, static abstract members), and so is a call on
/// <c>this</c> in a default interface method.
/// C# calls a virtual method through the declaration it first appears in, so that is what is checked for
/// <c>sealed</c>, as rvc checks the method the IL names.</summary>
internal static class Dispatch
{
    public static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var call = (IInvocationOperation)context.Operation;
        if (Strings.ReportConcatCall(context, call) || Boxing.ReportInheritedMethodCall(context, call))
            return;
        if (call.TargetMethod.MethodKind == MethodKind.DelegateInvoke)
            return;
        ReportIfDispatched(context, call.TargetMethod, call.Instance, call.Syntax);
    }

    public static void AnalyzeMemberReference(OperationAnalysisContext context)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        var property = reference.Property;
        bool written = reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference;
        var accessor = written ? property.SetMethod ?? property.GetMethod : property.GetMethod ?? property.SetMethod;
        if (accessor != null)
            ReportIfDispatched(context, accessor, reference.Instance, reference.Syntax);
    }

    static void ReportIfDispatched(OperationAnalysisContext context, IMethodSymbol method, IOperation? instance, SyntaxNode where)
    {
        if (method.IsStatic || instance?.Type is not { } receiver || receiver.IsValueType || receiver.TypeKind == TypeKind.TypeParameter)
            return;
        if (instance.Syntax.IsKind(SyntaxKind.BaseExpression))
            return;
        // A call on 'this' in a default interface method: rvc compiles the method for each struct it is called on,
        // and such a call goes to that struct's member (what uses 'this' otherwise, rvc reports as boxing).
        if (receiver.TypeKind == TypeKind.Interface && instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            return;
        if (!(method.IsVirtual || method.IsAbstract || method.IsOverride))
            return;
        var declared = method;
        while (declared.OverriddenMethod != null)
            declared = declared.OverriddenMethod;
        if (declared.IsSealed || declared.ContainingType.IsSealed)
            return;
        string message = declared.ContainingType.TypeKind == TypeKind.Interface
            ? DiagnosticMessages.InterfaceCall(declared.ContainingType.MetadataName, declared.MetadataName)
            : DiagnosticMessages.VirtualCall(declared.ContainingType.MetadataName, declared.MetadataName);
        context.ReportDiagnostic(Diagnostic.Create(RvcDescriptors.VirtualCall, where.GetLocation(), message));
    }
}
