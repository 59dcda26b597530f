namespace Kernel.Processes;

using System;
using Kernel.Boot;
using Kernel.Drivers.Virtio;
using Kernel.Interrupts;
using Kernel.Output;
using Kernel.Platform;
using Kernel.Shell;
using Kernel.Storage;

/// <summary>
/// The boot's last step with <c>shell=user</c> (or <c>init=NAME</c>): the process table, the system calls' view of
/// the block layer and of the console, then the first process (the user shell, user/Shell), and the scheduler until
/// no user process is left; then the kernel says so and the boot ends with status 0 (the power-off).
/// </summary>
public static class UserMode
{
    public static int Run<TWait>(ref BlockDeviceTable<TWait> table, in KernelOptions options, in InterruptHardware hardware)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (!ProcessTable.Initialize() || !BlockCalls.Attach(ref table))
        {
            Print.Line("proc: error: no memory for the process table");
            return 1;
        }

        bool consoleInterrupt = InterruptSetup.EnableSource(hardware, hardware.UartIrq);
        if (consoleInterrupt)
        {
            UartInput.EnableReceiveInterrupt();
        }

        SystemCalls.Initialize(consoleInterrupt);
        // The tar file system on blk0, if it holds one (kernel/FileSystem/README.md): the file-system calls use it.
        FileCommands.Mount(ref table);
        Scheduler.Initialize(hardware.TimebaseFrequency);

        Print.Text("proc: user programs:");
        int count = UserPrograms.Count;
        for (int i = 0; i < count; i++)
        {
            Print.Text(" ");
            Print.Ascii(UserPrograms.Name(i));
        }

        Print.Line();
        ReadOnlySpan<byte> first = options.HasInit ? UserPrograms.Name(options.InitProgram) : "shell"u8;
        int pid = Scheduler.Spawn(first, 0, 0);
        if (pid < 0)
        {
            Print.Text("proc: error: cannot start ");
            Print.Ascii(first);
            Print.Line();
            return 1;
        }

        Scheduler.Run();
        Print.Line("proc: no user process left; powering off");
        // What the processes wrote and did not sync becomes durable first (issue 11: power-off syncs).
        return FileCommands.SyncBeforePowerOff(ref table) ? 0 : 1;
    }
}
