using Rvc.Analysis;
using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.CodeGen;

public sealed partial class MethodCompiler
{
    /// <summary>System.Enum's metadata intrinsics (see <see cref="EnumFormatting"/>): the enum's constants as two
    /// constant tables, values and names, and its [Flags] and signedness as constants.</summary>
    void CompileEnumIntrinsic(MethodDesc target, string name)
    {
        var enumType = target.MethodArguments[0];
        var constants = EnumFormatting.Constants(types, enumType);
        switch (name)
        {
            case "EnumNameCount":
                Push(StackKind.I32, constants.Count.ToString());
                return;
            case "EnumIsFlags":
                Push(StackKind.I32, EnumFormatting.IsFlags(types, enumType) ? "1" : "0");
                return;
            case "EnumIsSigned":
                Push(StackKind.I32, EnumFormatting.IsSigned(types, enumType) ? "1" : "0");
                return;
            case "EnumValueAt":
            case "EnumNameAt":
                {
                    var index = Coerce(Pop(), StackKind.NInt);
                    bool values = name == "EnumValueAt";
                    string element = values ? "i64" : "ptr";
                    if (constants.Count == 0)
                    {
                        Push(values ? new StackValue(StackKind.I64, "0") : new StackValue(StackKind.Ptr, "null", types.WellKnown("System", "String")));
                        return;
                    }

                    var items = constants.Select(c => values ? $"i64 {unchecked((long)c.Value)}" : $"ptr {cg.Module.StringLiteral(c.Name)}");
                    string table = cg.Module.ConstantTable($"ENUM{(values ? "V" : "N")}:{enumType.FullName}", element, items.ToList());
                    string address = Temp(), value = Temp();
                    Emit($"{address} = getelementptr inbounds {element}, ptr {table}, {Ptr} {index.Text}");
                    Emit($"{value} = load {element}, ptr {address}");
                    Push(values ? new StackValue(StackKind.I64, value) : new StackValue(StackKind.Ptr, value, types.WellKnown("System", "String")));
                    return;
                }
        }

        throw new CompilationException(DiagnosticCode.Unsupported, $"'Enum.{name}' is not supported by this compiler");
    }
}
