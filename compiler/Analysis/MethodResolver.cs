using Mono.Cecil;
using Mono.Cecil.Cil;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.Analysis;

/// <summary>Turns the method operands of call instructions into concrete <see cref="MethodDesc"/>s,
/// binding generic arguments and resolving constrained calls statically. Shared by the dependency
/// scanner and the code generator so both see the same program.</summary>
public sealed class MethodResolver
{
    readonly TypeSystemContext types;

    public MethodResolver(TypeSystemContext types)
    {
        this.types = types;
    }

    public MethodDesc Resolve(MethodReference reference, GenericContext context)
    {
        var owner = context.Substitute(reference.DeclaringType);
        var def = reference.Resolve()
            ?? throw new CompilationException(DiagnosticCode.Program, $"cannot resolve the method '{reference.FullName}'");
        var methodArgs = reference is GenericInstanceMethod gim
            ? gim.GenericArguments.Select(context.Substitute).ToArray()
            : (IReadOnlyList<TypeReference>)[];
        return new MethodDesc(def, owner, methodArgs);
    }

    /// <summary>The method a call instruction really calls: for <c>constrained. T callvirt</c> (and
    /// <c>constrained. T call</c> of static abstract members) the implementation on T, found at compile
    /// time; for other virtual calls the method itself when it cannot be overridden.</summary>
    public MethodDesc ResolveCallTarget(Instruction call, MethodDesc target, TypeReference? constrained)
    {
        var def = target.Definition;
        if (constrained != null)
        {
            bool valueType = types.Resolve(constrained).IsValueType;
            if (!valueType && def.IsVirtual && !def.IsStatic)
                throw new CompilationException(DiagnosticCode.VirtualCall, DiagnosticMessages.VirtualCallOnReferenceType(def.DeclaringType.Name, def.Name, constrained.FullName));
            // A non-virtual instance method of an interface (a private helper of default methods), called on
            // 'this' in a default method compiled for a struct: compiled for that struct too.
            if (valueType && !def.IsStatic && !def.IsVirtual && def.HasBody && def.DeclaringType.IsInterface)
                return new MethodDesc(def, target.OwningType, target.MethodArguments, constrained);
            if (!def.IsVirtual && !def.IsAbstract)
                return target;
            var impl = FindImplementation(constrained, target);
            // Object's ToString, Equals and GetHashCode have no body here: a struct must override them.
            if (impl != null && impl.Definition.DeclaringType.FullName is "System.Object" or "System.ValueType")
                impl = null;
            if (impl != null)
                return EnumFormatting.Redirect(types, constrained, impl);
            if (def.DeclaringType.FullName == "System.Object" || def.DeclaringType.FullName == "System.ValueType" || def.DeclaringType.FullName == "System.Enum")
                throw new CompilationException(DiagnosticCode.Boxing, DiagnosticMessages.BoxingForInheritedMethod(constrained.Name, def.Name));
            // A static virtual member with a default body that T does not override: the default is the
            // implementation, and no instance is involved, so nothing is boxed.
            if (def.IsStatic && !def.IsAbstract && def.HasBody)
                return target;
            // An instance default interface method, the struct's most specific one (its own interfaces may
            // override the default): compiled for the struct, with 'this' a pointer to a copy (DefaultInterfaceThis).
            if (!def.IsStatic && FindDefaultImplementation(constrained, target) is { } defaultImpl)
                return defaultImpl;
            throw new CompilationException(DiagnosticCode.VirtualCall, $"'{constrained.FullName}' does not implement '{target.Name}'");
        }

        // EqualityComparer<T>.Default's members are compiled inline for T (MethodCompiler.EqualityComparer.cs).
        if (def.DeclaringType.FullName == EqualityComparerIntrinsics.TypeName)
            return target;
        if (call.OpCode.Code == Code.Callvirt && def.IsVirtual && !def.IsFinal && !types.Resolve(target.OwningType).IsSealed && !types.Resolve(target.OwningType).IsValueType)
        {
            if (def.DeclaringType.IsInterface)
                throw new CompilationException(DiagnosticCode.VirtualCall, DiagnosticMessages.InterfaceCall(def.DeclaringType.Name, def.Name));
            throw new CompilationException(DiagnosticCode.VirtualCall, DiagnosticMessages.VirtualCall(def.DeclaringType.Name, def.Name));
        }
        return target;
    }

