# gdb pretty-printers for programs rvc compiled (docs/abi.md, "Object layout"; compiler/README.md, "gdb").
# `./run.sh --gdb` tells gdb to load this file (gdb-multiarch -x .../toolchain/gdb/rvc.py ...; the toolchain folder
# beside rvc.dll has a copy); by hand: `source compiler/gdb/rvc.py`.
#
# - System.String: a string is [MethodTable*][int _stringLength][char _firstChar...] (UTF-16), and the DWARF type of a
#   string local is a pointer to an opaque "System.String": shown as its text, "hello" (or 0x0 for null).
# - Span<T> and ReadOnlySpan<T> ({ ref T _reference; int _length; }): their elements, {7, 8, 9}; a span of char as
#   its text.
# - Fixed buffers (`fixed byte Data[8]`: a struct of the buffer's size holding one element, FixedElementField) and
#   [InlineArray(N)] structs (likewise, one field N times): their elements.

import gdb

MAX_ELEMENTS = 4096
MAX_STRING = 1 << 20


def _utf16(address, length):
    data = gdb.selected_inferior().read_memory(address, 2 * length)
    return bytes(data).decode("utf-16-le", errors="replace")


class StringPrinter:
    def __init__(self, value):
        self.value = value

    def to_string(self):
        address = int(self.value)
        if address == 0:
            return "0x0"
        pointer = self.value.type.sizeof
        length = int(gdb.parse_and_eval("*(int*)%d" % (address + pointer)))
        if length < 0 or length > MAX_STRING:
            return "<not a string: length %d at 0x%x>" % (length, address)
        return _utf16(address + pointer + 4, length)

    def display_hint(self):
        return "string"


def _element(value):
    # A byte is a one-byte integer, which gdb would show as a character ('\001').
    t = value.type.strip_typedefs()
    if t.code == gdb.TYPE_CODE_INT and t.sizeof == 1 and not _is_char(t):
        return int(value)
    return value


def _is_char(element_type):
    t = element_type.strip_typedefs()
    return t.code == gdb.TYPE_CODE_CHAR or (t.name == "char" and t.sizeof == 2)


class SpanPrinter:
    def __init__(self, value):
        self.value = value
        self.length = int(value["_length"])
        reference = value["_reference"]
        self.first = reference.referenced_value().address
        self.element = reference.type.strip_typedefs().target()

    def to_string(self):
        name = str(self.value.type.strip_typedefs().name or "Span").split("`")[0]
        if _is_char(self.element) and 0 <= self.length <= MAX_STRING:
            return _utf16(int(self.first), self.length)
        return "%s<%s> (Length = %d)" % (name, self.element, self.length)

    def display_hint(self):
        return "string" if _is_char(self.element) else "array"

    def children(self):
        if _is_char(self.element):
            return
        for i in range(max(0, min(self.length, MAX_ELEMENTS))):
            yield "[%d]" % i, _element((self.first + i).dereference())


class FixedBufferPrinter:
    def __init__(self, value, element_type):
        self.value = value
        self.element = element_type
        self.count = value.type.strip_typedefs().sizeof // element_type.sizeof

    def to_string(self):
        if _is_char(self.element):
            return _utf16(int(self.value.address), self.count)
        return None

    def display_hint(self):
        return "string" if _is_char(self.element) else "array"

    def children(self):
        if _is_char(self.element):
            return
        first = self.value.address.cast(self.element.pointer())
        for i in range(min(self.count, MAX_ELEMENTS)):
            yield "[%d]" % i, _element((first + i).dereference())


def lookup(value):
    t = value.type.strip_typedefs()
    if t.code == gdb.TYPE_CODE_PTR and t.target().strip_typedefs().name == "System.String":
        return StringPrinter(value)
    if t.code != gdb.TYPE_CODE_STRUCT:
        return None
    name = t.name or ""
    fields = [f.name for f in t.fields()]
    if name.split("`")[0] in ("Span", "ReadOnlySpan") and fields == ["_reference", "_length"]:
        return SpanPrinter(value)
    if len(fields) == 1 and value.address is not None:
        element = t.fields()[0].type.strip_typedefs()
        # One field, the struct several times its size: a fixed buffer or an inline array.
        if element.sizeof > 0 and t.sizeof > element.sizeof and t.sizeof % element.sizeof == 0:
            return FixedBufferPrinter(value, element)
    return None


gdb.pretty_printers.append(lookup)
