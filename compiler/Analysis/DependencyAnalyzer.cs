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

    public DependencyAnalyzer(TypeSystemContext types, MethodResolver resolver)
    {
        this.types = types;
        this.resolver = resolver;
    }

    public DependencyResult Analyze(MethodDesc entryPoint, IEnumerable<MethodDesc> otherRoots)
    {
        Add(entryPoint);
        foreach (var root in otherRoots)
            Add(root);
        DrainWorklist();
        var staticConstructors = StaticConstructorOrder(entryPoint, otherRoots);
        DrainWorklist();
        return new DependencyResult(methods.Values.ToList(), staticConstructors);
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
        TypeReference? constrained = null;
        foreach (var instruction in def.Body.Instructions)
        {
            try
            {
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
                        if (TriggersStaticConstructor(target))
                            found.Add(target.OwningType);
                        if (!IsIntrinsic(target.Definition) && !target.Definition.IsPInvokeImpl)
                        {
                            if (!target.Definition.HasBody)
                                throw new CompilationException(DiagnosticCode.Unsupported, $"'{target.Definition.FullName}' has no body to compile");
                            Add(target);
                            found.Add(target);
                        }
                        break;
                    }
                    case Code.Ldsfld:
                    case Code.Ldsflda:
                    case Code.Stsfld:
                    {
                        var field = (FieldReference)instruction.Operand;
                        found.Add(method.Context.Substitute(field.DeclaringType));
                        break;
                    }
                }
            }
            catch (CompilationException e)
            {
                throw e.At(def, instruction);
            }
            constrained = null;
        }
        return found;
    }

    bool TriggersStaticConstructor(MethodDesc target)
    {
        // ECMA-335 II.10.5.3.1: without beforefieldinit, calling any static method or constructor of
        // the type runs its type initializer first; with it, only static field accesses do.
        var owner = types.Resolve(target.OwningType);
        return !owner.IsBeforeFieldInit && (target.IsStatic || target.Definition.IsConstructor) && target.Definition.Name != ".cctor";
    }

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
public sealed record DependencyResult(IReadOnlyList<MethodDesc> Methods, IReadOnlyList<MethodDesc> StaticConstructors);
