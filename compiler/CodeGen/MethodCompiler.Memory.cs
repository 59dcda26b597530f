using Mono.Cecil;
using Mono.Cecil.Cil;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

public sealed partial class MethodCompiler
{
    // ---- loads and stores ---------------------------------------------------------------------

    /// <summary>Loads a value of <paramref name="type"/> from <paramref name="address"/>. Value types are
    /// copied into a private temporary. <paramref name="alignment"/> 0 means the type's natural alignment.</summary>
    StackValue LoadFrom(string address, TypeReference type, bool isVolatile, int alignment)
    {
        isVolatile |= finallyRegions.Count > 0;
        var kind = types.Classify(type);
        var (size, natural) = types.Layouts.SizeAndAlignment(type);
        int align = alignment > 0 ? Math.Min(alignment, natural) : natural;
        if (kind == ValueKind.Struct)
        {
            string copy = Alloca(size, natural);
            CopyMemory(copy, address, size, align, isVolatile);
            return new StackValue(StackKind.Struct, copy, type);
        }
        string value = Temp();
        Emit($"{value} = load {(isVolatile ? "volatile " : "")}{types.LlvmType(kind)}, ptr {address}, align {align}");
        var result = FromStorage(value, kind);
        return kind == ValueKind.Object ? result with { Type = type } : result;
    }

    void StoreTo(string address, TypeReference type, StackValue value, bool isVolatile, int alignment)
    {
        isVolatile |= finallyRegions.Count > 0;
        var kind = types.Classify(type);
        var (size, natural) = types.Layouts.SizeAndAlignment(type);
        int align = alignment > 0 ? Math.Min(alignment, natural) : natural;
        if (kind == ValueKind.Struct)
        {
            if (value.Kind != StackKind.Struct)
                throw new CompilationException(DiagnosticCode.Unsupported, $"cannot store a {value.Kind} value into a '{type.FullName}'");
            CopyMemory(address, value.Text, size, align, isVolatile);
            return;
        }
        string text = ToStorage(value, kind);
        Emit($"store {(isVolatile ? "volatile " : "")}{types.LlvmType(kind)} {text}, ptr {address}, align {align}");
    }

    void CopyMemory(string destination, string source, int size, int alignment, bool isVolatile)
    {
        DeclareMemIntrinsics();
        Emit($"call void @llvm.memcpy.p0.p0.{Ptr}(ptr align {alignment} {destination}, ptr align {alignment} {source}, {Ptr} {size}, i1 {(isVolatile ? "true" : "false")})");
    }

    /// <summary>The alignment an access through the current instruction may assume: 1 after <c>unaligned.</c>.</summary>
    int AccessAlignment(int known = 0) => unalignedPrefix ? 1 : known;

    void LoadIndirect(TypeReference type)
    {
        var address = Coerce(Pop(), StackKind.Ptr);
        Push(LoadFrom(address.Text, type, volatilePrefix, AccessAlignment()));
    }

    void StoreIndirect(TypeReference type)
    {
        var value = Pop();
        var address = Coerce(Pop(), StackKind.Ptr);
        StoreTo(address.Text, type, value, volatilePrefix, AccessAlignment());
    }

    void CopyObject(TypeReference type)
    {
        var source = Coerce(Pop(), StackKind.Ptr);
        var destination = Coerce(Pop(), StackKind.Ptr);
        var (size, align) = types.Layouts.SizeAndAlignment(type);
        CopyMemory(destination.Text, source.Text, size, align, volatilePrefix);
    }

    void InitObject(TypeReference type)
    {
        var address = Coerce(Pop(), StackKind.Ptr);
        var (size, align) = types.Layouts.SizeAndAlignment(type);
        DeclareMemIntrinsics();
        Emit($"call void @llvm.memset.p0.{Ptr}(ptr align {align} {address.Text}, i8 0, {Ptr} {size}, i1 {(volatilePrefix ? "true" : "false")})");
    }

    void CopyBlock()
    {
        var size = Coerce(Pop(), StackKind.NInt, unsigned: true);
        var source = Coerce(Pop(), StackKind.Ptr);
        var destination = Coerce(Pop(), StackKind.Ptr);
        DeclareMemIntrinsics();
        // cpblk requires non-overlapping blocks, but memmove costs little and forgives.
        Emit($"call void @llvm.memmove.p0.p0.{Ptr}(ptr {destination.Text}, ptr {source.Text}, {Ptr} {size.Text}, i1 {(volatilePrefix ? "true" : "false")})");
    }

    void InitBlock()
    {
        var size = Coerce(Pop(), StackKind.NInt, unsigned: true);
        var value = Coerce(Pop(), StackKind.I32);
        var address = Coerce(Pop(), StackKind.Ptr);
        DeclareMemIntrinsics();
        string b = Temp();
        Emit($"{b} = trunc i32 {value.Text} to i8");
        Emit($"call void @llvm.memset.p0.{Ptr}(ptr {address.Text}, i8 {b}, {Ptr} {size.Text}, i1 {(volatilePrefix ? "true" : "false")})");
    }

    /// <summary>stackalloc: a dynamic alloca, zeroed when the method asks for initialised locals.</summary>
    void LocalAlloc()
    {
        var size = Coerce(Pop(), StackKind.NInt, unsigned: true);
        CheckStackRoom(size.Text);
        string p = Temp();
        Emit($"{p} = alloca i8, {Ptr} {size.Text}, align 16");
        if (def.Body.InitLocals)
        {
            DeclareMemIntrinsics();
            Emit($"call void @llvm.memset.p0.{Ptr}(ptr align 16 {p}, i8 0, {Ptr} {size.Text}, i1 false)");
        }
        Push(StackKind.Ptr, p);
    }

