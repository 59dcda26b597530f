using System.Numerics;
using Mono.Cecil.Cil;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

public sealed partial class MethodCompiler
{
    enum BinaryOp { Add, Sub, Mul, Div, DivUn, Rem, RemUn, And, Or, Xor }

    enum Comparison { Eq, NeUn, Ge, GeUn, Gt, GtUn, Le, LeUn, Lt, LtUn }

    enum ConvTarget { I1, U1, I2, U2, I4, U4, I8, U8, I, U, R4, R8 }

    // ---- stack kind conversions ---------------------------------------------------------------

    /// <summary>Converts a stack value to another stack kind the way IL mixes them: int32 widens with
    /// sign extension, native int and pointers convert into each other, float widens to double.</summary>
    StackValue Coerce(StackValue value, StackKind target, bool unsigned = false)
    {
        if (value.Kind == target)
            return value;
        if (value.Text == "null" && target != StackKind.Ptr)
            value = value with { Kind = StackKind.NInt, Text = "0" };
        string t = Temp();
        string from = StackLlvmType(value.Kind);
        string to = StackLlvmType(target);
        switch (value.Kind, target)
        {
            case (StackKind.Struct, _):
            case (_, StackKind.Struct):
                throw new InvalidOperationException($"cannot use a value type as {target}");
            case (StackKind.F32, StackKind.F64):
                Emit($"{t} = fpext float {value.Text} to double");
                break;
            case (StackKind.F64, StackKind.F32):
                Emit($"{t} = fptrunc double {value.Text} to float");
                break;
            case (StackKind.Ptr, _) when target is StackKind.I32 or StackKind.I64 or StackKind.NInt:
                Emit($"{t} = ptrtoint ptr {value.Text} to {to}");
                break;
            case (_, StackKind.Ptr) when value.Kind is StackKind.I32 or StackKind.I64 or StackKind.NInt:
                {
                    var n = Coerce(value, StackKind.NInt, unsigned);
                    Emit($"{t} = inttoptr {Ptr} {n.Text} to ptr");
                    break;
                }
            case (StackKind.I32 or StackKind.I64 or StackKind.NInt, StackKind.I32 or StackKind.I64 or StackKind.NInt):
                {
                    int fromBits = IntBits(value.Kind), toBits = IntBits(target);
                    if (fromBits == toBits)
                        return value with { Kind = target };
                    Emit(fromBits < toBits
                        ? $"{t} = {(unsigned ? "zext" : "sext")} {from} {value.Text} to {to}"
                        : $"{t} = trunc {from} {value.Text} to {to}");
                    break;
                }
            default:
                throw new CompilationException(DiagnosticCode.Unsupported, $"cannot use a {value.Kind} value as {target}");
        }
        return new StackValue(target, t);
    }

