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
            if (!types.Resolve(constrained).IsValueType && def.IsVirtual && !def.IsStatic)
                throw new CompilationException(DiagnosticCode.VirtualCall, DiagnosticMessages.VirtualCallOnReferenceType(def.DeclaringType.Name, def.Name, constrained.FullName));
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
            if (!def.IsAbstract && def.HasBody)
                throw new CompilationException(DiagnosticCode.Boxing, DiagnosticMessages.BoxingForDefaultInterfaceMethod(def.DeclaringType.Name, def.Name, constrained.Name));
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

    static MethodDesc Instantiate(MethodDefinition candidate, TypeReference owner, MethodDesc target)
        => new(candidate, owner, target.MethodArguments);
}
