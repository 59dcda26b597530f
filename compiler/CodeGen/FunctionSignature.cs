using Mono.Cecil;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

/// <summary>How a method is called at the LLVM level. Managed methods pass value types by address (the
/// caller passes a private copy) and return them through a hidden first pointer; primitives travel in
/// registers, small integers extended as the RISC-V and x86-64 C ABIs expect, so the same convention
/// serves unmanaged callers and callees as long as they use no structs.</summary>
public sealed class FunctionSignature
{
    public TypeReference ReturnType { get; }
    public ValueKind ReturnKind { get; }
    public bool ReturnsStructByPointer => ReturnKind == ValueKind.Struct;
    /// <summary>Parameters as the callee sees them, <c>this</c> included.</summary>
    public IReadOnlyList<TypeReference> Parameters { get; }
    public IReadOnlyList<ValueKind> ParameterKinds { get; }
    readonly TypeSystemContext types;

    public FunctionSignature(TypeSystemContext types, TypeReference returnType, IReadOnlyList<TypeReference> parameters)
    {
        this.types = types;
        ReturnType = returnType;
        ReturnKind = types.Classify(returnType);
        Parameters = parameters;
        ParameterKinds = parameters.Select(types.Classify).ToArray();
    }

    public static FunctionSignature Of(TypeSystemContext types, MethodDesc method)
    {
        var parameters = new List<TypeReference>();
        if (method.HasThis)
        {
            var owner = method.ThisType ?? method.OwningType;
            parameters.Add(types.Resolve(owner).IsValueType ? new ByReferenceType(owner) : owner);
        }
        for (int i = 0; i < method.Definition.Parameters.Count; i++)
            parameters.Add(method.ParameterType(i));
        return new FunctionSignature(types, method.ReturnType, parameters);
    }

    public static FunctionSignature Of(TypeSystemContext types, IMethodSignature callSite, GenericContext context)
    {
        var parameters = new List<TypeReference>();
        if (callSite.HasThis)
            parameters.Add(types.WellKnown("System", "Object"));
        foreach (var p in callSite.Parameters)
            parameters.Add(context.Substitute(p.ParameterType));
        return new FunctionSignature(types, context.Substitute(callSite.ReturnType), parameters);
    }

    /// <summary>The LLVM return type.</summary>
    public string LlvmReturn => ReturnKind == ValueKind.Struct ? "void" : types.LlvmType(ReturnKind);

    public string ReturnAttributes => Extension(ReturnKind);

    /// <summary>The LLVM parameter list: types with attributes, and names when <paramref name="names"/> are given.</summary>
    public string LlvmParameters(IReadOnlyList<string>? names = null)
    {
        var list = new List<string>();
        if (ReturnsStructByPointer)
            list.Add(names == null ? "ptr" : "ptr %ret");
        for (int i = 0; i < Parameters.Count; i++)
        {
            string type = types.LlvmType(ParameterKinds[i]);
            string ext = Extension(ParameterKinds[i]);
            string text = ext.Length == 0 ? type : $"{type} {ext}";
            list.Add(names == null ? text : $"{text} {names[i]}");
        }
        return string.Join(", ", list);
    }

    /// <summary>The extension attribute of parameter <paramref name="index"/> (with a trailing space), or "".</summary>
    public string ParameterAttribute(int index)
    {
        string ext = Extension(ParameterKinds[index]);
        return ext.Length == 0 ? "" : ext + " ";
    }

    string Extension(ValueKind kind) => kind switch
    {
        ValueKind.Bool or ValueKind.U1 or ValueKind.Char or ValueKind.U2 => "zeroext",
        ValueKind.I1 or ValueKind.I2 => "signext",
        // The LP64 psABI keeps 32-bit values sign-extended in 64-bit registers, signed or not.
        ValueKind.I4 or ValueKind.U4 when types.Target.Arch == Driver.TargetArch.RiscV64 => "signext",
        _ => "",
    };
}