    /// <summary>Finds the method of <paramref name="type"/> (or its base types) that implements or overrides
    /// <paramref name="target"/>: an explicit implementation (<c>.override</c>) first, then a method of the
    /// same name and signature.</summary>
    public MethodDesc? FindImplementation(TypeReference type, MethodDesc target)
    {
        TypeReference? current = type;
        while (current != null)
        {
            var def = types.Resolve(current);
            var context = GenericContext.ForType(current);
            foreach (var candidate in def.Methods)
            {
                foreach (var ov in candidate.Overrides)
                {
                    var ovDesc = Resolve(ov, context);
                    if (ovDesc.Definition == target.Definition && ovDesc.OwningType.FullName == target.OwningType.FullName)
                        return Instantiate(candidate, current, target);
                }
            }
            foreach (var candidate in def.Methods)
            {
                if (candidate.Name != target.Definition.Name || candidate.IsStatic != target.Definition.IsStatic)
                    continue;
                if (candidate.Parameters.Count != target.Definition.Parameters.Count || candidate.GenericParameters.Count != target.MethodArguments.Count)
                    continue;
                if (!candidate.IsPublic || (!target.IsStatic && !candidate.IsVirtual))
                    continue;
                var inst = Instantiate(candidate, current, target);
                bool same = inst.ReturnType.FullName == target.ReturnType.FullName;
                for (int i = 0; same && i < candidate.Parameters.Count; i++)
                    same = inst.ParameterType(i).FullName == target.ParameterType(i).FullName;
                if (same)
                    return inst;
            }
            current = def.BaseType == null ? null : context.Substitute(def.BaseType);
        }
        return null;
    }

    /// <summary>The default body of the interface method <paramref name="target"/> that the struct
    /// <paramref name="type"/> gets (ECMA-335 II.12.2: the most specific one among the interfaces it implements, an
    /// override (<c>.override</c>) in a derived interface first), compiled for <paramref name="type"/>; null if
    /// there is none.</summary>
    public MethodDesc? FindDefaultImplementation(TypeReference type, MethodDesc target)
    {
        var context = GenericContext.ForType(type);
        var candidates = new List<MethodDesc>();
        foreach (var implemented in types.Resolve(type).Interfaces)
        {
            var itf = context.Substitute(implemented.InterfaceType);
            var itfContext = GenericContext.ForType(itf);
            foreach (var candidate in types.Resolve(itf).Methods)
            {
                if (candidate.HasBody && !candidate.IsStatic && candidate.Overrides.Any(ov => Resolve(ov, itfContext) is var o && o.Definition == target.Definition && o.OwningType.FullName == target.OwningType.FullName))
                    candidates.Add(new MethodDesc(candidate, itf, target.MethodArguments, type));
            }
        }
        // Drop the overrides that a more derived interface overrides again.
        candidates.RemoveAll(c => candidates.Any(d => d != c && types.Resolve(d.OwningType).Interfaces.Any(i => GenericContext.ForType(d.OwningType).Substitute(i.InterfaceType).FullName == c.OwningType.FullName)));
        if (candidates.Count > 1)
            throw new CompilationException(DiagnosticCode.VirtualCall, $"'{type.FullName}' has no most specific implementation of '{target.Name}': {string.Join(" and ", candidates.Select(c => c.OwningType.Name))} both override it");
        if (candidates.Count == 1)
            return candidates[0];
        var def = target.Definition;
        return def.HasBody && !def.IsAbstract ? new MethodDesc(def, target.OwningType, target.MethodArguments, type) : null;
    }

    static MethodDesc Instantiate(MethodDefinition candidate, TypeReference owner, MethodDesc target)
        => new(candidate, owner, target.MethodArguments);
}
