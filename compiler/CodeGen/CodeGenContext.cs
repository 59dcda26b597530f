using Mono.Cecil;
using Rvc.Analysis;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

/// <summary>What every method compilation shares: the type system, the resolver, the module being
/// built, the set of methods the dependency analysis found, and the runtime helpers.</summary>
public sealed class CodeGenContext
{
    public TypeSystemContext Types { get; }
    public MethodResolver Resolver { get; }
    public ModuleBuilder Module { get; }
    readonly HashSet<string> reachable;

    public CodeGenContext(TypeSystemContext types, MethodResolver resolver, ModuleBuilder module, IEnumerable<MethodDesc> reachableMethods)
    {
        Types = types;
        Resolver = resolver;
        Module = module;
        reachable = reachableMethods.Select(m => m.Name).ToHashSet();
    }

    /// <summary>The static constructors that run at the first access to their type, by the type's full name.</summary>
    public IReadOnlyDictionary<string, MethodDesc> LazyStaticConstructors { get; init; } = new Dictionary<string, MethodDesc>();

    public const string ThrowHelpersType = "Internal.Runtime.CompilerHelpers.ThrowHelpers";
    public const string StartupHelpersType = "Internal.Runtime.CompilerHelpers.StartupHelpers";
    public const string ExceptionHelpersType = "Internal.Runtime.CompilerHelpers.ExceptionHelpers";

    /// <summary>The runtime helpers the generated code calls; they are roots of the dependency analysis.</summary>
    public static IEnumerable<MethodDesc> HelperRoots(TypeSystemContext types)
    {
        foreach (string typeName in new[] { ThrowHelpersType, StartupHelpersType, ExceptionHelpersType })
        {
            var type = types.CoreLibrary.GetType(typeName)
                ?? throw new CompilationException(DiagnosticCode.Program, $"the core library has no type {typeName}");
            foreach (var m in type.Methods.Where(m => m.IsStatic && m.HasBody && !m.HasGenericParameters && !m.IsConstructor))
                yield return new MethodDesc(m, type, []);
        }
    }

    public MethodDesc Helper(string typeName, string methodName)
    {
        var type = Types.CoreLibrary.GetType(typeName)
            ?? throw new CompilationException(DiagnosticCode.Program, $"the core library has no type {typeName}");
        var method = type.Methods.FirstOrDefault(m => m.Name == methodName)
            ?? throw new CompilationException(DiagnosticCode.Program, $"the core library has no method {typeName}.{methodName}");
        return new MethodDesc(method, type, []);
    }

    /// <summary>The symbol of a compiled method: its export name when it has one, its unique name otherwise.</summary>
    public string FunctionName(MethodDesc method)
    {
        string? export = ExportName(method.Definition);
        return LlvmText.Global(export ?? method.Name);
    }

    public static string? ExportName(MethodDefinition def)
    {
        foreach (var attribute in def.CustomAttributes)
        {
            if (attribute.AttributeType.FullName != "System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute")
                continue;
            foreach (var named in attribute.Fields)
            {
                if (named.Name == "EntryPoint" && named.Argument.Value is string name)
                    return name;
            }
        }
        return null;
    }

    public void AssertReachable(MethodDesc method)
    {
        if (!reachable.Contains(method.Name))
            throw new InvalidOperationException($"internal error: the dependency analysis did not find {method.Name}");
    }

    /// <summary>Declares a method implemented outside the program (<c>[DllImport("*")]</c>) and returns its symbol.</summary>
    public string DeclareImport(MethodDesc method)
    {
        var def = method.Definition;
        string name = def.PInvokeInfo?.EntryPoint ?? def.Name;
        var signature = FunctionSignature.Of(Types, method);
        if (signature.ReturnsStructByPointer || signature.ParameterKinds.Any(k => k == ValueKind.Struct))
            throw new CompilationException(DiagnosticCode.Unsupported, $"the imported function '{name}' passes a struct by value; pass a pointer instead");
        string symbol = LlvmText.Global(name);
        string returnAttributes = signature.ReturnAttributes.Length > 0 ? signature.ReturnAttributes + " " : "";
        Module.Declare(symbol, $"declare {returnAttributes}{signature.LlvmReturn} {symbol}({signature.LlvmParameters()}) #0");
        return symbol;
    }
}
