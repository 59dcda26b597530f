using Mono.Cecil;
using Rvc.Diagnostics;
using Rvc.Driver;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

public sealed partial class MethodCompiler
{
    /// <summary>The methods the core library declares <c>extern</c> with <c>MethodImplOptions.InternalCall</c>,
    /// compiled inline: <c>Unsafe</c>, <c>Volatile</c>, memory barriers, RISC-V instructions and a few
    /// compile-time constants (see docs/abi.md).</summary>
    void CompileIntrinsic(MethodDesc target)
    {
        string type = target.Definition.DeclaringType.FullName;
        string name = target.Definition.Name;
        switch (type)
        {
            case "System.Runtime.CompilerServices.Unsafe":
                CompileUnsafe(target, name);
                return;
            case "System.Threading.Volatile":
                {
                    var location = target.ParameterType(0);
                    var elementType = ((ByReferenceType)location).ElementType;
                    if (name == "Read")
                    {
                        var address = Coerce(Pop(), StackKind.Ptr);
                        Push(LoadFrom(address.Text, elementType, isVolatile: true, 0));
                    }
                    else
                    {
                        var value = Pop();
                        var address = Coerce(Pop(), StackKind.Ptr);
                        StoreTo(address.Text, elementType, value, isVolatile: true, 0);
                    }
                    return;
                }
            case "System.Threading.Interlocked":
                CompileInterlocked(target, name);
                return;
            case "System.Runtime.CompilerServices.RuntimeHelpers" when name == "IsReferenceOrContainsReferences":
                Push(StackKind.I32, ContainsReferences(target.MethodArguments[0]) ? "1" : "0");
                return;
            case "System.Runtime.CompilerServices.RuntimeHelpers" when name == "CreateSpan":
                CreateSpan(target);
                return;
            case "Internal.Runtime.RuntimeInformation" when name == "get_Arch":
                Push(StackKind.I32, types.Target.Arch switch { TargetArch.Host => "0", TargetArch.RiscV32 => "1", _ => "2" });
                return;
            case "Internal.Runtime.CompilerHelpers.StackFrames" when name == "FrameAddress":
                {
                    // The calling method's frame pointer (every function keeps one: ModuleBuilder's attributes).
                    cg.Module.Declare("llvm.frameaddress.p0", "declare ptr @llvm.frameaddress.p0(i32 immarg)");
                    string frame = Temp();
                    Emit($"{frame} = call ptr @llvm.frameaddress.p0(i32 0)");
                    Push(StackKind.Ptr, frame);
                    return;
                }
            case "System.Activator" when name == "CreateInstance":
                CreateInstance(target.MethodArguments[0]);
                return;
            case "System.Enum" when name == "HasFlag":
                {
                    var flag = Pop();
                    var value = Pop();
                    var kind = flag.Kind == StackKind.I64 || value.Kind == StackKind.I64 ? StackKind.I64 : StackKind.I32;
                    flag = Coerce(flag, kind);
                    value = Coerce(value, kind);
                    string llvmType = StackLlvmType(kind), masked = Temp(), equal = Temp(), result = Temp();
                    Emit($"{masked} = and {llvmType} {value.Text}, {flag.Text}");
                    Emit($"{equal} = icmp eq {llvmType} {masked}, {flag.Text}");
                    Emit($"{result} = zext i1 {equal} to i32");
                    Push(StackKind.I32, result);
                    return;
                }
            case "System.Enum" when name.StartsWith("Enum", StringComparison.Ordinal):
                CompileEnumIntrinsic(target, name);
                return;
            case Analysis.EqualityComparerIntrinsics.TypeName:
                CompileEqualityComparer(target, name);
                return;
            case "System.Runtime.Intrinsics.RiscV.Rv":
                CompileRiscV(name);
                return;
        }
        if (target.Definition.DeclaringType.FullName == "System.String" && name == "Concat")
            throw new CompilationException(DiagnosticCode.Unsupported, DiagnosticMessages.StringConcatenation);
        throw new CompilationException(DiagnosticCode.Unsupported, Analysis.HeapOnlyMembers.Explain(target.Definition)
            ?? $"the runtime method '{target.Definition.DeclaringType.Name}.{name}' is not supported by this compiler");
    }

