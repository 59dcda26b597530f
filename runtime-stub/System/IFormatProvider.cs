namespace System;

/// <summary>A culture's formatting rules, as in .NET. This runtime has one culture (the invariant one), so
/// every provider argument is ignored.</summary>
public interface IFormatProvider
{
}
