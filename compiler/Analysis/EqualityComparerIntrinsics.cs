using Mono.Cecil;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.Analysis;

/// <summary>
/// <c>EqualityComparer&lt;T&gt;.Default.Equals(a, b)</c> and <c>.GetHashCode(a)</c>, what a record struct's
/// generated equality members call for each field, compiled inline for the T at hand (there is no comparer object):
/// primitives and enums by value, strings through String.Equals and String.GetHashCode, structs through their own
/// Equals(T) (IEquatable&lt;T&gt;) and GetHashCode override. This finds the method a call goes to, for the dependency
/// analysis and the code generator alike.
/// </summary>
public static class EqualityComparerIntrinsics
{
    public const string TypeName = "System.Collections.Generic.EqualityComparer`1";

    /// <summary>The method <c>Equals</c> (<paramref name="equals"/>) or <c>GetHashCode</c> on T calls, or null when it
    /// is compiled inline (primitives and enums).</summary>
    public static MethodDesc? Callee(TypeSystemContext types, TypeReference type, bool equals)
    {
        var kind = types.Classify(type);
        if (kind is not (ValueKind.Object or ValueKind.Struct))
            return null;
        var def = types.Resolve(type);
        if (kind == ValueKind.Object)
        {
            if (type.FullName != "System.String")
                throw new CompilationException(DiagnosticCode.VirtualCall, $"comparing '{type.Name}' objects needs virtual dispatch, which this runtime does not have: use a struct");
            var method = equals
                ? def.Methods.Single(m => m.Name == "Equals" && m.IsStatic && m.Parameters.Count == 2)
                : def.Methods.Single(m => m.Name == "GetHashCode" && !m.IsStatic && m.Parameters.Count == 0);
            return new MethodDesc(method, type, []);
        }

        var context = GenericContext.ForType(type);
        var found = equals
            ? def.Methods.FirstOrDefault(m => m.Name == "Equals" && !m.IsStatic && m.Parameters.Count == 1 && context.Substitute(m.Parameters[0].ParameterType).FullName == type.FullName)
            : def.Methods.FirstOrDefault(m => m.Name == "GetHashCode" && !m.IsStatic && m.Parameters.Count == 0);
        if (found == null)
            throw new CompilationException(DiagnosticCode.Boxing, equals
                ? $"comparing '{type.Name}' values needs '{type.Name}.Equals({type.Name})' (implement IEquatable<{type.Name}>): the default would box the value, which needs a garbage collector"
                : $"hashing a '{type.Name}' needs '{type.Name}' to override GetHashCode: the default would box the value, which needs a garbage collector");
        return new MethodDesc(found, type, []);
    }

    /// <summary>The T of a call to one of EqualityComparer&lt;T&gt;'s members.</summary>
    public static TypeReference ElementType(MethodDesc target) => ((GenericInstanceType)target.OwningType).GenericArguments[0];
}
