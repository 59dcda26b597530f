using Mono.Cecil;
using Mono.Cecil.Cil;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

public sealed partial class MethodCompiler
{
    /// <summary>One IL instruction (ECMA-335 partition III), dispatched to the part of the class that
    /// implements it. Anything not listed is an error at the instruction's source line.</summary>
    void CompileInstruction(Instruction instruction)
    {
        var code = instruction.OpCode.Code;
        object operand = instruction.Operand;
        bool wasPrefix = false;
        switch (code)
        {
            case Code.Nop:
                break;

            // prefixes
            case Code.Constrained:
                constrainedPrefix = method.Context.Substitute((TypeReference)operand);
                wasPrefix = true;
                break;
            case Code.Volatile:
                volatilePrefix = true;
                wasPrefix = true;
                break;
            case Code.Unaligned:
                unalignedPrefix = true;
                wasPrefix = true;
                break;
            case Code.Readonly:
            case Code.Tail:
            case Code.No:
                wasPrefix = true;
                break;

            // arguments and locals
            case Code.Ldarg_0: LoadArgument(0); break;
            case Code.Ldarg_1: LoadArgument(1); break;
            case Code.Ldarg_2: LoadArgument(2); break;
            case Code.Ldarg_3: LoadArgument(3); break;
            case Code.Ldarg_S:
            case Code.Ldarg: LoadArgument(ArgumentIndex(def, operand)); break;
            case Code.Ldarga_S:
            case Code.Ldarga: Push(StackKind.Ptr, argSlots[ArgumentIndex(def, operand)]); break;
            case Code.Starg_S:
            case Code.Starg: StoreArgument(ArgumentIndex(def, operand)); break;
            case Code.Ldloc_0: LoadLocal(0); break;
            case Code.Ldloc_1: LoadLocal(1); break;
            case Code.Ldloc_2: LoadLocal(2); break;
            case Code.Ldloc_3: LoadLocal(3); break;
            case Code.Ldloc_S:
            case Code.Ldloc: LoadLocal(((VariableDefinition)operand).Index); break;
            case Code.Ldloca_S:
            case Code.Ldloca: Push(StackKind.Ptr, localSlots[((VariableDefinition)operand).Index]); break;
            case Code.Stloc_0: StoreLocal(0); break;
            case Code.Stloc_1: StoreLocal(1); break;
            case Code.Stloc_2: StoreLocal(2); break;
            case Code.Stloc_3: StoreLocal(3); break;
            case Code.Stloc_S:
            case Code.Stloc: StoreLocal(((VariableDefinition)operand).Index); break;

            // constants
            case Code.Ldnull: Push(StackKind.Ptr, "null"); break;
            case Code.Ldc_I4_M1: Push(StackKind.I32, "-1"); break;
            case Code.Ldc_I4_0: Push(StackKind.I32, "0"); break;
            case Code.Ldc_I4_1: Push(StackKind.I32, "1"); break;
            case Code.Ldc_I4_2: Push(StackKind.I32, "2"); break;
            case Code.Ldc_I4_3: Push(StackKind.I32, "3"); break;
            case Code.Ldc_I4_4: Push(StackKind.I32, "4"); break;
            case Code.Ldc_I4_5: Push(StackKind.I32, "5"); break;
            case Code.Ldc_I4_6: Push(StackKind.I32, "6"); break;
            case Code.Ldc_I4_7: Push(StackKind.I32, "7"); break;
            case Code.Ldc_I4_8: Push(StackKind.I32, "8"); break;
            case Code.Ldc_I4_S: Push(StackKind.I32, ((sbyte)operand).ToString()); break;
            case Code.Ldc_I4: Push(StackKind.I32, ((int)operand).ToString()); break;
            case Code.Ldc_I8: Push(StackKind.I64, ((long)operand).ToString()); break;
            case Code.Ldc_R4: Push(StackKind.F32, LlvmText.Double((float)operand)); break;
            case Code.Ldc_R8: Push(StackKind.F64, LlvmText.Double((double)operand)); break;
            case Code.Ldstr: Push(StackKind.Ptr, cg.Module.StringLiteral((string)operand), types.WellKnown("System", "String")); break;

            // stack
            case Code.Dup: Duplicate(); break;
            case Code.Pop: Pop(); break;

            // control flow
            case Code.Br_S:
            case Code.Br: Branch((Instruction)operand); break;
            case Code.Brfalse_S:
            case Code.Brfalse: ConditionalBranch(IsZero(Pop(), zero: true), (Instruction)operand, instruction.Next); break;
            case Code.Brtrue_S:
            case Code.Brtrue: ConditionalBranch(IsZero(Pop(), zero: false), (Instruction)operand, instruction.Next); break;
            case Code.Beq_S:
            case Code.Beq: CompareAndBranch(Comparison.Eq, instruction); break;
            case Code.Bne_Un_S:
            case Code.Bne_Un: CompareAndBranch(Comparison.NeUn, instruction); break;
            case Code.Bge_S:
            case Code.Bge: CompareAndBranch(Comparison.Ge, instruction); break;
            case Code.Bge_Un_S:
            case Code.Bge_Un: CompareAndBranch(Comparison.GeUn, instruction); break;
            case Code.Bgt_S:
            case Code.Bgt: CompareAndBranch(Comparison.Gt, instruction); break;
            case Code.Bgt_Un_S:
            case Code.Bgt_Un: CompareAndBranch(Comparison.GtUn, instruction); break;
            case Code.Ble_S:
            case Code.Ble: CompareAndBranch(Comparison.Le, instruction); break;
            case Code.Ble_Un_S:
            case Code.Ble_Un: CompareAndBranch(Comparison.LeUn, instruction); break;
            case Code.Blt_S:
            case Code.Blt: CompareAndBranch(Comparison.Lt, instruction); break;
            case Code.Blt_Un_S:
            case Code.Blt_Un: CompareAndBranch(Comparison.LtUn, instruction); break;
            case Code.Switch: Switch((Instruction[])operand, instruction.Next); break;
            case Code.Ret: Return(); break;
            case Code.Leave_S:
            case Code.Leave: Leave(instruction, (Instruction)operand); break;
            case Code.Endfinally: EndFinally(instruction); break;
            case Code.Throw: Throw(); break;

            // arithmetic and logic
            case Code.Add: Binary(BinaryOp.Add); break;
            case Code.Sub: Binary(BinaryOp.Sub); break;
            case Code.Mul: Binary(BinaryOp.Mul); break;
            case Code.Div: Binary(BinaryOp.Div); break;
            case Code.Div_Un: Binary(BinaryOp.DivUn); break;
            case Code.Rem: Binary(BinaryOp.Rem); break;
            case Code.Rem_Un: Binary(BinaryOp.RemUn); break;
            case Code.And: Binary(BinaryOp.And); break;
            case Code.Or: Binary(BinaryOp.Or); break;
            case Code.Xor: Binary(BinaryOp.Xor); break;
            case Code.Shl: Shift("shl"); break;
            case Code.Shr: Shift("ashr"); break;
            case Code.Shr_Un: Shift("lshr"); break;
            case Code.Neg: Negate(); break;
            case Code.Not: Not(); break;
            case Code.Add_Ovf: CheckedBinary("sadd"); break;
            case Code.Add_Ovf_Un: CheckedBinary("uadd"); break;
            case Code.Sub_Ovf: CheckedBinary("ssub"); break;
            case Code.Sub_Ovf_Un: CheckedBinary("usub"); break;
            case Code.Mul_Ovf: CheckedBinary("smul"); break;
            case Code.Mul_Ovf_Un: CheckedBinary("umul"); break;
            case Code.Ceq: Compare(Comparison.Eq); break;
            case Code.Cgt: Compare(Comparison.Gt); break;
            case Code.Cgt_Un: Compare(Comparison.GtUn); break;
            case Code.Clt: Compare(Comparison.Lt); break;
            case Code.Clt_Un: Compare(Comparison.LtUn); break;
            case Code.Ckfinite: CheckFinite(); break;

            // conversions
            case Code.Conv_I1: Convert(ConvTarget.I1, false, false); break;
            case Code.Conv_U1: Convert(ConvTarget.U1, false, false); break;
            case Code.Conv_I2: Convert(ConvTarget.I2, false, false); break;
            case Code.Conv_U2: Convert(ConvTarget.U2, false, false); break;
            case Code.Conv_I4: Convert(ConvTarget.I4, false, false); break;
            case Code.Conv_U4: Convert(ConvTarget.U4, false, false); break;
            case Code.Conv_I8: Convert(ConvTarget.I8, false, false); break;
            case Code.Conv_U8: Convert(ConvTarget.U8, false, false); break;
            case Code.Conv_I: Convert(ConvTarget.I, false, false); break;
            case Code.Conv_U: Convert(ConvTarget.U, false, false); break;
            case Code.Conv_R4: Convert(ConvTarget.R4, false, false); break;
            case Code.Conv_R8: Convert(ConvTarget.R8, false, false); break;
            case Code.Conv_R_Un: Convert(ConvTarget.R8, false, true); break;
            case Code.Conv_Ovf_I1: Convert(ConvTarget.I1, true, false); break;
            case Code.Conv_Ovf_U1: Convert(ConvTarget.U1, true, false); break;
            case Code.Conv_Ovf_I2: Convert(ConvTarget.I2, true, false); break;
            case Code.Conv_Ovf_U2: Convert(ConvTarget.U2, true, false); break;
            case Code.Conv_Ovf_I4: Convert(ConvTarget.I4, true, false); break;
            case Code.Conv_Ovf_U4: Convert(ConvTarget.U4, true, false); break;
            case Code.Conv_Ovf_I8: Convert(ConvTarget.I8, true, false); break;
            case Code.Conv_Ovf_U8: Convert(ConvTarget.U8, true, false); break;
            case Code.Conv_Ovf_I: Convert(ConvTarget.I, true, false); break;
            case Code.Conv_Ovf_U: Convert(ConvTarget.U, true, false); break;
            case Code.Conv_Ovf_I1_Un: Convert(ConvTarget.I1, true, true); break;
            case Code.Conv_Ovf_U1_Un: Convert(ConvTarget.U1, true, true); break;
            case Code.Conv_Ovf_I2_Un: Convert(ConvTarget.I2, true, true); break;
            case Code.Conv_Ovf_U2_Un: Convert(ConvTarget.U2, true, true); break;
            case Code.Conv_Ovf_I4_Un: Convert(ConvTarget.I4, true, true); break;
            case Code.Conv_Ovf_U4_Un: Convert(ConvTarget.U4, true, true); break;
            case Code.Conv_Ovf_I8_Un: Convert(ConvTarget.I8, true, true); break;
            case Code.Conv_Ovf_U8_Un: Convert(ConvTarget.U8, true, true); break;
            case Code.Conv_Ovf_I_Un: Convert(ConvTarget.I, true, true); break;
            case Code.Conv_Ovf_U_Un: Convert(ConvTarget.U, true, true); break;

            // memory
            case Code.Ldind_I1: LoadIndirect(types.CoreLibrary.TypeSystem.SByte); break;
            case Code.Ldind_U1: LoadIndirect(types.CoreLibrary.TypeSystem.Byte); break;
            case Code.Ldind_I2: LoadIndirect(types.CoreLibrary.TypeSystem.Int16); break;
            case Code.Ldind_U2: LoadIndirect(types.CoreLibrary.TypeSystem.UInt16); break;
            case Code.Ldind_I4: LoadIndirect(types.CoreLibrary.TypeSystem.Int32); break;
            case Code.Ldind_U4: LoadIndirect(types.CoreLibrary.TypeSystem.UInt32); break;
            case Code.Ldind_I8: LoadIndirect(types.CoreLibrary.TypeSystem.Int64); break;
            case Code.Ldind_I: LoadIndirect(types.CoreLibrary.TypeSystem.IntPtr); break;
            case Code.Ldind_R4: LoadIndirect(types.CoreLibrary.TypeSystem.Single); break;
            case Code.Ldind_R8: LoadIndirect(types.CoreLibrary.TypeSystem.Double); break;
            case Code.Ldind_Ref: LoadIndirect(types.CoreLibrary.TypeSystem.Object); break;
            case Code.Stind_I1: StoreIndirect(types.CoreLibrary.TypeSystem.SByte); break;
            case Code.Stind_I2: StoreIndirect(types.CoreLibrary.TypeSystem.Int16); break;
            case Code.Stind_I4: StoreIndirect(types.CoreLibrary.TypeSystem.Int32); break;
            case Code.Stind_I8: StoreIndirect(types.CoreLibrary.TypeSystem.Int64); break;
            case Code.Stind_I: StoreIndirect(types.CoreLibrary.TypeSystem.IntPtr); break;
            case Code.Stind_R4: StoreIndirect(types.CoreLibrary.TypeSystem.Single); break;
            case Code.Stind_R8: StoreIndirect(types.CoreLibrary.TypeSystem.Double); break;
            case Code.Stind_Ref: StoreIndirect(types.CoreLibrary.TypeSystem.Object); break;
            case Code.Ldobj: LoadIndirect(method.Context.Substitute((TypeReference)operand)); break;
            case Code.Stobj: StoreIndirect(method.Context.Substitute((TypeReference)operand)); break;
            case Code.Cpobj: CopyObject(method.Context.Substitute((TypeReference)operand)); break;
            case Code.Initobj: InitObject(method.Context.Substitute((TypeReference)operand)); break;
            case Code.Cpblk: CopyBlock(); break;
            case Code.Initblk: InitBlock(); break;
            case Code.Localloc: LocalAlloc(); break;
            case Code.Sizeof: Push(StackKind.I32, types.SizeOf(method.Context.Substitute((TypeReference)operand)).ToString()); break;
            case Code.Ldfld: LoadField((FieldReference)operand); break;
            case Code.Ldflda: LoadFieldAddress((FieldReference)operand); break;
            case Code.Stfld: StoreField((FieldReference)operand); break;
            case Code.Ldsfld: EnsureTypeInitialized(method.Context.Substitute(((FieldReference)operand).DeclaringType)); LoadStaticField((FieldReference)operand); break;
            case Code.Ldsflda: EnsureTypeInitialized(method.Context.Substitute(((FieldReference)operand).DeclaringType)); Push(StackKind.Ptr, StaticFieldAddress((FieldReference)operand)); break;
            case Code.Stsfld: EnsureTypeInitialized(method.Context.Substitute(((FieldReference)operand).DeclaringType)); StoreStaticField((FieldReference)operand); break;
            case Code.Ldtoken: LoadToken(operand); break;

            // calls and objects
            case Code.Call: Call(instruction, (MethodReference)operand, virtualCall: false); break;
            case Code.Callvirt: Call(instruction, (MethodReference)operand, virtualCall: true); break;
            case Code.Calli: CallIndirect((CallSite)operand); break;
            case Code.Newobj: NewObject(instruction, (MethodReference)operand); break;
            case Code.Ldftn: LoadFunction(instruction, (MethodReference)operand); break;

            case Code.Box:
                Box(instruction, method.Context.Substitute((TypeReference)operand));
                break;
            case Code.Unbox:
            case Code.Unbox_Any:
                throw new CompilationException(DiagnosticCode.Boxing, "unboxing needs boxed values, which need a garbage collector, which this runtime does not have");
            case Code.Newarr:
            case Code.Ldlen:
            case Code.Ldelema:
            case Code.Ldelem_I1:
            case Code.Ldelem_U1:
            case Code.Ldelem_I2:
            case Code.Ldelem_U2:
            case Code.Ldelem_I4:
            case Code.Ldelem_U4:
            case Code.Ldelem_I8:
            case Code.Ldelem_I:
            case Code.Ldelem_R4:
            case Code.Ldelem_R8:
            case Code.Ldelem_Ref:
            case Code.Ldelem_Any:
            case Code.Stelem_I:
            case Code.Stelem_I1:
            case Code.Stelem_I2:
            case Code.Stelem_I4:
            case Code.Stelem_I8:
            case Code.Stelem_R4:
            case Code.Stelem_R8:
            case Code.Stelem_Ref:
            case Code.Stelem_Any:
                throw new CompilationException(DiagnosticCode.Array, DiagnosticMessages.Array);
            case Code.Ldvirtftn:
                throw new CompilationException(DiagnosticCode.Delegate, DiagnosticMessages.VirtualDelegate);
            case Code.Castclass:
            case Code.Isinst:
                throw new CompilationException(DiagnosticCode.Unsupported, "type tests and casts of objects need run-time type information, which this runtime does not have");
            case Code.Rethrow:
            case Code.Endfilter:
                throw new CompilationException(DiagnosticCode.Catch, DiagnosticMessages.Catch);
            default:
                throw new CompilationException(DiagnosticCode.Unsupported, $"the IL instruction '{instruction.OpCode.Name}' is not supported");
        }
        if (!wasPrefix)
        {
            constrainedPrefix = null;
            volatilePrefix = false;
            unalignedPrefix = false;
        }
    }

    void Duplicate()
    {
        var value = Pop();
        Push(value);
        if (value.Kind == StackKind.Struct)
        {
            // Each stack entry of a value type owns its copy.
            var (size, align) = types.Layouts.SizeAndAlignment(value.Type!);
            string copy = Alloca(size, align);
            CopyMemory(copy, value.Text, size, align, isVolatile: false);
            Push(value with { Text = copy });
        }
        else
            Push(value);
    }

    void Return()
    {
        if (signature.ReturnKind == ValueKind.Void)
        {
            Terminate("ret void");
            return;
        }
        var value = Pop();
        if (signature.ReturnsStructByPointer)
        {
            var (size, align) = types.Layouts.SizeAndAlignment(signature.ReturnType);
            CopyMemory("%ret", value.Text, size, align, isVolatile: false);
            Terminate("ret void");
            return;
        }
        string text = ToStorage(value, signature.ReturnKind);
        Terminate($"ret {types.LlvmType(signature.ReturnKind)} {text}");
    }
}
