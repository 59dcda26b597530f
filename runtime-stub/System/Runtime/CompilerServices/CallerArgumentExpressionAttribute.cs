namespace System.Runtime.CompilerServices;

/// <summary>Roslyn passes the source text of another argument to the parameter (e.g. <c>ArgumentNullException.ThrowIfNull</c>).</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class CallerArgumentExpressionAttribute : Attribute
{
    public CallerArgumentExpressionAttribute(string parameterName)
    {
        ParameterName = parameterName;
    }

    public string ParameterName { get; }
}
