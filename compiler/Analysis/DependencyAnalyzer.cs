using Mono.Cecil;
using Mono.Cecil.Cil;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.Analysis;

/// <summary>Stage 2, dependency analysis: starting from the roots (the entry point, the methods exported
/// with <c>[UnmanagedCallersOnly(EntryPoint = …)]</c> and the runtime helpers the code generator calls),
/// scans the IL of every reachable method instantiation and collects the whole program: the methods to
/// compile (generic ones once per set of type arguments) and the static constructors to run, in order.</summary>
public sealed class DependencyAnalyzer
{
    readonly TypeSystemContext types;
    readonly MethodResolver resolver;
    readonly Dictionary<string, MethodDesc> methods = [];
    readonly Queue<MethodDesc> worklist = new();
    readonly Dictionary<string, List<object>> events = [];

    readonly DiagnosticBag diagnostics;
    readonly HashSet<string> failed = [];

    public DependencyAnalyzer(TypeSystemContext types, MethodResolver resolver, DiagnosticBag diagnostics)
    {
        this.types = types;
        this.resolver = resolver;
        this.diagnostics = diagnostics;
    }

    public DependencyResult Analyze(MethodDesc entryPoint, IEnumerable<MethodDesc> otherRoots)
    {
        Add(entryPoint);
        foreach (var root in otherRoots)
            Add(root);
        DrainWorklist();
        var staticConstructors = StaticConstructorOrder(entryPoint, otherRoots);
        DrainWorklist();
        // The unobservable ones run before Main; the others at the first access (TypeInitializers).
        var eager = staticConstructors.Where(TypeInitializers.IsUnobservable).ToList();
        var lazy = staticConstructors.Where(c => !TypeInitializers.IsUnobservable(c)).ToList();
        if (lazy.Count > 0)
        {
            var helper = types.CoreLibrary.GetType("Internal.Runtime.CompilerHelpers.StartupHelpers").Methods.Single(m => m.Name == "RunTypeInitializer");
            EnsureScanned(new MethodDesc(helper, helper.DeclaringType, []));
            DrainWorklist();
        }

        return new DependencyResult(methods.Values.ToList(), eager, lazy, failed);
    }

    void DrainWorklist()
    {
        while (worklist.Count > 0)
            EnsureScanned(worklist.Dequeue());
    }

    List<object> EnsureScanned(MethodDesc method)
    {
        Add(method);
        if (!events.TryGetValue(method.Name, out var found))
        {
            found = Scan(method);
            events[method.Name] = found;
        }
        return found;
    }

    void Add(MethodDesc method)
    {
        if (methods.TryAdd(method.Name, method))
            worklist.Enqueue(method);
    }

    // Where each method was first called from, to place errors in compiler-generated methods (a record's ToString),
    // which have no source lines, at the user's call.
    readonly Dictionary<string, (MethodDesc Caller, Instruction Call)> callSites = [];

    CompilationException Locate(CompilationException error, MethodDesc method, Instruction instruction)
    {
        var (where, at) = (method, instruction);
        for (int hops = 0; hops < 16 && SourceLocation.Find(where.Definition, at) == null && callSites.TryGetValue(where.Name, out var site); hops++)
            (where, at) = site;
        return error.At(where.Definition, at);
    }

    /// <summary>Whether the code generator compiles calls to this method inline instead of calling it.</summary>
    public static bool IsIntrinsic(MethodDefinition def) => def.IsInternalCall;

