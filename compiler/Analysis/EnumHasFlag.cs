using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Rvc.Analysis;

/// <summary>
/// <c>e.HasFlag(f)</c> on an enum compiles to <c>box E; (f) box E; call Enum::HasFlag</c>. As the JIT does, the
/// compiler recognises the pattern and boxes nothing: the two boxes leave the values as they are, and the call
/// becomes <c>(e &amp; f) == f</c>.
/// </summary>
public static class EnumHasFlag
{
    /// <summary>Whether the <c>box</c> at <paramref name="box"/> is one of the two operands of a following
    /// <c>Enum.HasFlag</c> call in the same straight-line code.</summary>
    public static bool IsOperand(Instruction box)
    {
        int boxes = 0;
        for (var i = box; i != null; i = i.Next)
        {
            if (i.OpCode.Code == Code.Box)
            {
                if (++boxes > 2)
                    return false;
            }
            else if (i.OpCode.Code is Code.Call or Code.Callvirt && i.Operand is MethodReference m && m.Name == "HasFlag" && m.DeclaringType.FullName == "System.Enum")
                return true;
            if (i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
                return false;
        }

        return false;
    }
}