    void CompileUnsafe(MethodDesc target, string name)
    {
        TypeReference T() => target.MethodArguments[0];
        switch (name)
        {
            case "As":
            case "AsPointer":
            case "AsRef":
                {
                    var value = Pop();
                    Push(Coerce(value, StackKind.Ptr) with { Type = target.ReturnType });
                    return;
                }
            case "SizeOf":
                Push(StackKind.I32, types.SizeOf(T()).ToString());
                return;
            case "Add":
            case "Subtract":
                {
                    var offset = Pop();
                    var source = Coerce(Pop(), StackKind.Ptr);
                    bool unsignedOffset = types.Classify(target.ParameterType(1)) == ValueKind.NUInt;
                    var index = Coerce(offset, StackKind.NInt, unsignedOffset);
                    string scaled = Temp(), address = Temp();
                    Emit($"{scaled} = mul {Ptr} {index.Text}, {types.SizeOf(T())}");
                    if (name == "Subtract")
                    {
                        string negated = Temp();
                        Emit($"{negated} = sub {Ptr} 0, {scaled}");
                        scaled = negated;
                    }
                    Emit($"{address} = getelementptr i8, ptr {source.Text}, {Ptr} {scaled}");
                    Push(StackKind.Ptr, address);
                    return;
                }
            case "AddByteOffset":
            case "SubtractByteOffset":
                {
                    var offset = Coerce(Pop(), StackKind.NInt);
                    var source = Coerce(Pop(), StackKind.Ptr);
                    string index = offset.Text;
                    if (name == "SubtractByteOffset")
                    {
                        index = Temp();
                        Emit($"{index} = sub {Ptr} 0, {offset.Text}");
                    }
                    string address = Temp();
                    Emit($"{address} = getelementptr i8, ptr {source.Text}, {Ptr} {index}");
                    Push(StackKind.Ptr, address);
                    return;
                }
            case "ByteOffset":
                {
                    var to = Coerce(Pop(), StackKind.NInt);
                    var origin = Coerce(Pop(), StackKind.NInt);
                    string difference = Temp();
                    Emit($"{difference} = sub {Ptr} {to.Text}, {origin.Text}");
                    Push(StackKind.NInt, difference);
                    return;
                }
            case "Read":
            case "ReadUnaligned":
                {
                    var source = Coerce(Pop(), StackKind.Ptr);
                    Push(LoadFrom(source.Text, T(), isVolatile: false, name == "ReadUnaligned" ? 1 : 0));
                    return;
                }
            case "Write":
            case "WriteUnaligned":
                {
                    var value = Pop();
                    var destination = Coerce(Pop(), StackKind.Ptr);
                    StoreTo(destination.Text, T(), value, isVolatile: false, name == "WriteUnaligned" ? 1 : 0);
                    return;
                }
            case "Copy":
                {
                    var source = Coerce(Pop(), StackKind.Ptr);
                    var destination = Coerce(Pop(), StackKind.Ptr);
                    var (size, align) = types.Layouts.SizeAndAlignment(T());
                    CopyMemory(destination.Text, source.Text, size, align, isVolatile: false);
                    return;
                }
            case "CopyBlock":
            case "CopyBlockUnaligned":
                {
                    var count = Coerce(Pop(), StackKind.NInt, unsigned: true);
                    var source = Coerce(Pop(), StackKind.Ptr);
                    var destination = Coerce(Pop(), StackKind.Ptr);
                    DeclareMemIntrinsics();
                    Emit($"call void @llvm.memcpy.p0.p0.{Ptr}(ptr {destination.Text}, ptr {source.Text}, {Ptr} {count.Text}, i1 false)");
                    return;
                }
            case "InitBlock":
            case "InitBlockUnaligned":
                {
                    var count = Coerce(Pop(), StackKind.NInt, unsigned: true);
                    var value = Coerce(Pop(), StackKind.I32);
                    var destination = Coerce(Pop(), StackKind.Ptr);
                    DeclareMemIntrinsics();
                    string b = Temp();
                    Emit($"{b} = trunc i32 {value.Text} to i8");
                    Emit($"call void @llvm.memset.p0.{Ptr}(ptr {destination.Text}, i8 {b}, {Ptr} {count.Text}, i1 false)");
                    return;
                }
            case "NullRef":
                Push(StackKind.Ptr, "null");
                return;
            case "IsNullRef":
                {
                    var source = Coerce(Pop(), StackKind.Ptr);
                    string flag = Temp(), result = Temp();
                    Emit($"{flag} = icmp eq ptr {source.Text}, null");
                    Emit($"{result} = zext i1 {flag} to i32");
                    Push(StackKind.I32, result);
                    return;
                }
            case "AreSame":
            case "IsAddressLessThan":
            case "IsAddressGreaterThan":
                {
                    var right = Coerce(Pop(), StackKind.Ptr);
                    var left = Coerce(Pop(), StackKind.Ptr);
                    string predicate = name == "AreSame" ? "eq" : name == "IsAddressLessThan" ? "ult" : "ugt";
                    string flag = Temp(), result = Temp();
                    Emit($"{flag} = icmp {predicate} ptr {left.Text}, {right.Text}");
                    Emit($"{result} = zext i1 {flag} to i32");
                    Push(StackKind.I32, result);
                    return;
                }
            case "SkipInit":
                Pop();
                return;
        }
        throw new CompilationException(DiagnosticCode.Unsupported, $"'Unsafe.{name}' is not supported by this compiler");
    }