    // ---- fields -------------------------------------------------------------------------------

    (TypeReference Owner, FieldDefinition Field, TypeReference FieldType) ResolveField(FieldReference reference)
    {
        var owner = method.Context.Substitute(reference.DeclaringType);
        var field = reference.Resolve()
            ?? throw new CompilationException(DiagnosticCode.Program, $"cannot resolve the field '{reference.FullName}'");
        var fieldType = GenericContext.ForType(owner).Substitute(field.FieldType);
        return (owner, field, fieldType);
    }

    /// <summary>The address of an instance field, and the alignment that address is known to have
    /// (lower than natural in packed structs).</summary>
    (string Address, int Alignment) FieldAddress(StackValue instance, TypeReference owner, FieldDefinition field)
    {
        var layout = types.Layouts.GetLayout(owner);
        if (!layout.FieldOffsets.TryGetValue(field, out int offset))
            throw new InvalidOperationException($"no offset for {field.FullName}");
        var basePointer = instance.Kind == StackKind.Struct ? instance : Coerce(instance, StackKind.Ptr);
        if (instance.Kind != StackKind.Struct && !types.Resolve(owner).IsValueType)
            NullCheck(basePointer);
        int alignment = offset == 0 ? layout.Alignment : Math.Min(layout.Alignment, offset & -offset);
        if (offset == 0)
            return (basePointer.Text, alignment);
        string address = Temp();
        Emit($"{address} = getelementptr inbounds i8, ptr {basePointer.Text}, {Ptr} {offset}");
        return (address, alignment);
    }

    void LoadField(FieldReference reference)
    {
        var (owner, field, fieldType) = ResolveField(reference);
        var instance = Pop();
        if (field.IsStatic)
        {
            Push(LoadFrom(StaticFieldAddress(reference), fieldType, volatilePrefix, 0));
            return;
        }
        var (address, alignment) = FieldAddress(instance, owner, field);
        Push(LoadFrom(address, fieldType, volatilePrefix || TypeSystemContext.IsVolatileField(field), AccessAlignment(alignment)));
    }

    void LoadFieldAddress(FieldReference reference)
    {
        var (owner, field, _) = ResolveField(reference);
        var instance = Pop();
        if (instance.Kind == StackKind.Struct)
            throw new CompilationException(DiagnosticCode.Unsupported, "taking the address of a field of a temporary value is not supported");
        var (address, _) = FieldAddress(instance, owner, field);
        Push(StackKind.Ptr, address);
    }

    void StoreField(FieldReference reference)
    {
        var (owner, field, fieldType) = ResolveField(reference);
        var value = Pop();
        var instance = Pop();
        var (address, alignment) = FieldAddress(instance, owner, field);
        StoreTo(address, fieldType, value, volatilePrefix || TypeSystemContext.IsVolatileField(field), AccessAlignment(alignment));
    }

    string StaticFieldAddress(FieldReference reference)
    {
        var (owner, field, fieldType) = ResolveField(reference);
        if (field.IsLiteral)
            throw new CompilationException(DiagnosticCode.Unsupported, $"the constant '{field.Name}' has no address");
        return cg.Module.StaticField(field, owner, fieldType);
    }

    void LoadStaticField(FieldReference reference)
    {
        var (_, field, fieldType) = ResolveField(reference);
        Push(LoadFrom(StaticFieldAddress(reference), fieldType, volatilePrefix || TypeSystemContext.IsVolatileField(field), 0));
    }

    void StoreStaticField(FieldReference reference)
    {
        var (_, field, fieldType) = ResolveField(reference);
        StoreTo(StaticFieldAddress(reference), fieldType, Pop(), volatilePrefix || TypeSystemContext.IsVolatileField(field), 0);
    }

    /// <summary><c>ldtoken</c> of a field with RVA data: the address of that data, which
    /// <c>RuntimeHelpers.CreateSpan</c> (compiled inline) turns into a span.</summary>
    void LoadToken(object operand)
    {
        if (operand is FieldReference fieldRef)
        {
            Push(StackKind.Ptr, StaticFieldAddress(fieldRef), types.CoreLibrary.TypeSystem.Object);
            pendingRvaField = ResolveField(fieldRef).Field;
            return;
        }
        throw new CompilationException(DiagnosticCode.Unsupported, "typeof and method tokens need run-time type information, which this runtime does not have");
    }

    FieldDefinition? pendingRvaField;

    // ---- objects ------------------------------------------------------------------------------

    void Box(Instruction instruction, TypeReference type)
    {
        // Two patterns need no object at all: a generic null test of a value-type argument
        // (box T; brtrue/brfalse) and boxing a reference type, which is a no-op.
        var kind = types.Classify(type);
        if (kind == ValueKind.Object)
            return;
        var next = instruction.Next?.OpCode.Code;
        if (types.Resolve(type).IsEnum && Analysis.EnumHasFlag.IsOperand(instruction))
        {
            // An operand of Enum.HasFlag: the value stays as it is (CompileEnumHasFlag).
            return;
        }

        if (next is Code.Brtrue or Code.Brtrue_S or Code.Brfalse or Code.Brfalse_S)
        {
            Pop();
            Push(StackKind.I32, "1");
            return;
        }
        throw new CompilationException(DiagnosticCode.Boxing, DiagnosticMessages.Boxing(type.Name));
    }

    void Throw()
    {
        var exception = Coerce(Pop(), StackKind.Ptr);
        var helper = cg.Helper(CodeGenContext.ThrowHelpersType, "Throw");
        cg.AssertReachable(helper);
        Emit($"call void {cg.FunctionName(helper)}(ptr {exception.Text})");
        Terminate("unreachable");
    }
}
