namespace Kernel.Boot;

using System.Runtime.InteropServices;
using System.Threading;
using Kernel.Memory;
using Kernel.Output;

/// <summary>
/// The <c>fault=</c> test mode: once paging is on, the kernel breaks one of its own page-table rules on purpose,
/// and the trap handler must end the boot with a panic naming the cause, the faulting address (stval) and the pc
/// (sepc). Returning from <see cref="Run"/> means the fault did not happen: the caller reports that as a failure.
/// </summary>
public static unsafe class FaultTest
{
    /// <summary>RISC-V <c>ret</c> (jalr x0, 0(x1)).</summary>
    const uint Ret = 0x0000_8067;

    public static void Run(FaultKind kind, in KernelLayout layout)
    {
        switch (kind)
        {
            case FaultKind.Unmapped:
                Print.Text("fault: loading from the stack's guard page at ");
                Print.Hex(layout.StackGuard);
                Print.Line();
                // One register-wide load: on rv32 a 64-bit one is two loads, and the fault could name the second word.
                Volatile.Read(ref *(nuint*)layout.StackGuard);
                break;
            case FaultKind.ExecuteData:
                byte* page = (byte*)PageAllocator.AllocatePage();
                if (page == null)
                {
                    Print.Line("fault: no page to execute from");
                    return;
                }

                // A real instruction, so that only the missing X right can stop it.
                Volatile.Write(ref *(uint*)page, Ret);
                Print.Text("fault: jumping to the data page at ");
                Print.Hex((ulong)page);
                Print.Line();
                rvc_jump_to(page);
                break;
            case FaultKind.WriteText:
                Print.Text("fault: storing into the kernel's text at ");
                Print.Hex(layout.TextStart);
                Print.Line();
                Volatile.Write(ref *(uint*)layout.TextStart, Ret);
                break;
        }
    }

    // entry.S.
    [DllImport("*")]
    private static extern void rvc_jump_to(void* pc);
}