    bool ContainsReferences(TypeReference type)
    {
        var kind = types.Classify(type);
        if (kind is ValueKind.Object or ValueKind.ByRef)
            return true;
        if (kind != ValueKind.Struct)
            return false;
        var context = GenericContext.ForType(type);
        return types.Resolve(type).Fields.Where(f => !f.IsStatic).Any(f => ContainsReferences(context.Substitute(f.FieldType)));
    }

    /// <summary><c>RuntimeHelpers.CreateSpan&lt;T&gt;(ldtoken field)</c>: a ReadOnlySpan over RVA data.</summary>
    void CreateSpan(MethodDesc target)
    {
        var data = Coerce(Pop(), StackKind.Ptr);
        var field = pendingRvaField
            ?? throw new CompilationException(DiagnosticCode.Unsupported, "CreateSpan needs a field token with RVA data");
        var elementType = target.MethodArguments[0];
        int length = field.InitialValue.Length / Math.Max(1, types.SizeOf(elementType));
        var spanType = target.ReturnType;
        var layout = types.Layouts.GetLayout(spanType);
        var spanDef = types.Resolve(spanType);
        string span = Alloca(layout.Size, layout.Alignment);
        foreach (var f in spanDef.Fields.Where(f => !f.IsStatic))
        {
            string address = Temp();
            Emit($"{address} = getelementptr inbounds i8, ptr {span}, {Ptr} {layout.FieldOffsets[f]}");
            var fieldKind = types.Classify(GenericContext.ForType(spanType).Substitute(f.FieldType));
            if (fieldKind is ValueKind.ByRef or ValueKind.Pointer)
                Emit($"store ptr {data.Text}, ptr {address}");
            else
                Emit($"store i32 {length}, ptr {address}");
        }
        pendingRvaField = null;
        Push(StackKind.Struct, span, spanType);
    }

    /// <summary><c>new T()</c> for a type parameter: a zeroed T, on which T's parameterless constructor runs if it has one.</summary>
    void CreateInstance(TypeReference type)
    {
        var kind = types.Classify(type);
        if (kind != ValueKind.Struct)
        {
            Push(kind is ValueKind.R4 or ValueKind.R8 ? new StackValue(StackKindOf(kind), "0.0") : new StackValue(StackKindOf(kind), kind is ValueKind.Pointer or ValueKind.Object ? "null" : "0"));
            return;
        }
        var (size, align) = types.Layouts.SizeAndAlignment(type);
        string instance = Alloca(size, align);
        DeclareMemIntrinsics();
        Emit($"call void @llvm.memset.p0.{Ptr}(ptr align {align} {instance}, i8 0, {Ptr} {size}, i1 false)");
        var def = types.Resolve(type);
        var ctor = def.Methods.FirstOrDefault(m => m.IsConstructor && !m.IsStatic && m.Parameters.Count == 0);
        if (ctor != null)
        {
            var desc = new MethodDesc(ctor, type, []);
            cg.AssertReachable(desc);
            Emit($"call void {cg.FunctionName(desc)}(ptr {instance})");
        }
        Push(StackKind.Struct, instance, type);
    }

    // ---- RISC-V ---------------------------------------------------------------------------------

