namespace System.Runtime.CompilerServices;

/// <summary>The type of <see cref="MethodImplAttribute.MethodCodeType"/>, which Roslyn decodes.</summary>
public enum MethodCodeType
{
    IL = 0,
    Native = 1,
    OPTIL = 2,
    Runtime = 3,
}
