namespace Kernel.Processes;

using System;
using Kernel.Checksum;
using Kernel.Interrupts;
using Kernel.Memory;
using Kernel.Output;
using Kernel.Platform;
using Kernel.Sbi;
using UserAbi;

/// <summary>
/// The system calls (docs/abi.md, "System calls"): a7 holds the number (<see cref="SystemCall"/>), a0-a3 the
/// arguments; the result goes back in a0, negative for an error (<see cref="SystemCallError"/>). Every pointer and
/// length is checked against the process's own mappings before the kernel touches the memory
/// (<see cref="UserMemory"/>), so a bad one is an error code, never a kernel fault.
/// </summary>
public static unsafe class SystemCalls
{
    const int A0 = 10;
    const int A7 = 17;

    /// <summary>Console writes are copied through this much kernel stack at a time.</summary>
    const int WriteChunk = 256;

    static bool s_consoleSleeps;

    /// <summary>Whether getchar may sleep until the UART's interrupt (its PLIC source enabled, IER set); otherwise it
    /// yields between looks, as the book's does.</summary>
    public static void Initialize(bool consoleInterrupt) => s_consoleSleeps = consoleInterrupt;

    public static nint Dispatch(nuint* frame)
    {
        nuint a0 = frame[A0], a1 = frame[A0 + 1], a2 = frame[A0 + 2], a3 = frame[A0 + 3], a4 = frame[A0 + 4];
        switch ((SystemCall)(nint)frame[A7])
        {
            case SystemCall.PutChar:
                byte b = (byte)a0;
                SbiConsole.WriteBytes(&b, 1);
                return 0;
            case SystemCall.GetChar:
                return GetChar();
            case SystemCall.Exit:
                Scheduler.PrintName(Scheduler.Current);
                Print.Text(" exited with status ");
                Print.Decimal((long)(int)a0);
                Print.Line();
                Scheduler.Exit((int)a0);
                return 0;
            case SystemCall.Yield:
                Scheduler.Yield();
                return 0;
            case SystemCall.Write:
                return Write(a0, a1);
            case SystemCall.Spawn:
                return Spawn(a0, a1, a2);
            case SystemCall.Wait:
                return Scheduler.WaitFor((int)a0);
            case SystemCall.ProcessInfo:
                return ProcessInfoOf(a0, a1);
            case SystemCall.ProgramName:
                return ProgramName(a0, a1, a2);
            case SystemCall.BlockInfo:
                return BlockCalls.Info((int)a0, a1);
            case SystemCall.BlockRead:
                return BlockCalls.Read((int)a0, a1, a2, a3);
            case SystemCall.BlockWrite:
                return BlockCalls.Write((int)a0, a1, a2, a3);
            case SystemCall.BlockFlush:
                return BlockCalls.Flush((int)a0);
            case SystemCall.BlockId:
                return BlockCalls.Id((int)a0, a1, a2);
            case SystemCall.BlockDiscard:
                return BlockRangeCalls.Discard((int)a0, a1, a2);
            case SystemCall.BlockZero:
                return BlockRangeCalls.Zero((int)a0, a1, a2, a3 != 0);
            case SystemCall.BlockCache:
                return BlockRangeCalls.Cache((int)a0, a1);
            case SystemCall.KernelChecksum:
                return KernelChecksum(a0, a1);
            case SystemCall.Kill:
                return Kill((int)a0);
            case SystemCall.FreeMemory:
                return (nint)(PageAllocator.FreeBytes + PageAllocator.FreePageCount * PageAllocator.PageSize);
            case SystemCall.ReadFile:
                return FileCalls.ReadFile(a0, a1, a2, a3, a4);
            case SystemCall.WriteFile:
                return FileCalls.WriteFile(a0, a1, a2, a3, append: false);
            case SystemCall.AppendFile:
                return FileCalls.WriteFile(a0, a1, a2, a3, append: true);
            case SystemCall.FileEntry:
                return FileCalls.Entry(a0, a1);
            case SystemCall.FileDelete:
                return FileCalls.Delete(a0, a1);
            case SystemCall.MakeDirectory:
                return FileCalls.MakeDirectory(a0, a1);
            case SystemCall.Sync:
                return FileCalls.Sync(a0 != 0);
            default:
                return (nint)SystemCallError.NoSuchCall;
        }
    }

