using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Rvc.Diagnostics;

/// <summary>Maps IL offsets to C# source lines through the portable PDB's sequence points.</summary>
public static class SourceLocation
{
    /// <summary>The sequence point that covers <paramref name="instruction"/>: the last visible one at
    /// or before its offset, or the method's first one if none precedes it.</summary>
    public static SequencePoint? Find(MethodDefinition method, Instruction? instruction)
    {
        if (!method.DebugInformation.HasSequencePoints)
            return null;
        int offset = instruction?.Offset ?? 0;
        SequencePoint? best = null;
        foreach (SequencePoint point in method.DebugInformation.SequencePoints)
        {
            if (point.IsHidden)
                continue;
            if (point.Offset <= offset)
                best = point;
            else if (best == null)
                best = point;
        }
        return best;
    }
}