    /// <summary>The IL of <paramref name="method"/> in order: the methods it calls (events of type
    /// <see cref="MethodDesc"/>) and the types whose static constructors it triggers (<see cref="TypeReference"/>).</summary>
    List<object> Scan(MethodDesc method)
    {
        var found = new List<object>();
        var def = method.Definition;
        if (!def.HasBody)
            return found;
        foreach (var handler in def.Body.ExceptionHandlers)
        {
            if (handler.HandlerType != ExceptionHandlerType.Finally)
            {
                diagnostics.Add(new CompilationException(DiagnosticCode.Catch,
                    handler.HandlerType == ExceptionHandlerType.Catch
                        ? DiagnosticMessages.Catch
                        : $"{handler.HandlerType.ToString().ToLowerInvariant()} handlers are not supported: an exception ends the program with a panic")
                    .At(def, handler.HandlerStart));
                failed.Add(method.Name);
            }
        }
        IReadOnlySet<Instruction> thisReceivers = new HashSet<Instruction>();
        if (method.ThisType != null)
        {
            try
            {
                thisReceivers = DefaultInterfaceThis.Receivers(types, method);
            }
            catch (CompilationException e)
            {
                diagnostics.Add(e);
                failed.Add(method.Name);
                return found;
            }
        }
        TypeReference? constrained = null;
        bool heapOnlyReported = false;
        foreach (var instruction in def.Body.Instructions)
        {
            try
            {
                // In a default interface method compiled for a struct, a call on 'this' is a constrained call on it.
                if (thisReceivers.Contains(instruction))
                    constrained = method.ThisType;
                switch (instruction.OpCode.Code)
                {
                    case Code.Constrained:
                        constrained = method.Context.Substitute((TypeReference)instruction.Operand);
                        continue;
                    case Code.Call:
                    case Code.Callvirt:
                    case Code.Newobj:
                    case Code.Ldftn:
                        {
                            var target = resolver.Resolve((MethodReference)instruction.Operand, method.Context);
                            if (instruction.OpCode.Code is Code.Call or Code.Callvirt)
                                target = resolver.ResolveCallTarget(instruction, target, constrained);
                            if ((instruction.OpCode.Code == Code.Newobj || IsIntrinsic(target.Definition)) && HeapOnlyMembers.Explain(target.Definition) is string heapOnly)
                                throw new CompilationException(DiagnosticCode.Unsupported, heapOnly);
                            if (instruction.OpCode.Code == Code.Newobj)
                                CheckCreatable(target.OwningType);
                            if (IsCreateInstance(target.Definition))
                            {
                                var ctor = DefaultConstructor(target.MethodArguments[0]);
                                if (ctor != null)
                                {
                                    Add(ctor);
                                    found.Add(ctor);
                                }
                            }
                            if (target.Definition.DeclaringType.FullName == EqualityComparerIntrinsics.TypeName && target.Definition.Name is "Equals" or "GetHashCode")
                            {
                                var callee = EqualityComparerIntrinsics.Callee(types, EqualityComparerIntrinsics.ElementType(target), target.Definition.Name == "Equals");
                                if (callee != null)
                                {
                                    Add(callee);
                                    found.Add(callee);
                                }
                            }

                            if (TriggersStaticConstructor(target))
                                found.Add(target.OwningType);
                            if (!IsIntrinsic(target.Definition) && !target.Definition.IsPInvokeImpl)
                            {
                                if (!target.Definition.HasBody)
                                    throw new CompilationException(DiagnosticCode.Unsupported, $"'{target.Definition.FullName}' has no body to compile");
                                Add(target);
                                found.Add(target);
                                callSites.TryAdd(target.Name, (method, instruction));
                            }
                            break;
                        }
                    case Code.Ldsfld:
                    case Code.Ldsflda:
                    case Code.Stsfld:
                        {
                            var field = (FieldReference)instruction.Operand;
                            // The cached-lambda classes Roslyn generates (<>c) only serve delegates, which are
                            // reported where they are created; their static constructors would only add noise.
                            if (!field.DeclaringType.Name.StartsWith("<>c", StringComparison.Ordinal))
                                found.Add(method.Context.Substitute(field.DeclaringType));
                            break;
                        }
                    case Code.Box:
                        {
                            var type = method.Context.Substitute((TypeReference)instruction.Operand);
                            var next = instruction.Next?.OpCode.Code;
                            bool hasFlag = types.Resolve(type).IsEnum && EnumHasFlag.IsOperand(instruction);
                            if (types.Classify(type) != ValueKind.Object && !hasFlag && next is not (Code.Brtrue or Code.Brtrue_S or Code.Brfalse or Code.Brfalse_S))
                                throw new CompilationException(DiagnosticCode.Boxing, DiagnosticMessages.Boxing(type.Name));
                            break;
                        }
                    case Code.Newarr:
                        throw new CompilationException(DiagnosticCode.Array, DiagnosticMessages.Array);
                }
            }
            catch (CompilationException e)
            {
                // Keep scanning: every unsupported construct in the program is reported in one build, except what
                // follows from a use of a heap-only library type (StringBuilder in a record's ToString), reported once.
                if (!heapOnlyReported)
                    diagnostics.Add(Locate(e, method, instruction));
                heapOnlyReported |= e.Text.StartsWith("StringBuilder builds", StringComparison.Ordinal);
                failed.Add(method.Name);
            }
            constrained = null;
        }
        return found;
    }

