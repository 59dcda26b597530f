namespace UserAbi;

/// <summary>A process's state (kernel/Processes/README.md).</summary>
public enum ProcessState
{
    Unused = 0,
    Runnable = 1,
    Running = 2,
    Sleeping = 3,
    Zombie = 4,
}
