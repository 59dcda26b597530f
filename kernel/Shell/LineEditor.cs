namespace Kernel.Shell;

using System;
using System.Runtime.CompilerServices;
using Kernel.Output;

/// <summary>
/// The shell's input line, edited as bytes arrive from the UART: printable ASCII is appended and echoed; backspace
/// (DEL 0x7F or BS 0x08) erases the last character (echo <c>"\b \b"</c>); Ctrl-U erases the whole line; Ctrl-C
/// abandons it; a tab counts as a space; Enter (CR or LF, CRLF counting once) ends it. Escape sequences (arrow keys:
/// ESC [ ... final byte) and other control bytes are swallowed, but a CR, LF or Ctrl-C inside an unfinished sequence
/// ends the sequence and does its usual work (Esc then Enter runs the line; it never becomes part of the next one).
/// At most <see cref="Capacity"/> characters: a longer line is refused whole at Enter (<see cref="TakeLine"/> returns
/// -1), never cut and run.
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
    bool _tooLong;
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
        if (_escape != EscapeState.None)
        {
            if (b == (byte)'\r' || b == (byte)'\n' || b == CtrlC || b == Escape)
            {
                // Not part of any sequence a terminal sends: the sequence was cut short; the byte does its own work.
                _escape = EscapeState.None;
            }
            else if (_escape == EscapeState.Escape)
            {
                _escape = b == (byte)'[' ? EscapeState.ControlSequence : EscapeState.None;
                return false;
            }
            else
            {
                // Parameter and intermediate bytes (0x20-0x3F) go on; a final byte (0x40-0x7E) ends the sequence.
                if (b >= 0x40 && b <= 0x7E || b < 0x20)
                {
                    _escape = EscapeState.None;
                }

                return false;
            }
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

                _tooLong = false;
                return false;
            case CtrlC:
                Print.Line("^C");
                _length = 0;
                _tooLong = false;
                return true;
            case Escape:
                _escape = EscapeState.Escape;
                return false;
            case (byte)'\t':
                b = (byte)' ';
                break;
        }

        if (b < 0x20 || b >= 0x7F)
        {
            return false;
        }

        if (_length == Capacity)
        {
            _tooLong = true;   // refused at Enter; the characters typed so far stay on the screen
            return false;
        }

        _buffer[_length++] = b;
        Print.Char((char)b);
        return false;
    }

    /// <summary>Copies the finished line to <paramref name="destination"/> (at least <see cref="Capacity"/> bytes),
    /// empties the editor and returns the line's length; -1, copying nothing, when the line was longer than
    /// <see cref="Capacity"/> (the caller reports it: running the cut line could do what was not asked).</summary>
    public int TakeLine(Span<byte> destination)
    {
        if (_tooLong)
        {
            _tooLong = false;
            _length = 0;
            return -1;
        }

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
