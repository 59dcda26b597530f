using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Rvc.Diagnostics;

namespace Rvc.Analyzer;

/// <summary>RVC0004: a catch clause (with or without a filter). A thrown exception ends the program with a panic
/// after the finally blocks have run, so try/finally and using are fine.</summary>
internal static class Catch
{
    public static void AnalyzeCatchClause(OperationAnalysisContext context)
    {
        if (context.Operation.Syntax is not CatchClauseSyntax clause)
            return;
        // `catch (IOException e) when (...)`: the clause's head, not its whole block.
        SyntaxNode? last = (SyntaxNode?)clause.Filter ?? clause.Declaration;
        var span = TextSpan.FromBounds(clause.CatchKeyword.SpanStart, last?.Span.End ?? clause.CatchKeyword.Span.End);
        context.ReportDiagnostic(Diagnostic.Create(RvcDescriptors.Catch, Location.Create(clause.SyntaxTree, span), DiagnosticMessages.Catch));
    }
}
