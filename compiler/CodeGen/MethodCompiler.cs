using System.Text;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

/// <summary>Stage 4, IR generation: compiles one method instantiation from IL to an LLVM function.
/// <para>The IL evaluation stack is simulated at compile time: inside a basic block its entries are SSA
/// values; where a block ends with values still on the stack, they travel through per-depth slots in
/// memory. IL locals and arguments live in <c>alloca</c>s. LLVM's mem2reg and SROA turn all of that back
/// into registers, so the generator stays simple and every step can be checked against ECMA-335.</para>
/// <para>This file holds the driver loop, blocks, locals and arguments, branches and the
/// <c>try</c>/<c>finally</c> machinery; the other parts of the class hold arithmetic, memory and calls.</para></summary>
public sealed partial class MethodCompiler
{
    readonly CodeGenContext cg;
    readonly TypeSystemContext types;
    readonly MethodDesc method;
    readonly MethodDefinition def;
    readonly FunctionSignature signature;
    readonly StringBuilder allocas = new();
    readonly StringBuilder body = new();
    readonly List<StackValue> stack = [];
    readonly SortedSet<int> blockStarts = [];
    readonly Dictionary<int, StackValue[]> entryStacks = [];
    readonly List<FinallyRegion> finallyRegions = [];
    readonly StringBuilder trailer = new();
    int nextTemp;
    // DWARF: the method's DISubprogram and the DILocation of the instruction being compiled.
    int? debugScope;
    int debugLocation;
    int debugEntryLocation;
    readonly Dictionary<int, SequencePoint> sequencePoints = [];
    string[] localSlots = [];
    TypeReference[] localTypes = [];
    string[] argSlots = [];
    TypeReference[] argTypes = [];
    Instruction? current;
    bool blockTerminated;

    // For a default interface method compiled for a struct: the calls whose receiver is 'this' (DefaultInterfaceThis).
    IReadOnlySet<Instruction> thisReceivers = new HashSet<Instruction>();

    // Prefixes that apply to the next instruction.
    TypeReference? constrainedPrefix;
    bool volatilePrefix;
    bool unalignedPrefix;

    public MethodCompiler(CodeGenContext cg, MethodDesc method)
    {
        this.cg = cg;
        types = cg.Types;
        this.method = method;
        def = method.Definition;
        signature = FunctionSignature.Of(types, method);
    }

    string Ptr => types.Target.NativeInt;

    /// <summary>Compiles the method and adds its LLVM function to the module.</summary>
    public void Compile()
    {
        try
        {
            CompileBody();
        }
        catch (CompilationException e)
        {
            throw e.At(def, current);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidCastException or KeyNotFoundException or NullReferenceException or ArgumentException or FormatException)
        {
            // A bug in rvc, not in the program: still report it at the C# line that triggered it.
            throw new CompilationException(DiagnosticCode.Unsupported, $"internal compiler error: {e.Message} (please report this with the source line)").At(def, current);
        }
    }

