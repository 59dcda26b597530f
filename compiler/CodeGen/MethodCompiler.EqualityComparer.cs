using Rvc.Analysis;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

public sealed partial class MethodCompiler
{
    /// <summary><c>EqualityComparer&lt;T&gt;.Default</c>, <c>Equals(T, T)</c> and <c>GetHashCode(T)</c> inline (see
    /// <see cref="EqualityComparerIntrinsics"/>). Hash codes are .NET's for each primitive.</summary>
    void CompileEqualityComparer(MethodDesc target, string name)
    {
        if (name == "get_Default")
        {
            // No comparer object: the members below ignore it.
            Push(StackKind.Ptr, "null");
            return;
        }

        var type = EqualityComparerIntrinsics.ElementType(target);
        var kind = types.Classify(type);
        bool equals = name == "Equals";
        if (!equals && name != "GetHashCode")
            throw new CompilationException(DiagnosticCode.Unsupported, $"'EqualityComparer<T>.{name}' is not supported by this compiler");
        var second = equals ? Pop() : null;
        var first = Pop();
        Pop(); // the comparer
        var callee = EqualityComparerIntrinsics.Callee(types, type, equals);
        if (callee != null)
        {
            cg.AssertReachable(callee);
            var signature = FunctionSignature.Of(types, callee);
            var args = new List<StackValue> { first.Kind == StackKind.Struct ? new StackValue(StackKind.Ptr, first.Text) : first };
            if (second != null)
                args.Add(second);
            EmitCall(cg.FunctionName(callee), signature, args);
            return;
        }

        var stackKind = StackKindOf(kind);
        string llvmType = StackLlvmType(stackKind);
        var x = Coerce(first, stackKind);
        string result = Temp();
        if (equals)
        {
            var y = Coerce(second!, stackKind);
            string same = Temp();
            if (kind.IsFloat())
            {
                // double.Equals: NaN equals NaN.
                string xNaN = Temp(), yNaN = Temp(), bothNaN = Temp(), either = Temp();
                Emit($"{same} = fcmp oeq {llvmType} {x.Text}, {y.Text}");
                Emit($"{xNaN} = fcmp uno {llvmType} {x.Text}, {x.Text}");
                Emit($"{yNaN} = fcmp uno {llvmType} {y.Text}, {y.Text}");
                Emit($"{bothNaN} = and i1 {xNaN}, {yNaN}");
                Emit($"{either} = or i1 {same}, {bothNaN}");
                same = either;
            }
            else
                Emit($"{same} = icmp eq {llvmType} {x.Text}, {y.Text}");
            Emit($"{result} = zext i1 {same} to i32");
            Push(StackKind.I32, result);
            return;
        }

        Push(StackKind.I32, HashCode(kind, x));
    }

    /// <summary>The GetHashCode of a primitive value, as .NET computes it.</summary>
    string HashCode(ValueKind kind, StackValue value)
    {
        string v = value.Text;
        switch (kind)
        {
            case ValueKind.Char:
                {
                    string masked = Temp(), shifted = Temp(), result = Temp();
                    Emit($"{masked} = and i32 {v}, 65535");
                    Emit($"{shifted} = shl i32 {masked}, 16");
                    Emit($"{result} = or i32 {masked}, {shifted}");
                    return result;
                }

            case ValueKind.I8 or ValueKind.U8:
                return FoldHalves(v);
            case ValueKind.NInt or ValueKind.NUInt:
                if (types.Target.PointerSize == 4)
                    return v;
                return FoldHalves(v);
            case ValueKind.R8:
                {
                    // NaN and both zeros hash alike (their bits masked to the exponent), then the halves folded.
                    string bits = Temp(), less = Temp(), low = Temp(), special = Temp(), masked = Temp(), chosen = Temp();
                    Emit($"{bits} = bitcast double {v} to i64");
                    Emit($"{less} = sub i64 {bits}, 1");
                    Emit($"{low} = and i64 {less}, 9223372036854775807");
                    Emit($"{special} = icmp uge i64 {low}, 9218868437227405312");
                    Emit($"{masked} = and i64 {bits}, 9218868437227405312");
                    Emit($"{chosen} = select i1 {special}, i64 {masked}, i64 {bits}");
                    return FoldHalves(chosen);
                }

            case ValueKind.R4:
                {
                    string bits = Temp(), less = Temp(), low = Temp(), special = Temp(), masked = Temp(), chosen = Temp();
                    Emit($"{bits} = bitcast float {v} to i32");
                    Emit($"{less} = sub i32 {bits}, 1");
                    Emit($"{low} = and i32 {less}, 2147483647");
                    Emit($"{special} = icmp uge i32 {low}, 2139095040");
                    Emit($"{masked} = and i32 {bits}, 2139095040");
                    Emit($"{chosen} = select i1 {special}, i32 {masked}, i32 {bits}");
                    return chosen;
                }

            default:
                // bool, sbyte, byte, short, ushort, int, uint: the value as an int (already widened on the stack).
                return v;
        }
    }

    /// <summary>(int)v ^ (int)(v >> 32), .NET's hash of a 64-bit integer.</summary>
    string FoldHalves(string v)
    {
        string low = Temp(), shifted = Temp(), high = Temp(), result = Temp();
        Emit($"{low} = trunc i64 {v} to i32");
        Emit($"{shifted} = lshr i64 {v}, 32");
        Emit($"{high} = trunc i64 {shifted} to i32");
        Emit($"{result} = xor i32 {low}, {high}");
        return result;
    }
}
