using Mono.Cecil;
using Mono.Cecil.Cil;
using Rvc.Analysis;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

public sealed partial class MethodCompiler
{
    void Call(Instruction instruction, MethodReference reference, bool virtualCall)
    {
        var target = cg.Resolver.Resolve(reference, method.Context);
        // In a default interface method compiled for a struct, 'this' is (a pointer to) the struct's box.
        bool onBox = thisReceivers.Contains(instruction);
        target = cg.Resolver.ResolveCallTarget(instruction, target, onBox ? method.ThisType : constrainedPrefix);
        if (DependencyAnalyzer.IsIntrinsic(target.Definition))
        {
            CompileIntrinsic(target);
            return;
        }
        string symbol;
        if (target.Definition.IsPInvokeImpl)
            symbol = cg.DeclareImport(target);
        else
        {
            cg.AssertReachable(target);
            symbol = cg.FunctionName(target);
        }
        var callee = FunctionSignature.Of(types, target);
        var args = PopArguments(callee.Parameters.Count);
        if (virtualCall && target.HasThis && constrainedPrefix == null && !onBox && !types.Resolve(target.OwningType).IsValueType)
            NullCheck(args[0]);
        if (target.ThisType != null && !onBox)
            args[0] = BoxOnStack(args[0], target.ThisType);
        if (TypeInitializers.CallTriggers(types, target))
            EnsureTypeInitialized(target.OwningType);
        EmitCall(symbol, callee, args);
    }

    /// <summary>What CoreCLR boxes to call a default interface method on a struct, made on the stack: a copy of
    /// the struct, which the method (and what it calls on 'this') reads and writes instead of the caller's.</summary>
    StackValue BoxOnStack(StackValue address, TypeReference type)
    {
        var (size, align) = types.Layouts.SizeAndAlignment(type);
        string box = Alloca(size, align);
        CopyMemory(box, address.Text, size, align, isVolatile: false);
        return new StackValue(StackKind.Ptr, box, new ByReferenceType(type));
    }

    List<StackValue> PopArguments(int count)
    {
        var args = new List<StackValue>(count);
        for (int i = 0; i < count; i++)
            args.Add(Pop());
        args.Reverse();
        return args;
    }

    void EmitCall(string callee, FunctionSignature signature, List<StackValue> args)
    {
        var operands = new List<string>();
        string? resultCopy = null;
        if (signature.ReturnsStructByPointer)
        {
            var (size, align) = types.Layouts.SizeAndAlignment(signature.ReturnType);
            resultCopy = Alloca(size, align);
            operands.Add($"ptr {resultCopy}");
        }
        for (int i = 0; i < args.Count; i++)
        {
            var kind = signature.ParameterKinds[i];
            if (kind == ValueKind.Struct)
            {
                if (args[i].Kind != StackKind.Struct)
                    throw new CompilationException(DiagnosticCode.Unsupported, $"argument {i} should be a '{signature.Parameters[i].FullName}' value");
                operands.Add($"ptr {args[i].Text}");
                continue;
            }
            operands.Add($"{types.LlvmType(kind)} {signature.ParameterAttribute(i)}{ToStorage(args[i], kind)}");
        }
        string returnAttributes = signature.ReturnAttributes.Length > 0 ? signature.ReturnAttributes + " " : "";
        string call = $"call {returnAttributes}{signature.LlvmReturn} {callee}({string.Join(", ", operands)})";
        if (signature.ReturnKind == ValueKind.Void || signature.ReturnsStructByPointer)
        {
            Emit(call);
            if (resultCopy != null)
                Push(StackKind.Struct, resultCopy, signature.ReturnType);
            return;
        }
        string result = Temp();
        Emit($"{result} = {call}");
        var value = FromStorage(result, signature.ReturnKind);
        Push(signature.ReturnKind == ValueKind.Object ? value with { Type = signature.ReturnType } : value);
    }

