namespace System;

/// <summary>
/// Thrown for an invalid argument. The parameter name is kept in a field that
/// <c>ThrowHelpers.Throw</c> prints as CoreCLR formats its Message: "message (Parameter 'name')".
/// </summary>
public class ArgumentException : SystemException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "Value does not fall within the expected range.";

    // Read by ThrowHelpers.Throw; name as in CoreCLR.
    internal string? _paramName;

    public ArgumentException()
        : base(DefaultMessage)
    {
    }

    public ArgumentException(string? message)
        : base(message ?? DefaultMessage)
    {
    }

    public ArgumentException(string? message, string? paramName)
        : base(message ?? DefaultMessage)
    {
        _paramName = paramName;
    }

    public string? ParamName => _paramName;
}
