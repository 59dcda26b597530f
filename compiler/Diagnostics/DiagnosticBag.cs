namespace Rvc.Diagnostics;

/// <summary>Collects the errors of a compilation so that one build reports all of them, as a C# compiler
/// does, instead of stopping at the first.</summary>
public sealed class DiagnosticBag
{
    readonly List<CompilationException> errors = [];
    readonly HashSet<string> seen = [];

    public bool HasErrors => errors.Count > 0;

    public IReadOnlyList<CompilationException> Errors => errors;

    public void Add(CompilationException error)
    {
        if (seen.Add(error.Format()))
            errors.Add(error);
    }

    /// <summary>Throws the collected errors as one <see cref="CompilationFailedException"/>, if there are any.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
            throw new CompilationFailedException(errors);
    }
}

/// <summary>A compilation that found errors in the program.</summary>
public sealed class CompilationFailedException(IReadOnlyList<CompilationException> errors)
    : Exception($"{errors.Count} error(s)")
{
    public IReadOnlyList<CompilationException> Errors { get; } = errors;
}
