using Mono.Cecil;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

public sealed partial class MethodCompiler
{
    /// <summary><c>System.Threading.Interlocked</c>: LLVM atomics with sequentially consistent ordering, which the
    /// RISC-V back end turns into A-extension AMOs (<c>amoadd.w.aqrl</c>...) and LR/SC loops for compare-and-swap;
    /// 64-bit ones on rv32 become <c>__atomic_*_8</c> calls (AtomicHelpers in the core library).</summary>
    void CompileInterlocked(MethodDesc target, string name)
    {
        if (name == "MemoryBarrier")
        {
            Emit("fence seq_cst");
            return;
        }

        var elementType = ((ByReferenceType)target.ParameterType(0)).ElementType;
        var kind = types.Classify(elementType);
        if (kind is not (ValueKind.I4 or ValueKind.U4 or ValueKind.I8 or ValueKind.U8 or ValueKind.NInt or ValueKind.NUInt))
            throw new CompilationException(DiagnosticCode.Unsupported, $"'Interlocked.{name}' on a '{elementType.FullName}' is not supported: use int, uint, long, ulong, nint or nuint");
        var stackKind = StackKindOf(kind);
        string type = types.LlvmType(kind);
        int align = types.SizeOf(elementType);
        string result = Temp();
        switch (name)
        {
            case "Read":
                {
                    var address = Coerce(Pop(), StackKind.Ptr);
                    Emit($"{result} = load atomic {type}, ptr {address.Text} seq_cst, align {align}");
                    break;
                }

            case "CompareExchange":
                {
                    var comparand = Coerce(Pop(), stackKind);
                    var value = Coerce(Pop(), stackKind);
                    var address = Coerce(Pop(), StackKind.Ptr);
                    string pair = Temp();
                    Emit($"{pair} = cmpxchg ptr {address.Text}, {type} {comparand.Text}, {type} {value.Text} seq_cst seq_cst, align {align}");
                    Emit($"{result} = extractvalue {{ {type}, i1 }} {pair}, 0");
                    break;
                }

            case "Exchange":
            case "And":
            case "Or":
            case "Add":
                {
                    var value = Coerce(Pop(), stackKind);
                    var address = Coerce(Pop(), StackKind.Ptr);
                    string op = name switch { "Exchange" => "xchg", "And" => "and", "Or" => "or", _ => "add" };
                    Emit($"{result} = atomicrmw {op} ptr {address.Text}, {type} {value.Text} seq_cst, align {align}");
                    if (name == "Add")
                    {
                        // Interlocked.Add returns the new value; atomicrmw the old one.
                        string sum = Temp();
                        Emit($"{sum} = add {type} {result}, {value.Text}");
                        result = sum;
                    }

                    break;
                }

            case "Increment":
            case "Decrement":
                {
                    var address = Coerce(Pop(), StackKind.Ptr);
                    string delta = name == "Increment" ? "1" : "-1";
                    string old = Temp();
                    Emit($"{old} = atomicrmw add ptr {address.Text}, {type} {delta} seq_cst, align {align}");
                    Emit($"{result} = add {type} {old}, {delta}");
                    break;
                }

            default:
                throw new CompilationException(DiagnosticCode.Unsupported, $"'Interlocked.{name}' is not supported by this compiler");
        }

        Push(stackKind, result);
    }
}
