namespace System;

/// <summary>
/// Roslyn requires the type (e.g. <c>typeof</c> arguments inside attributes such as
/// <c>FixedBufferAttribute</c>). There is no reflection, so no instance ever exists.
/// </summary>
public abstract class Type
{
}
