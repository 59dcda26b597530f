namespace UserAbi;

/// <summary>
/// The system-call numbers (docs/abi.md, "System calls"): a user program puts one in a7, its arguments in a0-a3, and
/// executes <c>ecall</c>; the kernel answers in a0 (a negative value is a <see cref="SystemCallError"/>). This file is
/// compiled into the kernel and into every user program: it is the contract between them.
/// </summary>
public enum SystemCall
{
    /// <summary>putchar(byte): writes one byte to the console. Returns 0.</summary>
    PutChar = 1,

    /// <summary>getchar(): the next byte typed on the console; sleeps until there is one.</summary>
    GetChar = 2,

    /// <summary>exit(status): ends the process; never returns.</summary>
    Exit = 3,

    /// <summary>yield(): lets the other runnable processes run first. Returns 0.</summary>
    Yield = 4,

    /// <summary>write(buffer, length): writes length bytes to the console. Returns length.</summary>
    Write = 5,

    /// <summary>spawn(name, nameLength, argument): starts the embedded program called name with a0 = argument.
    /// Returns the new process's id.</summary>
    Spawn = 6,

    /// <summary>wait(pid): sleeps until child pid exits; returns its exit status (and frees its slot). wait(0) does not
    /// sleep: it frees the slot of any child that has exited and returns its pid, or NotFound when none has.</summary>
    Wait = 7,

    /// <summary>procinfo(slot, info): fills a <see cref="ProcessInfo"/> for process-table slot (0 to 15).
    /// Returns 0, or NotFound for an empty slot, OutOfRange past the table.</summary>
    ProcessInfo = 8,

    /// <summary>program(index, buffer, length): the name of embedded program index, copied to buffer. Returns its
    /// length, or OutOfRange past the last.</summary>
    ProgramName = 9,

    /// <summary>blkinfo(device, info): fills a <see cref="BlockInfo"/> for blkN. Returns 0, or NoDevice.</summary>
    BlockInfo = 10,

    /// <summary>blkread(device, sector, buffer, length): reads length bytes (a multiple of 512, at most 32 KiB)
    /// from sector on. Returns length.</summary>
    BlockRead = 11,

    /// <summary>blkwrite(device, sector, buffer, length): writes them. Returns length.</summary>
    BlockWrite = 12,

    /// <summary>blkflush(device): VIRTIO_BLK_T_FLUSH. Returns 0.</summary>
    BlockFlush = 13,

    /// <summary>blkid(device, buffer, length): asks the device its serial number again (VIRTIO_BLK_T_GET_ID) and
    /// copies up to 20 bytes of it. Returns its length.</summary>
    BlockId = 14,

    /// <summary>checksum(address, length): the CRC-32 of kernel memory [address, address + length) (RAM the kernel
    /// maps, at most 16 MiB), computed by the kernel: the witness that a system call given a kernel pointer left the
    /// kernel's memory alone (issue 10's test). The CRC is the result's low 32 bits.</summary>
    KernelChecksum = 15,

    /// <summary>kill(pid): ends process pid (not the caller) the next time it would return to user mode, with status
    /// -1 and the line <c>proc: pid N (NAME) killed by pid M</c>. Returns 0, or NotFound.</summary>
    Kill = 16,

    /// <summary>memfree(): the bytes of free RAM the kernel's page allocator can still hand out (pages given back
    /// included): a process's exit gives back all it took.</summary>
    FreeMemory = 17,

    /// <summary>readfile(name, nameLength, buffer, length, offset): length bytes (at most 32 KiB) of file name from byte
    /// offset on (0: the book's readfile, from the start; 0 bytes at or past the end), of
    /// the tar file system on blk0 (kernel/FileSystem). Returns how many were read.</summary>
    ReadFile = 20,

    /// <summary>writefile(name, nameLength, buffer, length): name's content becomes the length bytes (at most 32 KiB),
    /// the file created if missing. Durable after sync. Returns length.</summary>
    WriteFile = 21,

    /// <summary>fsentry(position, info): the first entry of the archive at or after position (0: the first), described
    /// in a <see cref="FileInfo"/>. Returns its position (ask again with position + 1), or NotFound after the last.</summary>
    FileEntry = 22,

    /// <summary>fsdelete(name, nameLength): deletes a file or an empty directory. Returns 0.</summary>
    FileDelete = 23,

    /// <summary>fsmkdir(name, nameLength): creates a directory. Returns 0.</summary>
    MakeDirectory = 24,

    /// <summary>fssync(book): makes every change part of the archive on blk0, crash-safely; the kernel prints its
    /// <c>fs: sync: ...</c> lines (and, when book is not 0, the book's <c>wrote N bytes to disk</c>). Returns 0.</summary>
    Sync = 25,

    /// <summary>appendfile(name, nameLength, buffer, length): the length bytes (at most 32 KiB) added at the end of
    /// file name, created if missing, so a program builds a file of any size. Durable after sync. Returns length.</summary>
    AppendFile = 26,

    /// <summary>blkdiscard(device, sector, count): VIRTIO_BLK_T_DISCARD of count sectors from sector, cut by the
    /// driver into requests within the device's limits; their contents are unspecified afterwards. Returns 0; ReadOnly,
    /// OutOfRange, or DeviceError (the kernel prints why: the device without discard, not whole blocks, ...).</summary>
    BlockDiscard = 27,

    /// <summary>blkzero(device, sector, count, unmap): VIRTIO_BLK_T_WRITE_ZEROES, the same way; the sectors read as
    /// zeroes afterwards; unmap ≠ 0 lets the device deallocate them. Returns 0, or the errors of blkdiscard.</summary>
    BlockZero = 28,

    /// <summary>blkcache(device, mode): the write cache's mode; mode 1 switches it to writethrough, 2 to writeback
    /// first (VIRTIO_BLK_F_CONFIG_WCE), 0 only asks (<see cref="BlockCacheMode"/>). Returns IsWriteback when the device caches
    /// writes, | IsSwitchable when it can be switched; DeviceError when a switch failed (the kernel prints why).</summary>
    BlockCache = 29,
}
