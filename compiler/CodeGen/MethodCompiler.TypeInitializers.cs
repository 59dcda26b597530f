using Mono.Cecil;
using Rvc.Analysis;

namespace Rvc.CodeGen;

public sealed partial class MethodCompiler
{
    /// <summary>Before a first access to <paramref name="type"/> (see <see cref="TypeInitializers"/>): when its static
    /// constructor runs lazily and has not run yet, run it now, through the type's trigger function.</summary>
    void EnsureTypeInitialized(TypeReference type)
    {
        if (!cg.LazyStaticConstructors.TryGetValue(type.FullName, out var cctor) || cctor.Name == method.Name)
            return;
        var helper = cg.Helper(CodeGenContext.StartupHelpersType, "RunTypeInitializer");
        cg.AssertReachable(helper);
        cg.AssertReachable(cctor);
        string state = cg.Module.TypeInitializerTrigger(type.FullName, cg.FunctionName(cctor), cg.FunctionName(helper), TypeInitializers.Message(type), out string trigger);
        string flag = Temp(), pending = Temp();
        int id = nextTemp++;
        Emit($"{flag} = load i8, ptr {state}");
        Emit($"{pending} = icmp eq i8 {flag}, 0");
        Terminate($"br i1 {pending}, label %cctor{id}, label %cctor{id}.done");
        trailer.Append($"cctor{id}:\n");
        trailer.Append($"  call void {trigger}(){DebugSuffix(debugLocation)}\n");
        trailer.Append($"  br label %cctor{id}.done\n");
        body.Append($"cctor{id}.done:\n");
        blockTerminated = false;
    }
}
