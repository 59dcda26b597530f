using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Rvc.Diagnostics;

/// <summary>An error in the program being compiled (not in the compiler), with the place in the
/// C# source it comes from. The message is formatted as MSBuild expects:
/// <c>path(line,col): error RVC0001: message</c>.</summary>
public sealed class CompilationException : Exception
{
    public string Code { get; }
    public string Text { get; }
    public SequencePoint? Location { get; private set; }
    public MethodDefinition? Method { get; private set; }

    public CompilationException(string code, string text)
        : base(text)
    {
        Code = code;
        Text = text;
    }

    /// <summary>Attaches the source location of <paramref name="instruction"/> in <paramref name="method"/>,
    /// unless a location is already known.</summary>
    public CompilationException At(MethodDefinition method, Instruction? instruction)
    {
        if (Location != null || Method != null)
            return this;
        Method = method;
        Location = SourceLocation.Find(method, instruction);
        return this;
    }

    /// <summary>The diagnostic line in MSBuild's canonical error format.</summary>
    public string Format()
    {
        if (Location != null)
        {
            return $"{Location.Document.Url}({Location.StartLine},{Location.StartColumn}): error {Code}: {Text}";
        }
        string where = Method != null ? $" (in {Method.FullName})" : "";
        string file = Method?.Module.FileName ?? "rvc";
        return $"{file}: error {Code}: {Text}{where}";
    }
}
