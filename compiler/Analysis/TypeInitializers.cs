using Mono.Cecil;
using Mono.Cecil.Cil;
using Rvc.TypeSystem;

namespace Rvc.Analysis;

/// <summary>
/// When static constructors run, as CoreCLR runs them: at the first access to their type (a static field; for a
/// type without <c>beforefieldinit</c> also a static method call or an instance constructor), once, with an
/// exception turned into a TypeInitializationException at that access. A constructor whose running cannot be
/// observed (it only computes constants into its own type's static fields: no calls, no other type's statics,
/// no stores through pointers, nothing that can throw) runs before Main instead, with no check at the accesses,
/// which is what keeps the kernel's static tables cheap. The code generator inserts the checks
/// (<see cref="CodeGen.MethodCompiler"/>, <c>EnsureTypeInitialized</c>).
/// </summary>
public static class TypeInitializers
{
    /// <summary>Whether running <paramref name="cctor"/> before Main instead of at the first access is unobservable.</summary>
    public static bool IsUnobservable(MethodDesc cctor)
    {
        var def = cctor.Definition;
        if (!def.HasBody || def.Body.ExceptionHandlers.Count > 0)
            return false;
        var owner = def.DeclaringType;
        foreach (var instruction in def.Body.Instructions)
        {
            switch (instruction.OpCode.Code)
            {
                case Code.Ldsfld:
                case Code.Ldsflda:
                case Code.Stsfld:
                    if (((FieldReference)instruction.Operand).Resolve()?.DeclaringType != owner)
                        return false;
                    break;
                default:
                    if (!Harmless.Contains(instruction.OpCode.Code))
                        return false;
                    break;
            }
        }

        return true;
    }

    // Instructions that compute without side effects outside the method and cannot throw (no division, no checked
    // arithmetic, no calls, no stores through pointers).
    static readonly HashSet<Code> Harmless =
    [
        Code.Nop, Code.Ldnull, Code.Ldstr, Code.Ldc_I4, Code.Ldc_I4_S, Code.Ldc_I4_M1, Code.Ldc_I4_0, Code.Ldc_I4_1,
        Code.Ldc_I4_2, Code.Ldc_I4_3, Code.Ldc_I4_4, Code.Ldc_I4_5, Code.Ldc_I4_6, Code.Ldc_I4_7, Code.Ldc_I4_8,
        Code.Ldc_I8, Code.Ldc_R4, Code.Ldc_R8,
        Code.Ldloc, Code.Ldloc_S, Code.Ldloc_0, Code.Ldloc_1, Code.Ldloc_2, Code.Ldloc_3,
        Code.Stloc, Code.Stloc_S, Code.Stloc_0, Code.Stloc_1, Code.Stloc_2, Code.Stloc_3, Code.Ldloca, Code.Ldloca_S,
        Code.Ldfld, Code.Ldflda, Code.Stfld, Code.Initobj, Code.Dup, Code.Pop, Code.Ret,
        Code.Add, Code.Sub, Code.Mul, Code.And, Code.Or, Code.Xor, Code.Shl, Code.Shr, Code.Shr_Un, Code.Not, Code.Neg,
        Code.Conv_I1, Code.Conv_I2, Code.Conv_I4, Code.Conv_I8, Code.Conv_U1, Code.Conv_U2, Code.Conv_U4, Code.Conv_U8,
        Code.Conv_I, Code.Conv_U, Code.Conv_R4, Code.Conv_R8, Code.Conv_R_Un,
        Code.Ceq, Code.Cgt, Code.Cgt_Un, Code.Clt, Code.Clt_Un,
        Code.Br, Code.Br_S, Code.Brtrue, Code.Brtrue_S, Code.Brfalse, Code.Brfalse_S,
    ];

    /// <summary>Whether a call to <paramref name="target"/> is a first access that runs its type's initialiser
    /// (ECMA-335 II.10.5.3.1: without beforefieldinit, a static method or an instance constructor).</summary>
    public static bool CallTriggers(TypeSystemContext types, MethodDesc target)
    {
        var owner = types.Resolve(target.OwningType);
        return !owner.IsBeforeFieldInit && (target.IsStatic || target.Definition.IsConstructor) && target.Definition.Name != ".cctor";
    }

    /// <summary>The message of the TypeInitializationException, as CoreCLR words it (the type's name with its
    /// namespace, without enclosing types).</summary>
    public static string Message(TypeReference type)
    {
        var def = type.Resolve();
        string name = string.IsNullOrEmpty(def.Namespace) ? def.Name : def.Namespace + "." + def.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
            name = name[..tick];
        return $"The type initializer for '{name}' threw an exception.";
    }
}
