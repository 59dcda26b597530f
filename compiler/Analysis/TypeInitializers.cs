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
                case Code.Nop:
                case Code.Ldnull:
                case Code.Ldstr:
                case Code.Ldc_I4: case Code.Ldc_I4_S: case Code.Ldc_I4_M1: case Code.Ldc_I4_0: case Code.Ldc_I4_1:
                case Code.Ldc_I4_2: case Code.Ldc_I4_3: case Code.Ldc_I4_4: case Code.Ldc_I4_5: case Code.Ldc_I4_6:
                case Code.Ldc_I4_7: case Code.Ldc_I4_8: case Code.Ldc_I8: case Code.Ldc_R4: case Code.Ldc_R8:
                case Code.Ldloc: case Code.Ldloc_S: case Code.Ldloc_0: case Code.Ldloc_1: case Code.Ldloc_2: case Code.Ldloc_3:
                case Code.Stloc: case Code.Stloc_S: case Code.Stloc_0: case Code.Stloc_1: case Code.Stloc_2: case Code.Stloc_3:
                case Code.Ldloca: case Code.Ldloca_S:
                case Code.Ldfld: case Code.Ldflda: case Code.Stfld: case Code.Initobj:
                case Code.Dup: case Code.Pop: case Code.Ret:
                case Code.Add: case Code.Sub: case Code.Mul: case Code.And: case Code.Or: case Code.Xor:
                case Code.Shl: case Code.Shr: case Code.Shr_Un: case Code.Not: case Code.Neg:
                case Code.Conv_I1: case Code.Conv_I2: case Code.Conv_I4: case Code.Conv_I8: case Code.Conv_U1:
                case Code.Conv_U2: case Code.Conv_U4: case Code.Conv_U8: case Code.Conv_I: case Code.Conv_U:
                case Code.Conv_R4: case Code.Conv_R8: case Code.Conv_R_Un:
                case Code.Ceq: case Code.Cgt: case Code.Cgt_Un: case Code.Clt: case Code.Clt_Un:
                case Code.Br: case Code.Br_S: case Code.Brtrue: case Code.Brtrue_S: case Code.Brfalse: case Code.Brfalse_S:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

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
