using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Rvc.CodeGen;

public sealed partial class MethodCompiler
{
    // ---- stack overflow ---------------------------------------------------------------------------
    //
    // The boot code sets rvc_stack_limit to the bottom of the stack plus a reserve (docs/abi.md, "Stack
    // overflow"). Every method compares the stack pointer with it on entry, after its frame is allocated and
    // before it writes to it below the saved registers, and a stackalloc checks its size against the room left.
    // Below the limit, the code clears the limit (so that the report itself runs on the reserve without
    // tripping the check again) and calls ThrowHelpers.StackOverflow, which prints "Stack overflow." and exits
    // with 134, as CoreCLR does. Frames larger than the reserve are still caught: the check comes first.
    //
    // The limit is loaded with !invariant.load: it is set before any compiled code runs and only cleared on the way
    // to the report (ThrowHelpers.StackOverflow, never inlined, which loads it afresh). So when LLVM inlines a method
    // into another, the inlined method's check reuses the limit already in a register instead of loading it again
    // after every call and store, and costs one compare.

    bool stackOverflowBlock;

    /// <summary>Whether the method checks the stack pointer on entry. Every method does, except one marked
    /// [MethodImpl(AggressiveInlining)] (LLVM's alwaysinline) that neither calls itself nor uses stackalloc: LLVM
    /// inlines it into its callers, whose own entry check then covers its frame, so its check would only repeat theirs
    /// at every use. Where LLVM cannot inline it (a call through a function pointer, a cycle of such methods), the
    /// methods it calls still check; only recursion made entirely of such methods, each calling another, is unchecked.</summary>
    bool ChecksStackOnEntry(MethodBody bodyIl)
    {
        if (!def.AggressiveInlining || def.NoInlining)
            return true;
        foreach (var instruction in bodyIl.Instructions)
        {
            if (instruction.OpCode.Code == Code.Localloc)
                return true;
            if (instruction.Operand is MethodReference callee && instruction.OpCode.FlowControl == FlowControl.Call &&
                callee.Resolve() == def)
                return true;
        }
        return false;
    }

    /// <summary>The entry block's stack check; the caller appends the block <c>entry.init</c> it branches to.</summary>
    string StackCheck()
    {
        DeclareStackLimit();
        string location = DebugSuffix(debugEntryLocation);
        return "  %sp.entry = call ptr @llvm.stacksave.p0()" + location + "\n" +
               "  %sp.limit = load ptr, ptr @rvc_stack_limit, !invariant.load !{}\n" +
               "  %sp.low = icmp ult ptr %sp.entry, %sp.limit\n" +
               $"  br i1 %sp.low, label %{StackOverflowLabel()}, label %entry.init{location}\n";
    }

    /// <summary>Before a stackalloc of <paramref name="size"/> bytes: the room left must hold it.</summary>
    void CheckStackRoom(string size)
    {
        DeclareStackLimit();
        string sp = Temp(), spInt = Temp(), limit = Temp(), limitInt = Temp(), room = Temp(), tooBig = Temp();
        Emit($"{sp} = call ptr @llvm.stacksave.p0()");
        Emit($"{spInt} = ptrtoint ptr {sp} to {Ptr}");
        Emit($"{limit} = load ptr, ptr @rvc_stack_limit, !invariant.load !{{}}");
        Emit($"{limitInt} = ptrtoint ptr {limit} to {Ptr}");
        Emit($"{room} = sub {Ptr} {spInt}, {limitInt}");
        Emit($"{tooBig} = icmp ugt {Ptr} {size}, {room}");
        string ok = $"localloc{nextTemp++}";
        Terminate($"br i1 {tooBig}, label %{StackOverflowLabel()}, label %{ok}");
        body.Append($"{ok}:\n");
        blockTerminated = false;
    }

    void DeclareStackLimit()
    {
        // Weak and null here: the boot code's definition wins; a program with boot code of its own that does
        // not define it (firmware/payload) runs without the check.
        cg.Module.Declare("rvc_stack_limit", $"@rvc_stack_limit = weak global ptr null, align {types.Target.PointerSize}");
        cg.Module.Declare("llvm.stacksave.p0", "declare ptr @llvm.stacksave.p0()");
    }

    string StackOverflowLabel()
    {
        if (!stackOverflowBlock)
        {
            stackOverflowBlock = true;
            var helper = cg.Helper(CodeGenContext.ThrowHelpersType, "StackOverflow");
            cg.AssertReachable(helper);
            trailer.Append("stack.overflow:\n");
            trailer.Append("  store ptr null, ptr @rvc_stack_limit\n");
            trailer.Append($"  call void {cg.FunctionName(helper)}(){DebugSuffix(debugEntryLocation)}\n");
            trailer.Append("  unreachable\n");
        }

        return "stack.overflow";
    }
}
