namespace Internal.Runtime;

/// <summary>Stands in for the core library's <c>Internal.Runtime.RuntimeInformation</c> (runtime-stub/), which .NET
/// does not have: the drivers ask it which barrier instructions to use, and on .NET the answer is the host's.</summary>
public static class RuntimeInformation
{
    public static TargetArch Arch => TargetArch.Host;
}
