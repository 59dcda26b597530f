using Mono.Cecil;
using Mono.Cecil.Cil;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.Analysis;

/// <summary>
/// A default interface method called on a struct through a generic constraint (<c>x.Bar()</c> with
/// <c>where T : IFoo</c>) runs, on CoreCLR, on a boxed copy of the struct: its <c>this</c> is that box, and each
/// call on <c>this</c> is an interface call that lands in the struct's own members (or in another default method,
/// on the same box). rvc compiles such a method once per struct, with <c>this</c> a pointer to a private copy
/// (the box, on the caller's stack), and every call on <c>this</c> as a constrained call on the struct: nothing is
/// boxed, and what CoreCLR's box would see, the copy sees.
/// <para>That is only possible while <c>this</c> is used as a receiver. This pass follows <c>this</c> over the
/// evaluation stack (ECMA-335 III.1.7.5: the stack has the same shape on every path into an instruction) and
/// returns the calls that receive it; any other use (passing it on, storing it, testing it, casting it) needs the
/// object and is reported as boxing.</para>
/// </summary>
public static class DefaultInterfaceThis
{
    /// <summary>The call instructions of <paramref name="method"/> (a default interface method compiled for a
    /// struct) whose receiver is <c>this</c>.</summary>
    public static IReadOnlySet<Instruction> Receivers(TypeSystemContext types, MethodDesc method)
    {
        var def = method.Definition;
        var receivers = new HashSet<Instruction>();
        var entry = new Dictionary<Instruction, bool[]>();
        var work = new Stack<Instruction>();

        void Reach(Instruction target, bool[] stack)
        {
            if (entry.TryGetValue(target, out var known))
            {
                if (!known.SequenceEqual(stack))
                    throw Misuse(method, target);
                return;
            }
            entry[target] = stack;
            work.Push(target);
        }

        Reach(def.Body.Instructions[0], []);
        foreach (var handler in def.Body.ExceptionHandlers)
            Reach(handler.HandlerStart, handler.HandlerType == ExceptionHandlerType.Finally || handler.HandlerType == ExceptionHandlerType.Fault ? [] : [false]);

        while (work.Count > 0)
        {
            var instruction = work.Pop();
            var stack = new List<bool>(entry[instruction]);
            var code = instruction.OpCode.Code;
            if (IsThisArgument(def, instruction, out bool load))
            {
                if (!load)
                    throw Misuse(method, instruction);
                stack.Add(true);
            }
            else if (code == Code.Dup)
            {
                stack.Add(stack[^1]);
            }
            else if (code == Code.Leave || code == Code.Leave_S)
            {
                stack.Clear();
            }
            else
            {
                int pops = Pops(def, instruction);
                var popped = stack.GetRange(stack.Count - pops, pops);
                stack.RemoveRange(stack.Count - pops, pops);
                bool receiver = code is Code.Call or Code.Callvirt && ((MethodReference)instruction.Operand).HasThis
                    && types.Resolve(((MethodReference)instruction.Operand).DeclaringType).IsInterface;
                for (int i = 0; i < popped.Count; i++)
                {
                    if (!popped[i])
                        continue;
                    if (i == 0 && receiver)
                        receivers.Add(instruction);
                    else
                        throw Misuse(method, instruction);
                }
                for (int i = 0; i < Pushes(instruction); i++)
                    stack.Add(false);
            }

            var flow = instruction.OpCode.FlowControl;
            if (instruction.Operand is Instruction target)
                Reach(target, [.. stack]);
            else if (instruction.Operand is Instruction[] targets)
            {
                foreach (var t in targets)
                    Reach(t, [.. stack]);
            }
            if (flow is not (FlowControl.Branch or FlowControl.Return or FlowControl.Throw) && instruction.Next != null)
                Reach(instruction.Next, [.. stack]);
        }
        return receivers;
    }

    static CompilationException Misuse(MethodDesc method, Instruction at)
        => new CompilationException(DiagnosticCode.Boxing, DiagnosticMessages.BoxingThisInDefaultInterfaceMethod(
            method.Definition.DeclaringType.Name, method.Definition.Name, method.ThisType!.Name)).At(method.Definition, at);

    /// <summary>Whether the instruction loads (<paramref name="load"/>) or otherwise touches argument 0.</summary>
    static bool IsThisArgument(MethodDefinition def, Instruction instruction, out bool load)
    {
        load = instruction.OpCode.Code is Code.Ldarg_0 or Code.Ldarg or Code.Ldarg_S;
        switch (instruction.OpCode.Code)
        {
            case Code.Ldarg_0:
                return true;
            case Code.Ldarg:
            case Code.Ldarg_S:
            case Code.Ldarga:
            case Code.Ldarga_S:
            case Code.Starg:
            case Code.Starg_S:
                return instruction.Operand is ParameterDefinition p ? p == def.Body.ThisParameter || p.Index < 0 : (int)instruction.Operand == 0;
            default:
                return false;
        }
    }

    static int Pops(MethodDefinition def, Instruction instruction)
    {
        var op = instruction.OpCode;
        switch (op.StackBehaviourPop)
        {
            case StackBehaviour.Pop0:
                return 0;
            case StackBehaviour.Pop1:
            case StackBehaviour.Popi:
            case StackBehaviour.Popref:
                return 1;
            case StackBehaviour.Pop1_pop1:
            case StackBehaviour.Popi_pop1:
            case StackBehaviour.Popi_popi:
            case StackBehaviour.Popi_popi8:
            case StackBehaviour.Popi_popr4:
            case StackBehaviour.Popi_popr8:
            case StackBehaviour.Popref_pop1:
            case StackBehaviour.Popref_popi:
                return 2;
            case StackBehaviour.Popi_popi_popi:
            case StackBehaviour.Popref_popi_popi:
            case StackBehaviour.Popref_popi_popi8:
            case StackBehaviour.Popref_popi_popr4:
            case StackBehaviour.Popref_popi_popr8:
            case StackBehaviour.Popref_popi_popref:
                return 3;
            case StackBehaviour.Varpop:
                if (op.Code == Code.Ret)
                    return def.ReturnType.MetadataType == MetadataType.Void ? 0 : 1;
                if (instruction.Operand is CallSite site)
                    return site.Parameters.Count + (site.HasThis && !site.ExplicitThis ? 1 : 0) + 1;
                var callee = (MethodReference)instruction.Operand;
                return callee.Parameters.Count + (callee.HasThis && !callee.ExplicitThis && op.Code != Code.Newobj ? 1 : 0);
            default:
                throw new InvalidOperationException($"unexpected stack behaviour of {op.Name}");
        }
    }

    static int Pushes(Instruction instruction)
    {
        var op = instruction.OpCode;
        switch (op.StackBehaviourPush)
        {
            case StackBehaviour.Push0:
                return 0;
            case StackBehaviour.Push1_push1:
                return 2;
            case StackBehaviour.Varpush:
                if (op.Code == Code.Newobj)
                    return 1;
                var returnType = instruction.Operand is CallSite site ? site.ReturnType : ((MethodReference)instruction.Operand).ReturnType;
                return returnType.MetadataType == MetadataType.Void ? 0 : 1;
            default:
                return 1;
        }
    }
}