    int IntBits(StackKind kind) => kind switch
    {
        StackKind.I32 => 32,
        StackKind.I64 => 64,
        StackKind.NInt => types.Target.PointerSize * 8,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The LLVM value of <paramref name="value"/> in the storage type of <paramref name="kind"/>.</summary>
    string ToStorage(StackValue value, ValueKind kind)
    {
        string t;
        switch (kind)
        {
            case ValueKind.Bool or ValueKind.I1 or ValueKind.U1:
                t = Temp();
                Emit($"{t} = trunc i32 {Coerce(value, StackKind.I32).Text} to i8");
                return t;
            case ValueKind.Char or ValueKind.I2 or ValueKind.U2:
                t = Temp();
                Emit($"{t} = trunc i32 {Coerce(value, StackKind.I32).Text} to i16");
                return t;
            case ValueKind.I4 or ValueKind.U4:
                return Coerce(value, StackKind.I32).Text;
            case ValueKind.I8 or ValueKind.U8:
                return Coerce(value, StackKind.I64, unsigned: kind == ValueKind.U8).Text;
            case ValueKind.NInt or ValueKind.NUInt:
                return Coerce(value, StackKind.NInt, unsigned: kind == ValueKind.NUInt).Text;
            case ValueKind.R4:
                return Coerce(value, StackKind.F32).Text;
            case ValueKind.R8:
                return Coerce(value, StackKind.F64).Text;
            case ValueKind.Pointer or ValueKind.ByRef or ValueKind.Object:
                return Coerce(value, StackKind.Ptr, unsigned: true).Text;
            default:
                throw new InvalidOperationException($"no storage form for {kind}");
        }
    }

    /// <summary>A loaded value of storage kind <paramref name="kind"/> as a stack value (small integers widened).</summary>
    StackValue FromStorage(string text, ValueKind kind)
    {
        switch (kind)
        {
            case ValueKind.Bool or ValueKind.U1 or ValueKind.I1 or ValueKind.Char or ValueKind.U2 or ValueKind.I2:
                {
                    string t = Temp();
                    string from = kind is ValueKind.Bool or ValueKind.U1 or ValueKind.I1 ? "i8" : "i16";
                    string ext = kind is ValueKind.I1 or ValueKind.I2 ? "sext" : "zext";
                    Emit($"{t} = {ext} {from} {text} to i32");
                    return new StackValue(StackKind.I32, t);
                }
            default:
                return new StackValue(StackKindOf(kind), text);
        }
    }

    // ---- binary operators ---------------------------------------------------------------------

    void Binary(BinaryOp op)
    {
        var b = Pop();
        var a = Pop();
        bool unsigned = op is BinaryOp.DivUn or BinaryOp.RemUn;

        // Pointer arithmetic: pointer ± integer stays a pointer (a byte-wise getelementptr, which keeps
        // LLVM's alias analysis informed); pointer - pointer is a native int.
        if (op == BinaryOp.Sub && a.Kind != StackKind.Ptr && b.Kind == StackKind.Ptr)
        {
            // integer - pointer (e.g. a pointer converted with conv.u minus another): plain integers.
            b = Coerce(b, StackKind.NInt);
        }
        if (op is BinaryOp.Add or BinaryOp.Sub && (a.Kind == StackKind.Ptr || b.Kind == StackKind.Ptr))
        {
            if (a.Kind == StackKind.Ptr && b.Kind == StackKind.Ptr)
            {
                if (op == BinaryOp.Add)
                    throw new CompilationException(DiagnosticCode.Unsupported, "adding two pointers is not supported");
                var ai = Coerce(a, StackKind.NInt);
                var bi = Coerce(b, StackKind.NInt);
                string d = Temp();
                Emit($"{d} = sub {Ptr} {ai.Text}, {bi.Text}");
                Push(StackKind.NInt, d);
                return;
            }
            var pointer = a.Kind == StackKind.Ptr ? a : b;
            var offset = Coerce(a.Kind == StackKind.Ptr ? b : a, StackKind.NInt);
            string index = offset.Text;
            if (op == BinaryOp.Sub)
            {
                index = Temp();
                Emit($"{index} = sub {Ptr} 0, {offset.Text}");
            }
            string r = Temp();
            Emit($"{r} = getelementptr i8, ptr {pointer.Text}, {Ptr} {index}");
            Push(StackKind.Ptr, r);
            return;
        }

        var kind = BinaryResultKind(a.Kind, b.Kind);
        a = Coerce(a, kind, unsigned);
        b = Coerce(b, kind, unsigned);
        string type = StackLlvmType(kind);
        string result = Temp();
        if (kind is StackKind.F32 or StackKind.F64)
        {
            string instr = op switch
            {
                BinaryOp.Add => "fadd",
                BinaryOp.Sub => "fsub",
                BinaryOp.Mul => "fmul",
                BinaryOp.Div => "fdiv",
                BinaryOp.Rem => "frem",
                _ => throw new CompilationException(DiagnosticCode.Unsupported, $"'{op}' is not defined on floating-point values"),
            };
            Emit($"{result} = {instr} {type} {a.Text}, {b.Text}");
            Push(kind, result);
            return;
        }

        if (op is BinaryOp.Div or BinaryOp.DivUn or BinaryOp.Rem or BinaryOp.RemUn)
            CheckDivision(type, a.Text, b.Text, signed: !unsigned);
        string opcode = op switch
        {
            BinaryOp.Add => "add",
            BinaryOp.Sub => "sub",
            BinaryOp.Mul => "mul",
            BinaryOp.Div => "sdiv",
            BinaryOp.DivUn => "udiv",
            BinaryOp.Rem => "srem",
            BinaryOp.RemUn => "urem",
            BinaryOp.And => "and",
            BinaryOp.Or => "or",
            _ => "xor",
        };
        Emit($"{result} = {opcode} {type} {a.Text}, {b.Text}");
        Push(kind, result);
    }

    StackKind BinaryResultKind(StackKind a, StackKind b)
    {
        if (a == b)
            return a == StackKind.Ptr ? StackKind.NInt : a;
        if (a is StackKind.F32 or StackKind.F64 && b is StackKind.F32 or StackKind.F64)
            return StackKind.F64;
        if (a is StackKind.I64 || b is StackKind.I64)
            return StackKind.I64;
        if (a is StackKind.NInt or StackKind.Ptr || b is StackKind.NInt or StackKind.Ptr)
            return StackKind.NInt;
        throw new CompilationException(DiagnosticCode.Unsupported, $"an operation mixes {a} and {b} values");
    }

    /// <summary>Division by zero throws DivideByZeroException; MinValue / -1 (and % -1) throws
    /// OverflowException, as on CoreCLR. Constant divisors that cannot trigger either need no check.</summary>
    void CheckDivision(string type, string dividend, string divisor, bool signed)
    {
        bool constant = long.TryParse(divisor, out long c);
        if (!constant || c == 0)
        {
            string isZero = Temp();
            Emit($"{isZero} = icmp eq {type} {divisor}, 0");
            ThrowIf(isZero, "ThrowDivideByZeroException");
        }
        if (signed && (!constant || c == -1))
        {
            int bits = type == "i32" ? 32 : type == "i64" ? 64 : types.Target.PointerSize * 8;
            string min = (-(BigInteger.One << (bits - 1))).ToString();
            string isMinusOne = Temp(), isMin = Temp(), both = Temp();
            Emit($"{isMinusOne} = icmp eq {type} {divisor}, -1");
            Emit($"{isMin} = icmp eq {type} {dividend}, {min}");
            Emit($"{both} = and i1 {isMinusOne}, {isMin}");
            ThrowIf(both, "ThrowOverflowException");
        }
    }

    readonly HashSet<string> throwBlocks = [];

    /// <summary>Branches to a block that calls the given ThrowHelpers method when <paramref name="condition"/> holds.</summary>
    void ThrowIf(string condition, string helper)
    {
        string label = "throw." + helper;
        if (throwBlocks.Add(label))
        {
            var target = cg.Helper(CodeGenContext.ThrowHelpersType, helper);
            cg.AssertReachable(target);
            trailer.Append($"{label}:\n  call void {cg.FunctionName(target)}(){DebugSuffix(debugEntryLocation)}\n  unreachable\n");
        }
        string next = $"ok{nextTemp++}";
        Emit($"br i1 {condition}, label %{label}, label %{next}");
        body.Append($"{next}:\n");
    }

    void CheckedBinary(string op)
    {
        var b = Pop();
        var a = Pop();
        bool unsigned = op.StartsWith('u');
        if (a.Kind == StackKind.Ptr)
            a = Coerce(a, StackKind.NInt);
        if (b.Kind == StackKind.Ptr)
            b = Coerce(b, StackKind.NInt);
        var kind = BinaryResultKind(a.Kind, b.Kind);
        if (kind is StackKind.F32 or StackKind.F64)
        {
            // add.ovf is not defined on floats; C# never emits it for them.
            throw new CompilationException(DiagnosticCode.Unsupported, "checked floating-point arithmetic is not supported");
        }
        a = Coerce(a, kind, unsigned);
        b = Coerce(b, kind, unsigned);
        string type = StackLlvmType(kind);
        string pair = Temp(), value = Temp(), overflow = Temp();
        string intrinsic = $"llvm.{op}.with.overflow.{type}";
        cg.Module.Declare(intrinsic, $"declare {{{type}, i1}} @{intrinsic}({type}, {type})");
        Emit($"{pair} = call {{{type}, i1}} @{intrinsic}({type} {a.Text}, {type} {b.Text})");
        Emit($"{value} = extractvalue {{{type}, i1}} {pair}, 0");
        Emit($"{overflow} = extractvalue {{{type}, i1}} {pair}, 1");
        ThrowIf(overflow, "ThrowOverflowException");
        Push(kind, value);
    }

    void Shift(string opcode)
    {
        var amount = Pop();
        var value = Pop();
        if (value.Kind == StackKind.Ptr)
            value = Coerce(value, StackKind.NInt);
        string type = StackLlvmType(value.Kind);
        int bits = IntBits(value.Kind);
        // IL leaves counts >= the width unspecified and LLVM makes them poison; C# masks the count.
        var count = Coerce(amount, value.Kind, unsigned: true);
        string masked = Temp(), result = Temp();
        Emit($"{masked} = and {type} {count.Text}, {bits - 1}");
        Emit($"{result} = {opcode} {type} {value.Text}, {masked}");
        Push(value.Kind, result);
    }

    void Negate()
    {
        var value = Pop();
        string result = Temp();
        if (value.Kind is StackKind.F32 or StackKind.F64)
            Emit($"{result} = fneg {StackLlvmType(value.Kind)} {value.Text}");
        else
        {
            if (value.Kind == StackKind.Ptr)
                value = Coerce(value, StackKind.NInt);
            Emit($"{result} = sub {StackLlvmType(value.Kind)} 0, {value.Text}");
        }
        Push(value.Kind, result);
    }

    void Not()
    {
        var value = Pop();
        if (value.Kind == StackKind.Ptr)
            value = Coerce(value, StackKind.NInt);
        string result = Temp();
        Emit($"{result} = xor {StackLlvmType(value.Kind)} {value.Text}, -1");
        Push(value.Kind, result);
    }

    // ---- comparisons --------------------------------------------------------------------------

    /// <summary>Emits the comparison and returns its i1 result.</summary>
    string CompareValues(Comparison comparison, StackValue a, StackValue b)
    {
        string result = Temp();
        if (a.Kind is StackKind.F32 or StackKind.F64 || b.Kind is StackKind.F32 or StackKind.F64)
        {
            var kind = a.Kind == b.Kind ? a.Kind : StackKind.F64;
            a = Coerce(a, kind);
            b = Coerce(b, kind);
            // The .un forms of IL comparisons are true for unordered operands (NaN).
            string predicate = comparison switch
            {
                Comparison.Eq => "oeq",
                Comparison.NeUn => "une",
                Comparison.Ge => "oge",
                Comparison.GeUn => "uge",
                Comparison.Gt => "ogt",
                Comparison.GtUn => "ugt",
                Comparison.Le => "ole",
                Comparison.LeUn => "ule",
                Comparison.Lt => "olt",
                _ => "ult",
            };
            Emit($"{result} = fcmp {predicate} {StackLlvmType(kind)} {a.Text}, {b.Text}");
            return result;
        }
        StackKind common;
        if (a.Kind == StackKind.Ptr && b.Kind == StackKind.Ptr)
            common = StackKind.Ptr;
        else if (a.Kind == StackKind.Ptr || b.Kind == StackKind.Ptr)
            common = StackKind.NInt;
        else
            common = BinaryResultKind(a.Kind, b.Kind);
        bool unsigned = comparison is Comparison.GeUn or Comparison.GtUn or Comparison.LeUn or Comparison.LtUn;
        a = Coerce(a, common, unsigned);
        b = Coerce(b, common, unsigned);
        string ipred = comparison switch
        {
            Comparison.Eq => "eq",
            Comparison.NeUn => "ne",
            Comparison.Ge => "sge",
            Comparison.GeUn => "uge",
            Comparison.Gt => "sgt",
            Comparison.GtUn => "ugt",
            Comparison.Le => "sle",
            Comparison.LeUn => "ule",
            Comparison.Lt => "slt",
            _ => "ult",
        };
        Emit($"{result} = icmp {ipred} {StackLlvmType(common)} {a.Text}, {b.Text}");
        return result;
    }

    void Compare(Comparison comparison)
    {
        var b = Pop();
        var a = Pop();
        string flag = CompareValues(comparison, a, b);
        string result = Temp();
        Emit($"{result} = zext i1 {flag} to i32");
        Push(StackKind.I32, result);
    }

    void CompareAndBranch(Comparison comparison, Instruction instruction)
    {
        var b = Pop();
        var a = Pop();
        string flag = CompareValues(comparison, a, b);
        ConditionalBranch(flag, (Instruction)instruction.Operand, instruction.Next);
    }

    /// <summary>An i1 that is true when <paramref name="value"/> is zero (or non-zero, when <paramref name="zero"/> is false).</summary>
    string IsZero(StackValue value, bool zero)
    {
        string result = Temp();
        string predicate = zero ? "eq" : "ne";
        switch (value.Kind)
        {
            case StackKind.Ptr:
                Emit($"{result} = icmp {predicate} ptr {value.Text}, null");
                break;
            case StackKind.F32 or StackKind.F64:
                Emit($"{result} = fcmp {(zero ? "oeq" : "une")} {StackLlvmType(value.Kind)} {value.Text}, 0.0");
                break;
            default:
                Emit($"{result} = icmp {predicate} {StackLlvmType(value.Kind)} {value.Text}, 0");
                break;
        }
        return result;
    }

    void CheckFinite()
    {
        throw new CompilationException(DiagnosticCode.Unsupported, "the IL instruction 'ckfinite' is not supported");
    }

    // ---- conversions --------------------------------------------------------------------------

    (BigInteger Min, BigInteger Max, int Bits, bool Signed) Range(ConvTarget target)
    {
        int nbits = types.Target.PointerSize * 8;
        return target switch
        {
            ConvTarget.I1 => (-128, 127, 8, true),
            ConvTarget.U1 => (0, 255, 8, false),
            ConvTarget.I2 => (-32768, 32767, 16, true),
            ConvTarget.U2 => (0, 65535, 16, false),
            ConvTarget.I4 => (int.MinValue, int.MaxValue, 32, true),
            ConvTarget.U4 => (0, uint.MaxValue, 32, false),
            ConvTarget.I8 => (long.MinValue, long.MaxValue, 64, true),
            ConvTarget.U8 => (0, ulong.MaxValue, 64, false),
            ConvTarget.I => (-(BigInteger.One << (nbits - 1)), (BigInteger.One << (nbits - 1)) - 1, nbits, true),
            ConvTarget.U => (0, (BigInteger.One << nbits) - 1, nbits, false),
            _ => throw new InvalidOperationException(),
        };
    }

    StackKind ConvResultKind(ConvTarget target) => target switch
    {
        ConvTarget.I8 or ConvTarget.U8 => StackKind.I64,
        ConvTarget.I or ConvTarget.U => StackKind.NInt,
        ConvTarget.R4 => StackKind.F32,
        ConvTarget.R8 => StackKind.F64,
        _ => StackKind.I32,
    };

    /// <summary>conv.*, conv.ovf.* and conv.r.un (ECMA-335 III.3.27-3.29). Unchecked float-to-integer
    /// conversions saturate as CoreCLR does since .NET 9 (NaN gives 0); to 8- and 16-bit types they
    /// saturate to int32 first and then truncate, as CoreCLR does.</summary>
    void Convert(ConvTarget target, bool checkOverflow, bool unsignedSource)
    {
        var value = Pop();
        var resultKind = ConvResultKind(target);

        if (target is ConvTarget.R4 or ConvTarget.R8)
        {
            string fty = target == ConvTarget.R4 ? "float" : "double";
            if (value.Kind is StackKind.F32 or StackKind.F64)
            {
                Push(Coerce(value, resultKind));
                return;
            }
            if (value.Kind == StackKind.Ptr)
                value = Coerce(value, StackKind.NInt);
            string r = Temp();
            Emit($"{r} = {(unsignedSource ? "uitofp" : "sitofp")} {StackLlvmType(value.Kind)} {value.Text} to {fty}");
            Push(resultKind, r);
            return;
        }

        var (min, max, bits, signed) = Range(target);
        if (value.Kind is StackKind.F32 or StackKind.F64)
        {
            ConvertFromFloat(value, target, checkOverflow, resultKind, min, max, bits, signed);
            return;
        }

        if (value.Kind == StackKind.Ptr)
            value = Coerce(value, StackKind.NInt);
        int sourceBits = IntBits(value.Kind);
        string stype = StackLlvmType(value.Kind);
        if (checkOverflow)
        {
            // The source's own range, as signed or unsigned as the instruction says.
            BigInteger srcMin = unsignedSource ? 0 : -(BigInteger.One << (sourceBits - 1));
            BigInteger srcMax = unsignedSource ? (BigInteger.One << sourceBits) - 1 : (BigInteger.One << (sourceBits - 1)) - 1;
            if (min > srcMin)
            {
                string below = Temp();
                Emit($"{below} = icmp {(unsignedSource ? "ult" : "slt")} {stype} {value.Text}, {min}");
                ThrowIf(below, "ThrowOverflowException");
            }
            if (max < srcMax)
            {
                string above = Temp();
                Emit($"{above} = icmp {(unsignedSource ? "ugt" : "sgt")} {stype} {value.Text}, {max}");
                ThrowIf(above, "ThrowOverflowException");
            }
        }

        // Narrow to the target width, then widen to the stack kind of the result.
        string narrowed = value.Text;
        string narrowType = stype;
        if (bits < sourceBits)
        {
            narrowed = Temp();
            narrowType = $"i{bits}";
            Emit($"{narrowed} = trunc {stype} {value.Text} to {narrowType}");
        }
        int resultBits = IntBits(resultKind);
        int currentBits = Math.Min(bits, sourceBits);
        if (currentBits == resultBits)
        {
            Push(resultKind, narrowed);
            return;
        }
        string widened = Temp();
        if (currentBits < resultBits)
        {
            // Narrow results extend by their own signedness; widening conversions (conv.i8 of an int32)
            // by the signedness the instruction names.
            bool signExtend = bits < sourceBits ? signed : signed && !unsignedSource;
            if (bits >= sourceBits && !checkOverflow)
                signExtend = signed;
            Emit($"{widened} = {(signExtend ? "sext" : "zext")} {narrowType} {narrowed} to {StackLlvmType(resultKind)}");
        }
        else
            Emit($"{widened} = trunc {narrowType} {narrowed} to {StackLlvmType(resultKind)}");
        Push(resultKind, widened);
    }

    void ConvertFromFloat(StackValue value, ConvTarget target, bool checkOverflow, StackKind resultKind, BigInteger min, BigInteger max, int bits, bool signed)
    {
        string ftype = StackLlvmType(value.Kind);
        if (checkOverflow)
        {
            // In range when min - 1 < value < max + 1 (NaN fails both comparisons).
            var d = Coerce(value, StackKind.F64);
            double lower = (double)(min - 1);
            double upper = (double)(max + 1);
            string lowOk = Temp(), highOk = Temp(), ok = Temp(), bad = Temp();
            Emit(lower == (double)min
                ? $"{lowOk} = fcmp oge double {d.Text}, {LlvmText.Double((double)min)}"
                : $"{lowOk} = fcmp ogt double {d.Text}, {LlvmText.Double(lower)}");
            Emit($"{highOk} = fcmp olt double {d.Text}, {LlvmText.Double(upper)}");
            Emit($"{ok} = and i1 {lowOk}, {highOk}");
            Emit($"{bad} = xor i1 {ok}, true");
            ThrowIf(bad, "ThrowOverflowException");
            string exact = Temp();
            Emit($"{exact} = {(signed ? "fptosi" : "fptoui")} {ftype} {value.Text} to i{bits}");
            ExtendTo(exact, bits, signed, resultKind);
            return;
        }
        // Saturating, as CoreCLR: 8- and 16-bit targets go through int32.
        int satBits = bits < 32 ? 32 : bits;
        bool satSigned = bits < 32 || signed;
        string intrinsic = $"llvm.{(satSigned ? "fptosi" : "fptoui")}.sat.i{satBits}.{(ftype == "float" ? "f32" : "f64")}";
        cg.Module.Declare(intrinsic, $"declare i{satBits} @{intrinsic}({ftype})");
        string sat = Temp();
        Emit($"{sat} = call i{satBits} @{intrinsic}({ftype} {value.Text})");
        if (bits < 32)
        {
            string narrow = Temp();
            Emit($"{narrow} = trunc i32 {sat} to i{bits}");
            ExtendTo(narrow, bits, signed, resultKind);
        }
        else
            ExtendTo(sat, bits, signed, resultKind);
    }

    void ExtendTo(string value, int bits, bool signed, StackKind resultKind)
    {
        int resultBits = IntBits(resultKind);
        if (bits == resultBits)
        {
            Push(resultKind, value);
            return;
        }
        string r = Temp();
        Emit(bits < resultBits
            ? $"{r} = {(signed ? "sext" : "zext")} i{bits} {value} to {StackLlvmType(resultKind)}"
            : $"{r} = trunc i{bits} {value} to {StackLlvmType(resultKind)}");
        Push(resultKind, r);
    }
}