    void CompileBody()
    {
        var bodyIl = def.Body;
        if (CodeGenContext.ExportName(def) is string exportName &&
            (signature.ReturnsStructByPointer || signature.ParameterKinds.Any(k => k == ValueKind.Struct)))
            throw new CompilationException(DiagnosticCode.Unsupported, $"the exported function '{exportName}' passes a struct by value, which C and assembly callers would not agree on: pass a pointer instead");
        if (method.ThisType != null)
            thisReceivers = Analysis.DefaultInterfaceThis.Receivers(types, method);
        SetUpDebugInfo();
        FindBlocks(bodyIl);
        SetUpArgumentsAndLocals(bodyIl);

        foreach (var instruction in bodyIl.Instructions)
        {
            current = instruction;
            if (debugScope is int scope && sequencePoints.TryGetValue(instruction.Offset, out var point))
                debugLocation = cg.Module.Debug!.Location(scope, point);
            if (blockStarts.Contains(instruction.Offset))
                StartBlock(instruction.Offset);
            CompileInstruction(instruction);
        }
        if (!blockTerminated)
            Emit("unreachable");
        EmitFinallyDispatch();

        var sb = new StringBuilder();
        string export = CodeGenContext.ExportName(def) != null ? "" : "internal ";
        var names = Enumerable.Range(0, signature.Parameters.Count).Select(i => $"%arg{i}").ToArray();
        int attributes = (NeedsNoBuiltins() ? 1 : 0) + (def.NoInlining ? 4 : 0);
        sb.Append($"; {method.Name}\n");
        string debug = debugScope is int sp ? $" !dbg !{sp}" : "";
        sb.Append($"define {export}{signature.ReturnAttributes}{(signature.ReturnAttributes.Length > 0 ? " " : "")}{signature.LlvmReturn} {cg.FunctionName(method)}({signature.LlvmParameters(names)}) {InliningAttribute()}#{attributes}{debug} {{\n");
        sb.Append("entry:\n");
        // Static allocas stay in the entry block (so that mem2reg promotes them); their initialisation
        // follows the stack check (MethodCompiler.StackLimit.cs).
        var setup = allocas.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (string line in setup.Where(l => l.Contains(" = alloca ", StringComparison.Ordinal)))
            sb.Append(line).Append('\n');
        sb.Append(ChecksStackOnEntry(bodyIl) ? StackCheck() : $"  br label %entry.init{DebugSuffix(debugEntryLocation)}\n");
        sb.Append("entry.init:\n");
        foreach (string line in setup.Where(l => !l.Contains(" = alloca ", StringComparison.Ordinal)))
            sb.Append(line).Append('\n');
        sb.Append($"  br label %IL_{0:X4}{DebugSuffix(debugEntryLocation)}\n");
        sb.Append(body);
        sb.Append(trailer);
        sb.Append("}\n");
        cg.Module.AddFunction(sb.ToString());
    }

    /// <summary>[MethodImpl(MethodImplOptions.AggressiveInlining)] and [MethodImpl(MethodImplOptions.NoInlining)] as
    /// CoreCLR's JIT reads them: LLVM's <c>alwaysinline</c> (inlined wherever LLVM can, whatever its size estimate) and
    /// <c>noinline</c>; nothing otherwise (LLVM's own heuristics decide).</summary>
    string InliningAttribute() =>
        def.NoInlining ? "noinline " : def.AggressiveInlining ? "alwaysinline " : "";

    /// <summary>Whether this method is one of the C memory functions LLVM emits calls to.</summary>
    bool IsMemoryFunction() => CodeGenContext.ExportName(def) is "memcpy" or "memmove" or "memset" or "memcmp";

    bool NeedsNoBuiltins()
    {
        // The C library functions LLVM itself emits calls to must not be compiled into calls to themselves.
        string? export = CodeGenContext.ExportName(def);
        return export is "memcpy" or "memmove" or "memset" or "memcmp" ||
               def.DeclaringType.Namespace.StartsWith("Internal.Runtime", StringComparison.Ordinal);
    }

    void SetUpDebugInfo()
    {
        var debug = cg.Module.Debug;
        if (debug == null)
            return;
        debugScope = debug.Subprogram(def, def.DeclaringType.Name + "." + def.Name, method.Name);
        if (debugScope is not int scope)
            return;
        foreach (var point in def.DebugInformation.SequencePoints)
        {
            if (!point.IsHidden)
                sequencePoints[point.Offset] = point;
        }
        var first = sequencePoints.Values.OrderBy(p => p.Offset).First();
        debugEntryLocation = debug.Location(scope, first);
        debugLocation = debugEntryLocation;
    }

    /// <summary>The <c>, !dbg !N</c> that ties an instruction to its C# line, when there is debug information.</summary>
    string DebugSuffix(int location) => debugScope == null ? "" : $", !dbg !{location}";

    // ---- blocks -------------------------------------------------------------------------------