    public static bool IsCreateInstance(MethodDefinition def)
        => def.Name == "CreateInstance" && def.DeclaringType.FullName == "System.Activator";

    /// <summary>The parameterless constructor <c>new T()</c> runs (Activator.CreateInstance&lt;T&gt;), if T declares one.</summary>
    public MethodDesc? DefaultConstructor(TypeReference type)
    {
        var def = types.Resolve(type);
        if (!def.IsValueType)
            throw new CompilationException(DiagnosticCode.NewClass, DiagnosticMessages.NewTypeParameter(type.Name));
        var ctor = def.Methods.FirstOrDefault(m => m.IsConstructor && !m.IsStatic && m.Parameters.Count == 0);
        return ctor == null ? null : new MethodDesc(ctor, type, []);
    }

    /// <summary>Objects can be created only for exceptions (to be thrown) and value types.</summary>
    void CheckCreatable(TypeReference type)
    {
        if (types.IsDerivedFrom(type, "System.Delegate"))
            throw new CompilationException(DiagnosticCode.Delegate, DiagnosticMessages.Delegate);
        if (type is ArrayType)
            throw new CompilationException(DiagnosticCode.Array, DiagnosticMessages.Array);
        var def = types.Resolve(type);
        if (!def.IsValueType && !types.IsDerivedFrom(type, "System.Exception"))
            throw new CompilationException(DiagnosticCode.NewClass, DiagnosticMessages.NewClass(type.Name));
    }

    // ECMA-335 II.10.5.3.1: without beforefieldinit, calling any static method or constructor of
    // the type runs its type initializer first; with it, only static field accesses do.
    bool TriggersStaticConstructor(MethodDesc target) => TypeInitializers.CallTriggers(types, target);

    /// <summary>The order to run static constructors in before the entry point: a depth-first walk of
    /// the program in IL order, placing each type after the types its static constructor depends on,
    /// which follows the order in which a first execution would reach them.</summary>
    List<MethodDesc> StaticConstructorOrder(MethodDesc entryPoint, IEnumerable<MethodDesc> otherRoots)
    {
        var order = new List<MethodDesc>();
        var visitedMethods = new HashSet<string>();
        var visitedTypes = new HashSet<string>();

        void VisitMethod(MethodDesc method)
        {
            if (!visitedMethods.Add(method.Name))
                return;
            foreach (var e in EnsureScanned(method))
            {
                if (e is MethodDesc callee)
                    VisitMethod(callee);
                else if (e is TypeReference type && visitedTypes.Add(type.FullName))
                {
                    var cctor = StaticConstructor(type);
                    if (cctor != null)
                    {
                        VisitMethod(cctor);
                        order.Add(cctor);
                    }
                }
            }
        }

        VisitMethod(entryPoint);
        foreach (var root in otherRoots)
            VisitMethod(root);
        return order;
    }

    MethodDesc? StaticConstructor(TypeReference type)
    {
        var def = types.Resolve(type);
        var cctor = def.Methods.FirstOrDefault(m => m.IsConstructor && m.IsStatic);
        return cctor == null ? null : new MethodDesc(cctor, type, []);
    }
}

/// <summary>The whole program, as found by <see cref="DependencyAnalyzer"/>.</summary>
/// <param name="FailedMethods">Methods with errors: reported already, not to be compiled.</param>
/// <param name="StaticConstructors">Run before Main, in this order: those whose running cannot be observed.</param>
/// <param name="LazyStaticConstructors">Run at the first access to their type.</param>
public sealed record DependencyResult(IReadOnlyList<MethodDesc> Methods, IReadOnlyList<MethodDesc> StaticConstructors, IReadOnlyList<MethodDesc> LazyStaticConstructors, IReadOnlySet<string> FailedMethods);
