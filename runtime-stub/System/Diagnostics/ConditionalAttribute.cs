namespace System.Diagnostics;

/// <summary>Roslyn drops calls to the method unless the symbol is defined.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ConditionalAttribute : Attribute
{
    public ConditionalAttribute(string conditionString)
    {
        ConditionString = conditionString;
    }

    public string ConditionString { get; }
}
