namespace Kernel.FileSystem;

using System.Runtime.CompilerServices;

/// <summary>
/// The in-memory index: every entry of the archive in archive order (deleted ones until the next flush), in chunks of
/// <see cref="ChunkBytes"/> taken from the page allocator as the index grows. The kernel has no heap and the
/// allocator never frees, so a chunk, once taken, stays with the index; <see cref="Compact"/> reuses the room of
/// deleted entries. Entries are reached by position, walking the chain of chunks.
/// </summary>
public unsafe struct FileIndex
{
    public const int ChunkBytes = 64 * 1024;

    // Each chunk starts with the pointer to the next one, in a 16-byte slot.
    const int ChunkHeader = 16;

    byte* _first;
    byte* _last;
    int _count;
    int _capacity;
    delegate*<nuint, void*> _allocate;

    public static int EntriesPerChunk => (ChunkBytes - ChunkHeader) / sizeof(FileEntry);

    public readonly int Count => _count;

    /// <summary>An empty index that takes its chunks from <paramref name="allocate"/> (zeroed, page-aligned memory, or
    /// null when none is left).</summary>
    public static FileIndex Create(delegate*<nuint, void*> allocate)
    {
        FileIndex index = default;
        index._allocate = allocate;
        return index;
    }

    public readonly FileEntry* At(int position)
    {
        byte* chunk = _first;
        int per = EntriesPerChunk;
        while (position >= per)
        {
            chunk = *(byte**)chunk;
            position -= per;
        }

        return (FileEntry*)(chunk + ChunkHeader) + position;
    }

    /// <summary>A new entry at the end, zeroed; null when the page allocator has no chunk left.</summary>
    public FileEntry* Add()
    {
        if (_count == _capacity)
        {
            byte* chunk = (byte*)_allocate(ChunkBytes);
            if (chunk == null)
            {
                return null;
            }

            *(byte**)chunk = null;
            if (_first == null)
            {
                _first = chunk;
            }
            else
            {
                *(byte**)_last = chunk;
            }

            _last = chunk;
            _capacity += EntriesPerChunk;
        }

        FileEntry* entry = At(_count);
        Unsafe.InitBlock(entry, 0, (uint)sizeof(FileEntry));
        _count++;
        return entry;
    }

    /// <summary>Drops the deleted entries, keeping the order of the others.</summary>
    public void Compact()
    {
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            FileEntry* entry = At(i);
            if (!entry->Live)
            {
                continue;
            }

            if (kept != i)
            {
                *At(kept) = *entry;
            }

            kept++;
        }

        _count = kept;
    }

    /// <summary>Forgets every entry (the chunks stay for reuse).</summary>
    public void Clear() => _count = 0;
}
