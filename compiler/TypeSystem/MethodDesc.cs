using Mono.Cecil;

namespace Rvc.TypeSystem;

/// <summary>One concrete method: a definition with all its type arguments bound. The unit of
/// compilation, of dependency analysis and of symbol naming.</summary>
public sealed class MethodDesc : IEquatable<MethodDesc>
{
    public MethodDefinition Definition { get; }
    /// <summary>The closed declaring type (a <see cref="GenericInstanceType"/> for methods of generic types).</summary>
    public TypeReference OwningType { get; }
    public IReadOnlyList<TypeReference> MethodArguments { get; }
    public GenericContext Context { get; }
    /// <summary>A unique, readable name: also the LLVM symbol (quoted) unless the method is exported.</summary>
    public string Name { get; }

    /// <summary>For a default interface method compiled for one struct (see <see cref="Analysis.DefaultInterfaceThis"/>):
    /// that struct. Its <c>this</c> is then a pointer to the struct, and calls on it go to the struct's members.</summary>
    public TypeReference? ThisType { get; }

    public MethodDesc(MethodDefinition definition, TypeReference owningType, IReadOnlyList<TypeReference> methodArguments, TypeReference? thisType = null)
    {
        Definition = definition;
        OwningType = owningType;
        MethodArguments = methodArguments;
        Context = new GenericContext(
            owningType is GenericInstanceType git ? git.GenericArguments.ToArray() : [],
            methodArguments);
        string typeArgs = methodArguments.Count == 0 ? "" : "<" + string.Join(",", methodArguments.Select(a => a.FullName)) + ">";
        string parameters = string.Join(",", definition.Parameters.Select(p => Context.Substitute(p.ParameterType).FullName));
        ThisType = thisType;
        string receiver = thisType == null ? "" : $" for {thisType.FullName}";
        Name = $"{Context.Substitute(definition.ReturnType).FullName} {owningType.FullName}::{definition.Name}{typeArgs}({parameters}){receiver}";
    }

    public bool IsStatic => Definition.IsStatic;
    public bool HasThis => Definition.HasThis;

    public TypeReference ReturnType => Context.Substitute(Definition.ReturnType);

    public TypeReference ParameterType(int index) => Context.Substitute(Definition.Parameters[index].ParameterType);

    public bool Equals(MethodDesc? other) => other != null && other.Name == Name;
    public override bool Equals(object? obj) => Equals(obj as MethodDesc);
    public override int GetHashCode() => Name.GetHashCode();
    public override string ToString() => Name;
}
