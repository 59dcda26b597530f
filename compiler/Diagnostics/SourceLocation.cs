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
            return TypeDeclaration(method.DeclaringType);
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

    /// <summary>For a method the compiler generated (a record's ToString, PrintMembers...), which has no lines of
    /// its own: the first line of its type's constructors, i.e. the declaration of a record's parameters.</summary>
    static SequencePoint? TypeDeclaration(TypeDefinition type)
    {
        return type.Methods
            .Where(m => m.IsConstructor && m.DebugInformation.HasSequencePoints)
            .SelectMany(m => m.DebugInformation.SequencePoints)
            .Where(p => !p.IsHidden)
            .OrderBy(p => p.StartLine)
            .ThenBy(p => p.StartColumn)
            .FirstOrDefault();
    }
}
