namespace Kernel.Processes;

using System;
using System.Runtime.InteropServices;

/// <summary>
/// The user programs built into the kernel (kernel/Kernel.csproj's UserProgram items; user/EmbedUserPrograms.targets
/// writes the table): per program a NUL-terminated name, the start and the end of its ELF file, then a row of zeros.
/// </summary>
public static unsafe class UserPrograms
{
    // Written by the generated assembly, never by C#.
#pragma warning disable CS0649
    struct Row
    {
        public byte* Name;
        public byte* Start;
        public byte* End;
    }
#pragma warning restore CS0649

    static Row* Table => (Row*)rvc_user_programs();

    public static int Count
    {
        get
        {
            int n = 0;
            while (Table[n].Name != null)
            {
                n++;
            }

            return n;
        }
    }

    /// <summary>The name of program <paramref name="index"/> (0 to <see cref="Count"/> - 1).</summary>
    public static ReadOnlySpan<byte> Name(int index)
    {
        byte* name = Table[index].Name;
        int length = 0;
        while (name[length] != 0)
        {
            length++;
        }

        return new ReadOnlySpan<byte>(name, length);
    }

    public static ReadOnlySpan<byte> Image(int index) => new ReadOnlySpan<byte>(Table[index].Start, (int)(Table[index].End - Table[index].Start));

    /// <summary>The index of the program called <paramref name="name"/>, -1 when there is none.</summary>
    public static int Find(ReadOnlySpan<byte> name)
    {
        int count = Count;
        for (int i = 0; i < count; i++)
        {
            if (Name(i).SequenceEqual(name))
            {
                return i;
            }
        }

        return -1;
    }

    // The generated user_programs.S.
    [DllImport("*")]
    static extern void* rvc_user_programs();
}
