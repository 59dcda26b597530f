using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Rvc.Analyzer;

/// <summary>Reports, at the exact expression, the C# constructs rvc rejects: boxing, <c>new</c> of a class,
/// virtual and interface calls, catch, delegates, arrays, string concatenation and formatting. It looks at the
/// program as written (Roslyn's operations), so an optimising build cannot hide a construct from it.
/// It reports only what rvc rejects whatever the rest of the program is; what depends on how a generic method is
/// instantiated (a type parameter that may be a class or a struct) is left to rvc, which sees the whole program.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RvcAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        RvcDescriptors.Boxing, RvcDescriptors.NewClass, RvcDescriptors.VirtualCall, RvcDescriptors.Catch,
        RvcDescriptors.Delegate, RvcDescriptors.Array, RvcDescriptors.Strings);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        Register(context, Boxing.AnalyzeConversion, OperationKind.Conversion);
        Register(context, Allocation.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        Register(context, Allocation.AnalyzeAnonymousObjectCreation, OperationKind.AnonymousObjectCreation);
        Register(context, Allocation.AnalyzeTypeParameterObjectCreation, OperationKind.TypeParameterObjectCreation);
        Register(context, Allocation.AnalyzeDelegateCreation, OperationKind.DelegateCreation);
        Register(context, Arrays.AnalyzeArrayCreation, OperationKind.ArrayCreation);
        Register(context, Arrays.AnalyzeCollectionExpression, OperationKind.CollectionExpression);
        Register(context, Arrays.AnalyzeElementReference, OperationKind.ArrayElementReference);
        Register(context, Dispatch.AnalyzeInvocation, OperationKind.Invocation);
        Register(context, Dispatch.AnalyzeMemberReference, OperationKind.PropertyReference);
        Register(context, Catch.AnalyzeCatchClause, OperationKind.CatchClause);
        Register(context, Strings.AnalyzeBinary, OperationKind.Binary);
        Register(context, Strings.AnalyzeCompoundAssignment, OperationKind.CompoundAssignment);
        Register(context, Strings.AnalyzeInterpolatedString, OperationKind.InterpolatedString);
    }

    /// <summary>Attributes are metadata: <c>[StructLayout(...)]</c> is an object creation only in Roslyn's view,
    /// and nothing in an attribute runs on the target.</summary>
    static void Register(AnalysisContext context, Action<OperationAnalysisContext> action, params OperationKind[] kinds)
        => context.RegisterOperationAction(c =>
        {
            if (c.Operation.Syntax.FirstAncestorOrSelf<AttributeSyntax>() == null)
                action(c);
        }, kinds);
}
