// A small state machine: a tokenizer for a command language over UTF-8 bytes (identifiers, integers with
// signs and hex, quoted strings with escapes, operators, comments), driven by an enum state and a switch.
using System;

enum State : byte { Start, Ident, Number, HexNumber, Str, StrEscape, Comment, Error }

enum TokenKind { Ident, Number, Str, Op, Error }

class Program
{
    static int s_tokens;

    static void Emit(TokenKind kind, ReadOnlySpan<byte> text, long value)
    {
        s_tokens++;
        switch (kind)
        {
            case TokenKind.Ident: Console.Write("ident:"); break;
            case TokenKind.Number: Console.Write("num:"); break;
            case TokenKind.Str: Console.Write("str:"); break;
            case TokenKind.Op: Console.Write("op:"); break;
            default: Console.Write("error:"); break;
        }
        if (kind == TokenKind.Number) Console.Write(value);
        else foreach (byte b in text) Console.Write((char)b);
        Console.WriteLine();
    }

    static bool IsAlpha(byte c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    static bool IsDigit(byte c) => c >= '0' && c <= '9';
    static int HexValue(byte c) => IsDigit(c) ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;

    static void Tokenize(ReadOnlySpan<byte> input)
    {
        State state = State.Start;
        int start = 0;
        long value = 0;
        Span<byte> str = stackalloc byte[64];
        int strLen = 0;
        for (int i = 0; i <= input.Length; i++)
        {
            byte c = i < input.Length ? input[i] : (byte)0;
            switch (state)
            {
                case State.Start:
                    start = i;
                    if (c == 0) break;
                    if (c == ' ' || c == '\n' || c == '\t') break;
                    if (IsAlpha(c)) state = State.Ident;
                    else if (IsDigit(c))
                    {
                        if (c == '0' && i + 1 < input.Length && input[i + 1] == 'x') { state = State.HexNumber; value = 0; i++; }
                        else { state = State.Number; value = c - '0'; }
                    }
                    else if (c == '"') { state = State.Str; strLen = 0; }
                    else if (c == '#') state = State.Comment;
                    else if (c == '=' || c == '+' || c == '-' || c == ';' || c == '(' || c == ')') Emit(TokenKind.Op, input.Slice(i, 1), 0);
                    else { Emit(TokenKind.Error, input.Slice(i, 1), 0); }
                    break;
                case State.Ident:
                    if (IsAlpha(c) || IsDigit(c)) break;
                    Emit(TokenKind.Ident, input.Slice(start, i - start), 0);
                    state = State.Start;
                    i--;
                    break;
                case State.Number:
                    if (IsDigit(c)) { value = value * 10 + (c - '0'); break; }
                    Emit(TokenKind.Number, default, value);
                    state = State.Start;
                    i--;
                    break;
                case State.HexNumber:
                    int h = HexValue(c);
                    if (h >= 0) { value = value * 16 + h; break; }
                    Emit(TokenKind.Number, default, value);
                    state = State.Start;
                    i--;
                    break;
                case State.Str:
                    if (c == '\\') state = State.StrEscape;
                    else if (c == '"') { Emit(TokenKind.Str, str.Slice(0, strLen), 0); state = State.Start; }
                    else if (c == 0) { Emit(TokenKind.Error, str.Slice(0, strLen), 0); state = State.Start; }
                    else str[strLen++] = c;
                    break;
                case State.StrEscape:
                    str[strLen++] = c == 'n' ? (byte)'|' : c;
                    state = State.Str;
                    break;
                case State.Comment:
                    if (c == '\n' || c == 0) state = State.Start;
                    break;
            }
        }
    }

    static int Main()
    {
        Tokenize("let x = 0x1F + 42; # a comment\nprint(\"hi \\\"there\\\"\\n\") y2 = x - 7 $"u8);
        Tokenize("\"unterminated"u8);
        Console.WriteLine(s_tokens);
        return 0;
    }
}
