namespace Rvc.CodeGen;

public sealed partial class MethodCompiler
{
    // ---- null references ----------------------------------------------------------------------------
    //
    // A field access through an object reference and a callvirt on a class (what C# emits for instance calls
    // such as s.Length) throw NullReferenceException when the reference is null, as on CoreCLR. The check is
    // explicit: on the M-mode RISC-V targets page 0 is ordinary memory, so a load from null would not fault.
    // Objects here are only strings and exceptions, so the checks are few; LLVM drops repeated ones.

    /// <summary>Throws NullReferenceException at the current instruction when <paramref name="reference"/> is null.</summary>
    void NullCheck(StackValue reference)
    {
        if (reference.Kind != StackKind.Ptr || reference.Text.StartsWith('@'))
            return; // a global (a string literal) is never null
        var helper = cg.Helper(CodeGenContext.ThrowHelpersType, "ThrowNullReferenceException");
        cg.AssertReachable(helper);
        string isNull = Temp();
        int id = nextTemp++;
        Emit($"{isNull} = icmp eq ptr {reference.Text}, null");
        Terminate($"br i1 {isNull}, label %null{id}, label %nonnull{id}");
        trailer.Append($"null{id}:\n");
        trailer.Append($"  call void {cg.FunctionName(helper)}(){DebugSuffix(debugLocation)}\n");
        trailer.Append("  unreachable\n");
        body.Append($"nonnull{id}:\n");
        blockTerminated = false;
    }
}
