using Xunit.Abstractions;
using Xunit.Sdk;

namespace Rvc.Compiler.Tests;

/// <summary>Runs the rows of each theory in the order of their data (file name, then architecture) instead of
/// xunit's default hash order, so that <see cref="Prefetcher{TKey, TResult}"/> can work ahead and logs read in order.</summary>
public sealed class DataRowOrderer : ITestCaseOrderer
{
    public const string TypeName = "Rvc.Compiler.Tests.DataRowOrderer";
    public const string AssemblyName = "Compiler.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase
        => testCases
            .OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal)
            .ThenBy(t => string.Join('\0', (t.TestMethodArguments ?? []).Select(a => a?.ToString() ?? "")), StringComparer.Ordinal);
}
