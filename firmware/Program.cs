namespace Firmware;

using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.RiscV;
using Firmware.Sbi;
using Internal.Runtime;

/// <summary>
/// rvcsbi's boot (README.md): runtime-stub/boot/riscv.S has set up a stack and .bss on hart 0 in M-mode and saved
/// a0-a2. Main reads where the S-mode program starts (<see cref="FwDynamicInfo"/>) and where RAM ends (the device
/// tree), closes the firmware's memory and the CLINT to S-mode (<see cref="Pmp"/>), delegates S-mode's traps
/// (<see cref="Delegation"/>), prints the banner and enters S-mode. From then on the firmware runs only in traps
/// (<see cref="Trap"/>). Main returns only on a boot error: its status ends QEMU.
/// </summary>
public static unsafe class Program
{
    public const string Name = "rvcsbi";
    public const string Version = "0.1";

    public static int Main()
    {
        if (RuntimeInformation.Arch == TargetArch.Host)
        {
            Console.WriteLine("rvcsbi: the firmware runs in M-mode on QEMU's RISC-V virt machine: build it for rv32 or rv64");
            return 1;
        }

        nuint hart = Rv.ReadCsr(Csr.Mhartid);
        nuint dtb = (nuint)rvc_device_tree();
        var info = (FwDynamicInfo*)rvc_boot_firmware_info();
        if (info == null || info->Magic != FwDynamicInfo.MagicValue)
        {
            return Fail("no struct fw_dynamic_info in a2: start me with qemu -bios (QEMU's reset vector passes it)");
        }

        if (info->NextMode != FwDynamicInfo.NextModeS)
        {
            return Fail("fw_dynamic_info asks for a next mode other than S-mode, which is all this firmware starts");
        }

        nuint next = info->NextAddr;
        if (next < SupervisorMemory.Start)
        {
            // QEMU gives 0 when there is no -kernel; anything else below would overlap the firmware.
            return Fail("no S-mode program at or above 0x80200000: give one with qemu -kernel FILE.elf");
        }

        if (!DeviceTreeMemory.TryFind(dtb, out ulong ramBase, out ulong ramSize) || ramBase + ramSize <= next)
        {
            return Fail("the device tree in a1 has no memory node around the S-mode program");
        }

        SupervisorMemory.End = ramBase + ramSize;
        if (!Pmp.Protect())
        {
            return Fail("the hart did not keep the PMP entries: the firmware cannot protect itself");
        }

        Delegation.Set();
        PrintBanner(hart, next, dtb, ramBase);
        fw_enter_supervisor(hart, dtb, next);
        return 1;
    }

    /// <summary>Which firmware runs, as OpenSBI says in its own banner: name, version, SBI version, hart, next stage.</summary>
    private static void PrintBanner(nuint hart, nuint next, nuint dtb, ulong ramBase)
    {
        Console.Write(Name);
        Console.Write(' ');
        Console.Write(Version);
        Console.Write(": SBI ");
        Console.Write(BaseExtension.SpecVersion >> 24);
        Console.Write('.');
        Console.Write(BaseExtension.SpecVersion & 0xFF_FFFF);
        Console.Write(" firmware in C#, ");
        Console.Write(RuntimeInformation.Arch == TargetArch.RiscV32 ? "rv32" : "rv64");
        Console.Write(", hart ");
        Console.WriteLine(hart);
        Console.Write(Name);
        Console.Write(": memory ");
        Hex.Write(ramBase);
        Console.Write('-');
        Hex.Write(SupervisorMemory.End - 1);
        Console.Write(", firmware ");
        Hex.Write(Pmp.FirmwareBase);
        Console.Write('-');
        Hex.Write(Pmp.FirmwareBase + Pmp.FirmwareSize - 1);
        Console.Write(" (PMP), next ");
        Hex.Write(next);
        Console.Write(" in S-mode, device tree ");
        Hex.Write(dtb);
        Console.WriteLine();
    }

    private static int Fail(string message)
    {
        Console.Write(Name);
        Console.Write(": ");
        Console.WriteLine(message);
        return 1;
    }

    // runtime-stub/boot/riscv.S: a1 and a2 as the machine passed them (docs/abi.md).
    [DllImport("*")]
    private static extern void* rvc_device_tree();

    [DllImport("*")]
    private static extern void* rvc_boot_firmware_info();

    // trap.S: mret into S-mode at next.
    [DllImport("*")]
    [DoesNotReturn]
    private static extern void fw_enter_supervisor(nuint hartid, nuint dtb, nuint next);
}
