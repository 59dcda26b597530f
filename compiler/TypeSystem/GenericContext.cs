using Mono.Cecil;

namespace Rvc.TypeSystem;

/// <summary>The type arguments in force while compiling one instantiation of a method: those of its
/// declaring type and its own. Every type in a method body is passed through <see cref="Substitute"/>
/// so that the rest of the compiler only ever sees closed types (monomorphisation).</summary>
public sealed class GenericContext
{
    public static readonly GenericContext Empty = new([], []);

    public IReadOnlyList<TypeReference> TypeArguments { get; }
    public IReadOnlyList<TypeReference> MethodArguments { get; }

    public GenericContext(IReadOnlyList<TypeReference> typeArguments, IReadOnlyList<TypeReference> methodArguments)
    {
        TypeArguments = typeArguments;
        MethodArguments = methodArguments;
    }

    /// <summary>The context of a (possibly generic) closed type.</summary>
    public static GenericContext ForType(TypeReference type)
        => type is GenericInstanceType git ? new GenericContext(git.GenericArguments.ToArray(), []) : Empty;

    public TypeReference Substitute(TypeReference type)
    {
        switch (type)
        {
            case GenericParameter gp:
                var list = gp.Type == GenericParameterType.Type ? TypeArguments : MethodArguments;
                if (gp.Position >= list.Count)
                    throw new InvalidOperationException($"unbound generic parameter {gp.FullName}");
                return list[gp.Position];
            case GenericInstanceType git:
                {
                    bool changed = false;
                    var args = new TypeReference[git.GenericArguments.Count];
                    for (int i = 0; i < args.Length; i++)
                    {
                        args[i] = Substitute(git.GenericArguments[i]);
                        changed |= args[i] != git.GenericArguments[i];
                    }
                    if (!changed)
                        return git;
                    var result = new GenericInstanceType(git.ElementType);
                    foreach (var a in args)
                        result.GenericArguments.Add(a);
                    return result;
                }
            case ByReferenceType br:
                {
                    var e = Substitute(br.ElementType);
                    return e == br.ElementType ? br : new ByReferenceType(e);
                }
            case PointerType pt:
                {
                    var e = Substitute(pt.ElementType);
                    return e == pt.ElementType ? pt : new PointerType(e);
                }
            case PinnedType pin:
                return Substitute(pin.ElementType);
            case RequiredModifierType req:
                return Substitute(req.ElementType);
            case OptionalModifierType opt:
                return Substitute(opt.ElementType);
            case ArrayType at:
                {
                    var e = Substitute(at.ElementType);
                    return e == at.ElementType ? at : new ArrayType(e, at.Rank);
                }
            case SentinelType s:
                return Substitute(s.ElementType);
            default:
                return type;
        }
    }
}
