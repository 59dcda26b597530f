using Kernel.FileSystem;

namespace Kernel.Fuzz;

/// <summary>
/// The tar file system's header parser on the fuzzer's 512 bytes (padded or cut). Invariants: nothing throws; a header
/// <see cref="TarHeader.Check"/> accepts has a checksum that matches the POSIX sum (unsigned or signed, computed here
/// independently), the ustar magic, a non-empty name, and a size its own field parses to; an octal field that parses
/// writes back to the same value and parses again; a sealed checksum always checks; and a header built for a name the
/// name rules accept checks, with that name and size read back.
/// </summary>
public static class TarHeaderTarget
{
    public static void Run(ReadOnlySpan<byte> bytes)
    {
        Span<byte> header = stackalloc byte[TarHeader.Size];
        header.Clear();
        bytes.Slice(0, Math.Min(bytes.Length, TarHeader.Size)).CopyTo(header);

        HeaderProblem problem = TarHeader.Check(header, out ulong size);
        if (problem == HeaderProblem.None)
        {
            InvariantBroken.Check(TarHeader.TryParseOctal(header.Slice(TarHeader.ChecksumOffset, TarHeader.ChecksumLength), out ulong stored),
                "accepted with an unreadable checksum field");
            uint unsigned = 0;
            int signed = 0;
            for (int i = 0; i < TarHeader.Size; i++)
            {
                bool inField = i >= TarHeader.ChecksumOffset && i < TarHeader.ChecksumOffset + TarHeader.ChecksumLength;
                unsigned += inField ? 32u : header[i];
                signed += inField ? 32 : (sbyte)header[i];
            }

            InvariantBroken.Check(stored == unsigned || (long)stored == signed, $"accepted with checksum {stored}, sums {unsigned} and {signed}");
            InvariantBroken.Check(header.Slice(TarHeader.MagicOffset, 8).SequenceEqual("ustar\u000000"u8), "accepted without the ustar magic");
            InvariantBroken.Check(header[TarHeader.NameOffset] != 0, "accepted with an empty name");
            InvariantBroken.Check(TarHeader.TryParseOctal(header.Slice(TarHeader.SizeOffset, TarHeader.SizeLength), out ulong again) && again == size,
                "the size returned is not the size field's");
        }

        // Every field length the header has, taken from wherever the bytes say.
        int offset = bytes.Length > 0 ? bytes[0] * 2 % (TarHeader.Size - 12) : 0;
        Span<byte> scratch = stackalloc byte[12];
        foreach (int length in new[] { 6, 7, 8, 12 })
        {
            ReadOnlySpan<byte> field = header.Slice(offset, length);
            if (TarHeader.TryParseOctal(field, out ulong value))
            {
                Span<byte> written = scratch.Slice(0, length);
                bool fits = TarHeader.TryWriteOctal(written, value);
                InvariantBroken.Check(fits == (value >> (3 * (length - 1)) == 0), $"TryWriteOctal({value}) into {length} bytes answered {fits}");
                if (fits)
                {
                    InvariantBroken.Check(TarHeader.TryParseOctal(written, out ulong back) && back == value, $"{value} did not survive writing and parsing");
                }
            }
        }

        Span<byte> sealedHeader = stackalloc byte[TarHeader.Size];
        header.CopyTo(sealedHeader);
        TarHeader.SealChecksum(sealedHeader);
        problem = TarHeader.Check(sealedHeader, out _);
        InvariantBroken.Check(problem is not (HeaderProblem.BadChecksumField or HeaderProblem.ChecksumMismatch), $"a sealed header checks as {problem}");

        // A name from the bytes (after the header), if the name rules take it: built, checked, read back.
        ReadOnlySpan<byte> name = bytes.Length > TarHeader.Size ? bytes.Slice(TarHeader.Size, Math.Min(bytes.Length - TarHeader.Size, TarNames.MaxLength)) : "a"u8;
        if (TarNames.Validate(name) == FsError.None)
        {
            ulong newSize = size & TarHeader.MaxFileSize;
            Span<byte> built = stackalloc byte[TarHeader.Size];
            TarHeader.Build(built, name, directory: (newSize & 1) != 0, newSize);
            problem = TarHeader.Check(built, out ulong builtSize);
            InvariantBroken.Check(problem == HeaderProblem.None && builtSize == newSize, $"a built header checks as {problem}, size {builtSize} for {newSize}");
            Span<byte> joined = stackalloc byte[TarNames.MaxLength];
            int length = TarNames.Join(built, joined);
            InvariantBroken.Check(joined.Slice(0, length).SequenceEqual(name), "a built header does not give its name back");
        }
    }
}
