namespace User;

using System;
using System.Runtime.InteropServices;
using UserAbi;

/// <summary>
/// The system calls (docs/abi.md, "System calls"), each one <c>ecall</c> through Runtime/entry.S's
/// <c>rvc_syscall</c>. A negative result is a <see cref="SystemCallError"/>.
/// </summary>
public static unsafe class Sys
{
    public static void PutChar(byte value) => Call(SystemCall.PutChar, value);

    /// <summary>The next byte typed; the process sleeps until there is one.</summary>
    public static byte GetChar() => (byte)Call(SystemCall.GetChar);

    public static void Exit(int status)
    {
        Call(SystemCall.Exit, (nint)status);
        while (true)
        {
        }
    }

    public static void Yield() => Call(SystemCall.Yield);

    public static nint Write(byte* bytes, nint length) => Call(SystemCall.Write, (nint)bytes, length);

    public static nint Write(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes)
        {
            return Write(p, bytes.Length);
        }
    }

    /// <summary>Starts the embedded program <paramref name="name"/>; its pid, or an error.</summary>
    public static nint Spawn(ReadOnlySpan<byte> name, nint argument = 0)
    {
        fixed (byte* p = name)
        {
            return Call(SystemCall.Spawn, (nint)p, name.Length, argument);
        }
    }

    /// <summary>Waits for child <paramref name="pid"/> to exit; its status, or an error.</summary>
    public static nint Wait(nint pid) => Call(SystemCall.Wait, pid);

    public static nint GetProcessInfo(int slot, ProcessInfo* info) => Call(SystemCall.ProcessInfo, slot, (nint)info);

    public static nint GetProgramName(int index, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return Call(SystemCall.ProgramName, index, (nint)p, buffer.Length);
        }
    }

    public static nint GetBlockInfo(int device, BlockInfo* info) => Call(SystemCall.BlockInfo, device, (nint)info);

    public static nint BlockRead(int device, ulong sector, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return Call(SystemCall.BlockRead, device, (nint)sector, (nint)p, buffer.Length);
        }
    }

    public static nint BlockWrite(int device, ulong sector, ReadOnlySpan<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return Call(SystemCall.BlockWrite, device, (nint)sector, (nint)p, buffer.Length);
        }
    }

    public static nint BlockFlush(int device) => Call(SystemCall.BlockFlush, device);

    public static nint BlockId(int device, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return Call(SystemCall.BlockId, device, (nint)p, buffer.Length);
        }
    }

    public static nint BlockDiscard(int device, ulong sector, ulong count) =>
        Call(SystemCall.BlockDiscard, device, (nint)sector, (nint)count);

    public static nint BlockZero(int device, ulong sector, ulong count, bool unmap) =>
        Call(SystemCall.BlockZero, device, (nint)sector, (nint)count, unmap ? 1 : 0);

    /// <summary>blkcache: <paramref name="mode"/> 0 asks, 1 writethrough, 2 writeback; the result's bit 0 is
    /// writeback, bit 1 switchable.</summary>
    public static nint BlockCache(int device, int mode) => Call(SystemCall.BlockCache, device, mode);

    /// <summary>The kernel's CRC-32 of kernel memory [address, address + length) (a test's witness).</summary>
    public static nint KernelChecksum(nuint address, nuint length) => Call(SystemCall.KernelChecksum, (nint)address, (nint)length);

    public static nint Kill(nint pid) => Call(SystemCall.Kill, pid);

    public static nint FreeMemory() => Call(SystemCall.FreeMemory);

    /// <summary>readfile: up to buffer.Length bytes of the file from byte <paramref name="offset"/> on; 0 at its end.</summary>
    public static nint ReadFile(ReadOnlySpan<byte> name, Span<byte> buffer, long offset = 0)
    {
        fixed (byte* n = name)
        fixed (byte* b = buffer)
        {
            return Call(SystemCall.ReadFile, (nint)n, name.Length, (nint)b, buffer.Length, (nint)offset);
        }
    }

    public static nint WriteFile(ReadOnlySpan<byte> name, ReadOnlySpan<byte> data)
    {
        fixed (byte* n = name)
        fixed (byte* d = data)
        {
            return Call(SystemCall.WriteFile, (nint)n, name.Length, (nint)d, data.Length);
        }
    }

    /// <summary>appendfile: data added at the end of the file (created if missing).</summary>
    public static nint AppendFile(ReadOnlySpan<byte> name, ReadOnlySpan<byte> data)
    {
        fixed (byte* n = name)
        fixed (byte* d = data)
        {
            return Call(SystemCall.AppendFile, (nint)n, name.Length, (nint)d, data.Length);
        }
    }

    public static nint FileEntry(int position, FileInfo* info) => Call(SystemCall.FileEntry, position, (nint)info);

    public static nint FileDelete(ReadOnlySpan<byte> name)
    {
        fixed (byte* n = name)
        {
            return Call(SystemCall.FileDelete, (nint)n, name.Length);
        }
    }

    public static nint MakeDirectory(ReadOnlySpan<byte> name)
    {
        fixed (byte* n = name)
        {
            return Call(SystemCall.MakeDirectory, (nint)n, name.Length);
        }
    }

    /// <summary>fssync; <paramref name="book"/>: the kernel also prints the book's <c>wrote N bytes to disk</c>.</summary>
    public static nint Sync(bool book = false) => Call(SystemCall.Sync, book ? 1 : 0);

    /// <summary>The raw call, for programs that test the kernel's checks (bad pointers, unknown numbers).</summary>
    public static nint Call(SystemCall number, nint a0 = 0, nint a1 = 0, nint a2 = 0, nint a3 = 0, nint a4 = 0)
        => rvc_syscall((nint)number, a0, a1, a2, a3, a4);

    [DllImport("*")]
    static extern nint rvc_syscall(nint number, nint a0, nint a1, nint a2, nint a3, nint a4);
}