    void FindBlocks(MethodBody bodyIl)
    {
        blockStarts.Add(0);
        foreach (var instruction in bodyIl.Instructions)
        {
            switch (instruction.Operand)
            {
                case Instruction target:
                    blockStarts.Add(target.Offset);
                    break;
                case Instruction[] targets:
                    foreach (var t in targets)
                        blockStarts.Add(t.Offset);
                    break;
            }
            var flow = instruction.OpCode.FlowControl;
            if (instruction.Next != null && flow is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
                blockStarts.Add(instruction.Next.Offset);
            if (instruction.OpCode.Code == Code.Endfinally && instruction.Next != null)
                blockStarts.Add(instruction.Next.Offset);
        }
        foreach (var handler in bodyIl.ExceptionHandlers)
        {
            if (handler.HandlerType != ExceptionHandlerType.Finally)
                throw new CompilationException(DiagnosticCode.Catch,
                    handler.HandlerType == ExceptionHandlerType.Catch
                        ? DiagnosticMessages.Catch
                        : $"{handler.HandlerType.ToString().ToLowerInvariant()} handlers are not supported: an exception ends the program with a panic")
                    .At(def, handler.HandlerStart);
            blockStarts.Add(handler.TryStart.Offset);
            blockStarts.Add(handler.HandlerStart.Offset);
            if (handler.HandlerEnd != null)
                blockStarts.Add(handler.HandlerEnd.Offset);
            var region = new FinallyRegion(handler, finallyRegions.Count, $"%finally{finallyRegions.Count}.dest");
            finallyRegions.Add(region);
            allocas.Append($"  {region.DestinationSlot} = alloca i32, align 4\n");
            var frameLayout = types.Layouts.GetLayout(ExceptionFrameType);
            allocas.Append($"  {region.Frame} = alloca [{frameLayout.Size} x i8], align 16\n");
            entryStacks[handler.HandlerStart.Offset] = [];
        }
    }

    void StartBlock(int offset)
    {
        if (!blockTerminated && body.Length > 0)
        {
            // Fall-through into the next block: hand the stack over through the slots.
            SpillStackFor(offset);
            Emit($"br label %IL_{offset:X4}");
        }
        body.Append($"IL_{offset:X4}:\n");
        blockTerminated = false;
        stack.Clear();
        EnterTryRegions(offset);
        if (entryStacks.TryGetValue(offset, out var shape))
        {
            for (int depth = 0; depth < shape.Length; depth++)
            {
                var slot = StackSlot(depth, shape[depth].Kind);
                string value = Temp();
                Emit($"{value} = load {StackLlvmType(shape[depth].Kind)}, ptr {slot}");
                stack.Add(shape[depth] with { Text = value });
            }
        }
    }

    /// <summary>Stores the current stack into the slots the block at <paramref name="target"/> loads from.</summary>
    void SpillStackFor(int target)
    {
        if (!entryStacks.TryGetValue(target, out var shape))
        {
            shape = stack.ToArray();
            entryStacks[target] = shape;
        }
        else if (shape.Length != stack.Count)
            throw new CompilationException(DiagnosticCode.Unsupported, $"the evaluation stack has different depths at IL_{target:X4}");
        for (int depth = 0; depth < stack.Count; depth++)
        {
            var value = Coerce(stack[depth], shape[depth].Kind);
            Emit($"store {StackLlvmType(shape[depth].Kind)} {value.Text}, ptr {StackSlot(depth, shape[depth].Kind)}");
        }
    }

    readonly HashSet<string> stackSlots = [];

    string StackSlot(int depth, StackKind kind)
    {
        string name = $"%stack{depth}.{kind}";
        if (stackSlots.Add(name))
            allocas.Append($"  {name} = alloca {StackLlvmType(kind)}, align 8\n");
        return name;
    }

    void Terminate(string instruction)
    {
        Emit(instruction);
        blockTerminated = true;
    }

    // ---- emission helpers -----------------------------------------------------------------------

    string Temp() => $"%t{nextTemp++}";

    void Emit(string line)
    {
        if (blockTerminated)
        {
            // Code after a terminator in the same IL block (after a call that never returns): give it
            // a block of its own so the LLVM function stays well-formed.
            body.Append($"dead{nextTemp++}:\n");
            blockTerminated = false;
        }
        body.Append("  ").Append(line).Append(DebugSuffix(debugLocation)).Append('\n');
    }

    /// <summary>An <c>alloca</c> in the entry block, so that loops do not grow the stack.</summary>
    string Alloca(int size, int alignment, string hint = "tmp")
    {
        string name = $"%{hint}{nextTemp++}";
        allocas.Append($"  {name} = alloca [{Math.Max(size, 1)} x i8], align {Math.Max(alignment, 1)}\n");
        return name;
    }

    void Push(StackValue value) => stack.Add(value);

    void Push(StackKind kind, string text, TypeReference? type = null) => stack.Add(new StackValue(kind, text, type));

    StackValue Pop()
    {
        if (stack.Count == 0)
            throw new InvalidOperationException("evaluation stack underflow");
        var v = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return v;
    }

    StackValue Peek() => stack[^1];

    string StackLlvmType(StackKind kind) => kind switch
    {
        StackKind.I32 => "i32",
        StackKind.I64 => "i64",
        StackKind.NInt => Ptr,
        StackKind.F32 => "float",
        StackKind.F64 => "double",
        _ => "ptr",
    };

    public static StackKind StackKindOf(ValueKind kind) => kind switch
    {
        ValueKind.Bool or ValueKind.Char or ValueKind.I1 or ValueKind.U1 or ValueKind.I2 or ValueKind.U2 or ValueKind.I4 or ValueKind.U4 => StackKind.I32,
        ValueKind.I8 or ValueKind.U8 => StackKind.I64,
        ValueKind.NInt or ValueKind.NUInt => StackKind.NInt,
        ValueKind.R4 => StackKind.F32,
        ValueKind.R8 => StackKind.F64,
        ValueKind.Struct => StackKind.Struct,
        ValueKind.Void => throw new InvalidOperationException("void has no stack kind"),
        _ => StackKind.Ptr,
    };

    // ---- arguments and locals -----------------------------------------------------------------

    void SetUpArgumentsAndLocals(MethodBody bodyIl)
    {
        int count = signature.Parameters.Count;
        argSlots = new string[count];
        argTypes = signature.Parameters.ToArray();
        for (int i = 0; i < count; i++)
        {
            var kind = signature.ParameterKinds[i];
            if (kind == ValueKind.Struct)
            {
                // The caller passed the address of a private copy: it is this argument's home.
                argSlots[i] = $"%arg{i}";
                continue;
            }
            string type = types.LlvmType(kind);
            argSlots[i] = $"%arg{i}.addr";
            allocas.Append($"  %arg{i}.addr = alloca {type}, align 8\n");
            allocas.Append($"  store {type} %arg{i}, ptr %arg{i}.addr\n");
        }

        localSlots = new string[bodyIl.Variables.Count];
        localTypes = new TypeReference[bodyIl.Variables.Count];
        foreach (var variable in bodyIl.Variables)
        {
            var type = method.Context.Substitute(variable.VariableType);
            localTypes[variable.Index] = type;
            var (size, align) = types.Layouts.SizeAndAlignment(type);
            string slot = $"%loc{variable.Index}";
            localSlots[variable.Index] = slot;
            allocas.Append($"  {slot} = alloca [{size} x i8], align {Math.Max(align, 1)}\n");
            // Locals start zeroed: C# requires it (localsinit) and it costs nothing after mem2reg.
            ZeroLocal(slot, type, size);
        }
        DeclareDebugVariables(bodyIl);
    }

    /// <summary>Tells the debugger where each named local and parameter lives.</summary>
    void DeclareDebugVariables(MethodBody bodyIl)
    {
        if (debugScope is not int scope)
            return;
        var debug = cg.Module.Debug!;
        int line = sequencePoints.Values.Min(p => p.StartLine);
        cg.Module.Declare("llvm.dbg.declare", "declare void @llvm.dbg.declare(metadata, metadata, metadata)");
        void Declare(string slot, int variable, string expression = "")
            => allocas.Append($"  call void @llvm.dbg.declare(metadata ptr {slot}, metadata !{variable}, metadata !DIExpression({expression})){DebugSuffix(debugEntryLocation)}\n");
        for (int i = 0; i < argSlots.Length; i++)
        {
            string? name = def.HasThis ? (i == 0 ? "this" : def.Parameters[i - 1].Name) : def.Parameters[i].Name;
            if (string.IsNullOrEmpty(name))
                continue;
            int variable = debug.Variable(scope, name, i + 1, line, argTypes[i]);
            if (signature.ParameterKinds[i] == ValueKind.Struct)
            {
                // The struct's home is the caller's copy, known by its address in an argument register, which the
                // code soon reuses (gdb: "optimized out"): the address gets a slot of its own, read through.
                string home = $"%arg{i}.home";
                allocas.Append($"  {home} = alloca ptr, align {types.Target.PointerSize}\n");
                allocas.Append($"  store ptr {argSlots[i]}, ptr {home}\n");
                Declare(home, variable, "DW_OP_deref");
            }
            else
            {
                Declare(argSlots[i], variable);
            }
        }
        foreach (var variable in bodyIl.Variables)
        {
            if (def.DebugInformation.TryGetName(variable, out string name) && !name.StartsWith('<') && !name.StartsWith("CS$", StringComparison.Ordinal))
                Declare(localSlots[variable.Index], debug.Variable(scope, name, 0, line, localTypes[variable.Index]));
        }
    }

    /// <summary>Zeroes a local's slot. A primitive, pointer or reference is one store of its type. A struct is
    /// an llvm.memset, which LLVM may lower to a call to the core library's memset (always at -O0): in the
    /// functions that implement memset and its kin that call would be to themselves, so there a struct is
    /// zeroed by a store of an all-zero aggregate instead, which never becomes a call.</summary>
    void ZeroLocal(string slot, TypeReference type, int size)
    {
        var kind = types.Classify(type);
        if (kind != ValueKind.Struct)
        {
            string llvmType = types.LlvmType(kind);
            string zero = kind.IsFloat() ? "0.0" : kind.IsPointerLike() ? "null" : "0";
            allocas.Append($"  store {llvmType} {zero}, ptr {slot}\n");
        }
        else if (NeedsNoBuiltins())
        {
            allocas.Append($"  store [{size} x i8] zeroinitializer, ptr {slot}\n");
        }
        else
        {
            DeclareMemIntrinsics();
            allocas.Append($"  call void @llvm.memset.p0.{Ptr}(ptr {slot}, i8 0, {Ptr} {size}, i1 false)\n");
        }
    }

    void DeclareMemIntrinsics()
    {
        // memcpy, memmove and memset are what these intrinsics become when LLVM does not expand them: inside
        // them, a block copy or fill would be a call to themselves (endless at -O0, where nothing is expanded).
        if (IsMemoryFunction())
            throw new CompilationException(DiagnosticCode.Unsupported,
                $"'{def.Name}' implements {CodeGenContext.ExportName(def)}, so it cannot copy or fill a block of memory itself (a struct copy, initobj, cpblk, initblk or a zeroed stackalloc): that would call itself; use a loop over bytes or words");
        cg.Module.Declare("llvm.memset", $"declare void @llvm.memset.p0.{Ptr}(ptr, i8, {Ptr}, i1)");
        cg.Module.Declare("llvm.memcpy", $"declare void @llvm.memcpy.p0.p0.{Ptr}(ptr, ptr, {Ptr}, i1)");
        cg.Module.Declare("llvm.memmove", $"declare void @llvm.memmove.p0.p0.{Ptr}(ptr, ptr, {Ptr}, i1)");
    }

    void LoadArgument(int index) => Push(LoadFrom(argSlots[index], argTypes[index], isVolatile: false, alignment: 0));

    void StoreArgument(int index) => StoreTo(argSlots[index], argTypes[index], Pop(), isVolatile: false, alignment: 0);

    void LoadLocal(int index) => Push(LoadFrom(localSlots[index], localTypes[index], isVolatile: false, alignment: 0));

    void StoreLocal(int index) => StoreTo(localSlots[index], localTypes[index], Pop(), isVolatile: false, alignment: 0);

    static int ArgumentIndex(MethodDefinition def, object operand)
        => operand is ParameterDefinition p ? p.Index + (def.HasThis ? 1 : 0) : (int)operand;

    // ---- branches -----------------------------------------------------------------------------

    void Branch(Instruction target)
    {
        SpillStackFor(target.Offset);
        Terminate($"br label {Label(target.Offset)}");
    }

    void ConditionalBranch(string condition, Instruction target, Instruction? fallThrough)
    {
        int next = fallThrough?.Offset ?? -1;
        SpillStackFor(target.Offset);
        if (next >= 0)
            SpillStackFor(next);
        string nextLabel = next >= 0 ? Label(next) : "%unreachable";
        if (next < 0)
            EnsureUnreachableBlock();
        Terminate($"br i1 {condition}, label {Label(target.Offset)}, label {nextLabel}");
    }

    bool unreachableBlock;

    void EnsureUnreachableBlock()
    {
        if (!unreachableBlock)
        {
            unreachableBlock = true;
            trailer.Append("unreachable:\n  unreachable\n");
        }
    }

    void Switch(Instruction[] targets, Instruction? fallThrough)
    {
        var value = Coerce(Pop(), StackKind.I32);
        foreach (var t in targets)
            SpillStackFor(t.Offset);
        string defaultLabel;
        if (fallThrough != null)
        {
            SpillStackFor(fallThrough.Offset);
            defaultLabel = Label(fallThrough.Offset);
        }
        else
        {
            EnsureUnreachableBlock();
            defaultLabel = "%unreachable";
        }
        var cases = string.Join(" ", targets.Select((t, i) => $"i32 {i}, label {Label(t.Offset)}"));
        Terminate($"switch i32 {value.Text}, label {defaultLabel} [ {cases} ]");
    }

    // ---- try/finally --------------------------------------------------------------------------
    //
    // Nothing catches an exception, but CoreCLR runs the finally blocks of an unhandled exception before
    // the process dies, and so do we (docs/abi.md, "Exceptions"): entering a try with a finally pushes an
    // ExceptionFrame and calls rvc_setjmp; leaving it normally pops the frame; a throw longjmps into the
    // innermost frame, whose finally runs and then rethrows to the next one, until the panic. Values a
    // finally reads may have changed after rvc_setjmp, so in such methods every load and store is volatile.

    TypeReference ExceptionFrameType => types.WellKnown("Internal.Runtime.CompilerHelpers", "ExceptionFrame");

    string ExceptionHelper(string name)
    {
        var helper = cg.Helper(CodeGenContext.ExceptionHelpersType, name);
        cg.AssertReachable(helper);
        return cg.FunctionName(helper);
    }

    string PopFrame => ExceptionHelper("PopFrame");

    /// <summary>The try regions with a finally that start at <paramref name="offset"/>, outermost first.</summary>
    List<FinallyRegion> RegionsStartingAt(int offset)
        => finallyRegions.Where(r => r.Handler.TryStart.Offset == offset).OrderByDescending(r => r.TrySize).ToList();

    /// <summary>The label a branch from the current instruction to <paramref name="target"/> goes to: a try
    /// entered from outside goes through its prologue, a branch inside the try (a loop) goes past it.</summary>
    string Label(int target)
    {
        var regions = RegionsStartingAt(target);
        int source = current?.Offset ?? -1;
        for (int i = 0; i < regions.Count; i++)
        {
            if (!regions[i].TryContains(source))
                return i == 0 ? $"%IL_{target:X4}" : $"%IL_{target:X4}.try{i}";
        }
        return regions.Count == 0 ? $"%IL_{target:X4}" : $"%IL_{target:X4}.body";
    }

    /// <summary>At the start of a try with a finally: push its frame and save the registers; when an
    /// exception comes back through rvc_longjmp, run the finally and then rethrow.</summary>
    void EnterTryRegions(int offset)
    {
        var regions = RegionsStartingAt(offset);
        if (regions.Count == 0)
            return;
        string push = ExceptionHelper("PushFrame");
        string rethrow = ExceptionHelper("Rethrow");
        cg.Module.Declare("rvc_setjmp", "declare i32 @rvc_setjmp(ptr) returns_twice");
        var frameLayout = types.Layouts.GetLayout(ExceptionFrameType);
        int bufferOffset = frameLayout.FieldOffsets.Single(f => f.Key.Name == "Buffer").Value;
        for (int i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            string buffer = Temp(), saved = Temp(), unwinding = Temp();
            Emit($"call void {push}(ptr {region.Frame})");
            Emit($"{buffer} = getelementptr inbounds i8, ptr {region.Frame}, {Ptr} {bufferOffset}");
            Emit($"{saved} = call i32 @rvc_setjmp(ptr {buffer}) #3");
            Emit($"{unwinding} = icmp ne i32 {saved}, 0");
            string next = i + 1 < regions.Count ? $"IL_{offset:X4}.try{i + 1}" : $"IL_{offset:X4}.body";
            Terminate($"br i1 {unwinding}, label %finally{region.Index}.unwind, label %{next}");
            body.Append($"{next}:\n");
            blockTerminated = false;

            trailer.Append($"finally{region.Index}.unwind:\n");
            trailer.Append($"  store i32 {ContinuationNumber(region, $"%finally{region.Index}.rethrow")}, ptr {region.DestinationSlot}\n");
            trailer.Append($"  br label %IL_{region.Handler.HandlerStart.Offset:X4}\n");
            trailer.Append($"finally{region.Index}.rethrow:\n");
            trailer.Append($"  call void {rethrow}(){DebugSuffix(debugEntryLocation)}\n  unreachable\n");
        }
    }

    /// <summary>A finally handler: compiled once; each <c>leave</c> that crosses it stores the number of
    /// its continuation in <see cref="DestinationSlot"/>, and <c>endfinally</c> switches on it.</summary>
    sealed class FinallyRegion(ExceptionHandler handler, int index, string destinationSlot)
    {
        public ExceptionHandler Handler { get; } = handler;
        public int Index { get; } = index;
        public string DestinationSlot { get; } = destinationSlot;
        /// <summary>The region's ExceptionFrame (docs/abi.md, "Exceptions"), an alloca of this function.</summary>
        public string Frame => $"%finally{Index}.frame";
        public List<string> Continuations { get; } = [];

        public bool TryContains(int offset) => offset >= Handler.TryStart.Offset && offset < (Handler.TryEnd?.Offset ?? int.MaxValue);

        public bool HandlerContains(int offset) => offset >= Handler.HandlerStart.Offset && offset < (Handler.HandlerEnd?.Offset ?? int.MaxValue);

        public int TrySize => (Handler.TryEnd?.Offset ?? int.MaxValue) - Handler.TryStart.Offset;
    }

    void Leave(Instruction instruction, Instruction target)
    {
        stack.Clear();
        // The finally handlers this leave crosses, innermost first.
        var crossed = finallyRegions
            .Where(r => r.TryContains(instruction.Offset) && !r.TryContains(target.Offset))
            .OrderBy(r => r.TrySize)
            .ToList();
        if (crossed.Count == 0)
        {
            Branch(target);
            return;
        }
        string continuation = Label(target.Offset);
        // Build the chain from the outermost handler inwards: after handler i finishes, enter handler i+1.
        for (int i = crossed.Count - 1; i >= 1; i--)
        {
            string hop = $"leave{nextTemp++}";
            trailer.Append($"{hop}:\n");
            trailer.Append($"  call void {PopFrame}(ptr {crossed[i].Frame}){DebugSuffix(debugLocation)}\n");
            trailer.Append($"  store i32 {ContinuationNumber(crossed[i], continuation)}, ptr {crossed[i].DestinationSlot}\n");
            trailer.Append($"  br label {Label(crossed[i].Handler.HandlerStart.Offset)}\n");
            continuation = "%" + hop;
        }
        Emit($"call void {PopFrame}(ptr {crossed[0].Frame})");
        Emit($"store i32 {ContinuationNumber(crossed[0], continuation)}, ptr {crossed[0].DestinationSlot}");
        Terminate($"br label {Label(crossed[0].Handler.HandlerStart.Offset)}");
    }

    static int ContinuationNumber(FinallyRegion region, string label)
    {
        int index = region.Continuations.IndexOf(label);
        if (index < 0)
        {
            index = region.Continuations.Count;
            region.Continuations.Add(label);
        }
        return index;
    }

    void EndFinally(Instruction instruction)
    {
        var region = finallyRegions
            .Where(r => r.HandlerContains(instruction.Offset))
            .OrderBy(r => (r.Handler.HandlerEnd?.Offset ?? int.MaxValue) - r.Handler.HandlerStart.Offset)
            .First();
        stack.Clear();
        Terminate($"br label %endfinally{region.Index}");
    }

    void EmitFinallyDispatch()
    {
        foreach (var region in finallyRegions)
        {
            trailer.Append($"endfinally{region.Index}:\n");
            string dest = $"%endfinally{region.Index}.dest";
            trailer.Append($"  {dest} = load i32, ptr {region.DestinationSlot}\n");
            if (region.Continuations.Count == 0)
            {
                trailer.Append("  unreachable\n");
                continue;
            }
            var cases = string.Join(" ", region.Continuations.Select((c, i) => $"i32 {i}, label {c}"));
            trailer.Append($"  switch i32 {dest}, label {region.Continuations[0]} [ {cases} ]\n");
        }
    }
}