    static nint GetChar()
    {
        while (true)
        {
            if (UartInput.TryRead(out byte value))
            {
                return value;
            }

            if (Scheduler.Current.KilledBy != 0)
            {
                return (nint)SystemCallError.NotFound;
            }

            if (s_consoleSleeps)
            {
                // The UART's line stays high while a byte waits, so completing its claim first cannot lose one.
                UartInput.DrainTransmitter();
                InterruptTraps.CompleteClaimed();
                Scheduler.Sleep(WaitChannel.Interrupt);
            }
            else
            {
                Scheduler.Yield();
            }
        }
    }

    static nint Write(nuint user, nuint length)
    {
        if (length > int.MaxValue || !UserMemory.IsAccessible(user, length, write: false))
        {
            return (nint)SystemCallError.BadAddress;
        }

        byte* chunk = stackalloc byte[WriteChunk];
        for (nuint done = 0; done < length;)
        {
            nuint n = length - done < WriteChunk ? length - done : WriteChunk;
            UserMemory.CopyIn(chunk, user + done, n);
            SbiConsole.WriteBytes(chunk, (nint)n);
            done += n;
        }

        return (nint)length;
    }

    static nint Spawn(nuint user, nuint length, nuint argument)
    {
        if (length == 0 || length > ProcessInfo.NameLength)
        {
            return (nint)SystemCallError.NotFound;
        }

        byte* name = stackalloc byte[ProcessInfo.NameLength];
        if (!UserMemory.CopyIn(name, user, length))
        {
            return (nint)SystemCallError.BadAddress;
        }

        return Scheduler.Spawn(new ReadOnlySpan<byte>(name, (int)length), Scheduler.Current.Pid, argument);
    }

    static nint Kill(int pid)
    {
        int slot = ProcessTable.Find(pid);
        if (slot < 0 || pid == Scheduler.Current.Pid || ProcessTable.At(slot).State == ProcessState.Zombie)
        {
            return (nint)SystemCallError.NotFound;
        }

        ref Process victim = ref ProcessTable.At(slot);
        victim.KilledBy = Scheduler.Current.Pid;
        if (victim.State == ProcessState.Sleeping)
        {
            // Out of its sleep; the system call it was in finishes (or sleeps again) and the way out to user mode ends it.
            victim.State = ProcessState.Runnable;
        }

        return 0;
    }

    static nint ProcessInfoOf(nuint slot, nuint user)
    {
        if (slot >= ProcessTable.Capacity)
        {
            return (nint)SystemCallError.OutOfRange;
        }

        ref Process process = ref ProcessTable.At((int)slot);
        if (process.State == ProcessState.Unused)
        {
            return (nint)SystemCallError.NotFound;
        }

        ProcessInfo info = default;
        info.Pid = process.Pid;
        info.Parent = process.Parent;
        info.State = (int)process.State;
        info.Runs = process.Runs;
        info.SystemCalls = process.SystemCalls;
        info.Preemptions = process.Preemptions;
        for (int i = 0; i < ProcessInfo.NameLength; i++)
        {
            info.Name[i] = process.Name[i];
        }

        return UserMemory.CopyOut(user, &info, (nuint)sizeof(ProcessInfo)) ? 0 : (nint)SystemCallError.BadAddress;
    }

    static nint ProgramName(nuint index, nuint user, nuint length)
    {
        if (index >= (nuint)UserPrograms.Count)
        {
            return (nint)SystemCallError.OutOfRange;
        }

        ReadOnlySpan<byte> name = UserPrograms.Name((int)index);
        if ((nuint)name.Length > length)
        {
            return (nint)SystemCallError.OutOfRange;
        }

        fixed (byte* p = name)
        {
            return UserMemory.CopyOut(user, p, (nuint)name.Length) ? name.Length : (nint)SystemCallError.BadAddress;
        }
    }

    /// <summary>The CRC-32 of kernel memory [address, address + length): only RAM the kernel maps (its image, its free
    /// RAM), every page of it mapped; at most 16 MiB. The value is the low 32 bits of the result.</summary>
    static nint KernelChecksum(nuint address, nuint length)
    {
        KernelLayout layout = KernelLayout.Current;
        if (length == 0 || length > 16 * 1024 * 1024 || address < layout.KernelStart || address > PageAllocator.FreeEnd
            || length > PageAllocator.FreeEnd - address)
        {
            return (nint)SystemCallError.OutOfRange;
        }

        for (nuint page = address & ~(nuint)4095; page < address + length; page += 4096)
        {
            if (!KernelAddressSpace.Translate(page, out _, out _))
            {
                return (nint)SystemCallError.BadAddress;
            }
        }

        return (nint)Crc32.Compute(new ReadOnlySpan<byte>((void*)address, (int)length));
    }
}