    /// <summary>The RISC-V instructions C# code reaches through <c>System.Runtime.Intrinsics.RiscV.Rv</c>,
    /// as inline assembly. CSR numbers and fence sets are immediates in the encoding, so they must be constants.</summary>
    void CompileRiscV(string name)
    {
        if (!types.Target.IsRiscV)
        {
            // Code for several targets guards RISC-V instructions with RuntimeInformation.Arch, a constant
            // that LLVM folds, so the branch disappears; should one run on the host anyway, it traps.
            CompileRiscVOnHost(name);
            return;
        }
        string x = Ptr;
        switch (name)
        {
            case "ReadCsr":
                {
                    int csr = ConstantArgument(Pop(), "the CSR number");
                    string r = Temp();
                    Emit($"{r} = call {x} asm sideeffect \"csrr $0, {csr}\", \"=r,~{{memory}}\"()");
                    Push(StackKind.NInt, r);
                    return;
                }
            case "WriteCsr":
            case "SetCsr":
            case "ClearCsr":
                {
                    var value = Coerce(Pop(), StackKind.NInt);
                    int csr = ConstantArgument(Pop(), "the CSR number");
                    string op = name switch { "WriteCsr" => "csrw", "SetCsr" => "csrs", _ => "csrc" };
                    Emit($"call void asm sideeffect \"{op} {csr}, $0\", \"r,~{{memory}}\"({x} {value.Text})");
                    return;
                }
            case "SwapCsr":
                {
                    var value = Coerce(Pop(), StackKind.NInt);
                    int csr = ConstantArgument(Pop(), "the CSR number");
                    string r = Temp();
                    Emit($"{r} = call {x} asm sideeffect \"csrrw $0, {csr}, $1\", \"=r,r,~{{memory}}\"({x} {value.Text})");
                    Push(StackKind.NInt, r);
                    return;
                }
            case "Wfi":
                Emit("call void asm sideeffect \"wfi\", \"~{memory}\"()");
                return;
            case "FenceI":
                Emit("call void asm sideeffect \"fence.i\", \"~{memory}\"()");
                return;
            case "Fence":
                {
                    int successor = ConstantArgument(Pop(), "the successor set");
                    int predecessor = ConstantArgument(Pop(), "the predecessor set");
                    Emit($"call void asm sideeffect \"fence {FenceSet(predecessor)},{FenceSet(successor)}\", \"~{{memory}}\"()");
                    return;
                }
            case "Ecall":
                {
                    var a2 = Coerce(Pop(), StackKind.NInt);
                    var a1 = Coerce(Pop(), StackKind.NInt);
                    var a0 = Coerce(Pop(), StackKind.NInt);
                    var a7 = Coerce(Pop(), StackKind.NInt);
                    string r = Temp();
                    Emit($"{r} = call {x} asm sideeffect \"ecall\", \"={{x10}},{{x17}},{{x10}},{{x11}},{{x12}},~{{memory}}\"({x} {a7.Text}, {x} {a0.Text}, {x} {a1.Text}, {x} {a2.Text})");
                    Push(StackKind.NInt, r);
                    return;
                }
        }
        throw new CompilationException(DiagnosticCode.Unsupported, $"'Rv.{name}' is not supported by this compiler");
    }

    void CompileRiscVOnHost(string name)
    {
        (int arguments, bool result) = name switch
        {
            "ReadCsr" => (1, true),
            "WriteCsr" or "SetCsr" or "ClearCsr" => (2, false),
            "SwapCsr" => (2, true),
            "Fence" => (2, false),
            "Ecall" => (4, true),
            _ => (0, false),
        };
        for (int i = 0; i < arguments; i++)
            Pop();
        cg.Module.Declare("llvm.trap", "declare void @llvm.trap() cold noreturn nounwind");
        Emit("call void @llvm.trap()");
        if (result)
            Push(StackKind.NInt, "0");
    }

    static int ConstantArgument(StackValue value, string what)
    {
        if (value.Kind == StackKind.I32 && int.TryParse(value.Text, out int constant))
            return constant;
        throw new CompilationException(DiagnosticCode.Intrinsic, $"{what} must be a constant: it is encoded in the instruction");
    }

    /// <summary>The assembler spelling of a fence set: bit 3 I, 2 O, 1 R, 0 W, as in the encoding.</summary>
    static string FenceSet(int bits)
    {
        if (bits is <= 0 or > 15)
            throw new CompilationException(DiagnosticCode.Intrinsic, "a fence set must name at least one of I, O, R, W");
        string s = "";
        if ((bits & 8) != 0) s += "i";
        if ((bits & 4) != 0) s += "o";
        if ((bits & 2) != 0) s += "r";
        if ((bits & 1) != 0) s += "w";
        return s;
    }
}
