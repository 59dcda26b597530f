namespace System;

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

/// <summary>Thrown for a null argument. Note: the one-string constructor takes the parameter name, as in .NET.</summary>
public class ArgumentNullException : ArgumentException
{
    // CoreCLR's default message, also used when a null message is passed (as .NET 10 does).
    private const string DefaultMessage = "Value cannot be null.";

    public ArgumentNullException()
        : base(DefaultMessage)
    {
    }

    public ArgumentNullException(string? paramName)
        : base(DefaultMessage, paramName)
    {
    }

    public ArgumentNullException(string? paramName, string? message)
        : base(message ?? DefaultMessage, paramName)
    {
    }

    /// <summary>Throws when <paramref name="argument"/> is null; Roslyn passes the argument's text as the name.</summary>
    public static void ThrowIfNull([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (argument is null)
        {
            Throw(paramName);
        }
    }

    [DoesNotReturn]
    private static void Throw(string? paramName) => throw new ArgumentNullException(paramName);
}
