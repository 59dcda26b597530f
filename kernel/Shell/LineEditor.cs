namespace Kernel.Shell;

using System;
using System.Runtime.CompilerServices;
using Kernel.Output;

/// <summary>
/// The shell's input line, edited as bytes arrive from the UART: printable ASCII is appended and echoed; backspace
/// (DEL 0x7F or BS 0x08) erases the last character (echo <c>"\b \b"</c>); Ctrl-U erases the whole line; Ctrl-C
/// abandons it; a tab counts as a space; Enter (CR or LF, CRLF counting once) ends it. Escape sequences (arrow keys:
/// ESC [ ... final byte) and other control bytes are swallowed. At most <see cref="Capacity"/> characters: the rest
/// of a longer line is dropped.
/// </summary>
public struct LineEditor
{
    public const int Capacity = 256;

    const byte Backspace = 0x08;
    const byte Delete = 0x7F;
    const byte CtrlC = 0x03;
    const byte CtrlU = 0x15;
    const byte Escape = 0x1B;

    LineBuffer _buffer;
    int _length;
    bool _afterCarriageReturn;
    EscapeState _escape;

    enum EscapeState : byte
    {
        None,
        Escape,
        ControlSequence,
    }

    public readonly int Length => _length;

    /// <summary>Takes one received byte. True when it ended a line: <see cref="TakeLine"/> then gives it.</summary>
    public bool Feed(byte b)
    {
        bool afterCarriageReturn = _afterCarriageReturn;
        _afterCarriageReturn = false;
        if (_escape == EscapeState.Escape)
        {
            _escape = b == (byte)'[' ? EscapeState.ControlSequence : EscapeState.None;
            return false;
        }

        if (_escape == EscapeState.ControlSequence)
        {
            // Parameter and intermediate bytes (0x20-0x3F) go on; a final byte (0x40-0x7E) ends the sequence.
            if (b >= 0x40 && b <= 0x7E || b < 0x20)
            {
                _escape = EscapeState.None;
            }

            return false;
        }

        switch (b)
        {
            case (byte)'\r':
                _afterCarriageReturn = true;
                Print.Line();
                return true;
            case (byte)'\n':
                if (afterCarriageReturn)
                {
                    return false;   // the LF of a CRLF
                }

                Print.Line();
                return true;
            case Backspace:
            case Delete:
                EraseOne();
                return false;
            case CtrlU:
                while (_length > 0)
                {
                    EraseOne();
                }

                return false;
            case CtrlC:
                Print.Line("^C");
                _length = 0;
                return true;
            case Escape:
                _escape = EscapeState.Escape;
                return false;
            case (byte)'\t':
                b = (byte)' ';
                break;
        }

        if (b < 0x20 || b >= 0x7F || _length == Capacity)
        {
            return false;
        }

        _buffer[_length++] = b;
        Print.Char((char)b);
        return false;
    }

    /// <summary>Copies the finished line to <paramref name="destination"/> (at least <see cref="Capacity"/> bytes),
    /// empties the editor and returns the line's length.</summary>
    public int TakeLine(Span<byte> destination)
    {
        int length = _length;
        for (int i = 0; i < length; i++)
        {
            destination[i] = _buffer[i];
        }

        _length = 0;
        return length;
    }

    void EraseOne()
    {
        if (_length > 0)
        {
            _length--;
            Print.Text("\b \b");
        }
    }

    [InlineArray(Capacity)]
    struct LineBuffer
    {
        byte _element;
    }
}