    void CallIndirect(CallSite site)
    {
        // Managed and unmanaged function pointers share one convention: an unmanaged one points at an
        // [UnmanagedCallersOnly] method compiled here, so structs by value agree on both sides. Symbols
        // shared with C or assembly by name (DllImport, EntryPoint) are held to primitives and pointers.
        var callee = FunctionSignature.Of(types, site, method.Context);
        var function = Coerce(Pop(), StackKind.Ptr);
        var args = PopArguments(callee.Parameters.Count);
        EmitCall(function.Text, callee, args);
    }

    void LoadFunction(Instruction instruction, MethodReference reference)
    {
        var target = cg.Resolver.Resolve(reference, method.Context);
        if (DependencyAnalyzer.IsIntrinsic(target.Definition))
            throw new CompilationException(DiagnosticCode.Unsupported, $"'{target.Definition.Name}' is compiled inline and has no address");
        if (target.Definition.IsPInvokeImpl)
        {
            Push(StackKind.Ptr, cg.DeclareImport(target));
            return;
        }
        if (instruction.Next?.OpCode.Code == Code.Newobj && types.IsDerivedFrom(((MethodReference)instruction.Next.Operand).DeclaringType, "System.Delegate"))
            throw new CompilationException(DiagnosticCode.Delegate, DiagnosticMessages.Delegate);
        cg.AssertReachable(target);
        Push(StackKind.Ptr, cg.FunctionName(target));
    }

    void NewObject(Instruction instruction, MethodReference reference)
    {
        var ctor = cg.Resolver.Resolve(reference, method.Context);
        var owner = ctor.OwningType;
        var ownerDef = types.Resolve(owner);
        if (types.IsDerivedFrom(owner, "System.Delegate"))
            throw new CompilationException(DiagnosticCode.Delegate, DiagnosticMessages.Delegate);
        if (owner is ArrayType)
            throw new CompilationException(DiagnosticCode.Array, DiagnosticMessages.Array);
        var callee = FunctionSignature.Of(types, ctor);
        var args = PopArguments(callee.Parameters.Count - 1);
        string instance;
        if (ownerDef.IsValueType)
        {
            var (size, align) = types.Layouts.SizeAndAlignment(owner);
            instance = Alloca(size, align);
            DeclareMemIntrinsics();
            Emit($"call void @llvm.memset.p0.{Ptr}(ptr align {align} {instance}, i8 0, {Ptr} {size}, i1 false)");
        }
        else if (types.IsDerivedFrom(owner, "System.Exception"))
        {
            // Exceptions are the one kind of object a program may create: it is thrown at once and
            // ends the program, so a bump allocator that never frees is all it needs.
            var allocate = cg.Helper(CodeGenContext.StartupHelpersType, "Allocate");
            cg.AssertReachable(allocate);
            instance = Temp();
            Emit($"{instance} = call ptr {cg.FunctionName(allocate)}(ptr {cg.Module.MethodTable(owner)})");
        }
        else
        {
            throw new CompilationException(DiagnosticCode.NewClass,
                $"'new {owner.Name}' creates an object on the garbage-collected heap, which this runtime does not have: make '{owner.Name}' a struct (only exceptions may be created, to be thrown)");
        }
        args.Insert(0, new StackValue(StackKind.Ptr, instance));
        if (TypeInitializers.CallTriggers(types, ctor))
            EnsureTypeInitialized(owner);
        if (DependencyAnalyzer.IsIntrinsic(ctor.Definition))
            throw new CompilationException(DiagnosticCode.Unsupported, $"the constructor of '{owner.FullName}' cannot be called");
        cg.AssertReachable(ctor);
        EmitCall(cg.FunctionName(ctor), callee, args);
        Push(ownerDef.IsValueType ? new StackValue(StackKind.Struct, instance, owner) : new StackValue(StackKind.Ptr, instance, owner));
    }
}
