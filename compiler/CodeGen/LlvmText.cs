using System.Globalization;
using System.Text;

namespace Rvc.CodeGen;

/// <summary>Helpers to spell names and constants in LLVM's textual IR.</summary>
public static class LlvmText
{
    /// <summary>A global symbol: <c>@name</c> when the name is a plain identifier, <c>@"…"</c> otherwise.</summary>
    public static string Global(string name) => "@" + Identifier(name);

    public static string Identifier(string name)
    {
        bool plain = name.Length > 0 && !char.IsDigit(name[0]) &&
                     name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$');
        return plain ? name : Quote(name);
    }

    /// <summary>A quoted LLVM string: printable ASCII kept, everything else as <c>\XX</c>.</summary>
    public static string Quote(string text) => "\"" + Escape(Encoding.UTF8.GetBytes(text)) + "\"";

    public static string Escape(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\')
                sb.Append((char)b);
            else
                sb.Append('\\').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>A floating-point constant, spelled as the bits of a double (exact for both float and double).</summary>
    public static string Double(double value)
        => "0x" + BitConverter.DoubleToInt64Bits(value).ToString("X16", CultureInfo.InvariantCulture);
}
