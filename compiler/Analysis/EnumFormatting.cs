using Mono.Cecil;
using Rvc.TypeSystem;

namespace Rvc.Analysis;

/// <summary>
/// Enums format without reflection: a constrained <c>ISpanFormattable.TryFormat</c> call on an enum type finds
/// System.Enum's explicit implementation, which cannot know the enum; the call goes instead to the generic
/// <c>Enum.TryFormatEnum&lt;TEnum&gt;(ref TEnum, ...)</c>, which takes the same arguments (the managed pointer to
/// the value first) and reads the enum's names and values through intrinsics answered at compile time
/// (<see cref="CodeGen.MethodCompiler"/>, <c>Enum…</c> intrinsics).
/// </summary>
public static class EnumFormatting
{
    public const string HelperName = "TryFormatEnum";

    public static MethodDesc Redirect(TypeSystemContext types, TypeReference constrained, MethodDesc implementation)
    {
        var def = implementation.Definition;
        if (def.DeclaringType.FullName != "System.Enum" || !def.Name.EndsWith("TryFormat", StringComparison.Ordinal) || !types.Resolve(constrained).IsEnum)
            return implementation;
        var helper = def.DeclaringType.Methods.Single(m => m.Name == HelperName);
        return new MethodDesc(helper, def.DeclaringType, [constrained]);
    }

    /// <summary>The named constants of an enum with their bits zero-extended to 64, in ascending order of those
    /// bits (.NET's order), declaration order among equal values.</summary>
    public static IReadOnlyList<(ulong Value, string Name)> Constants(TypeSystemContext types, TypeReference enumType)
    {
        var def = types.Resolve(enumType);
        if (!def.IsEnum)
            return [];
        int size = types.SizeOf(enumType);
        ulong mask = size == 8 ? ulong.MaxValue : (1UL << (size * 8)) - 1;
        return def.Fields
            .Where(f => f.IsStatic && f.IsLiteral)
            .Select(f => (Value: Bits(f.Constant) & mask, f.Name))
            .OrderBy(x => x.Value)
            .ToList();
    }

    public static bool IsFlags(TypeSystemContext types, TypeReference enumType)
        => types.Resolve(enumType).CustomAttributes.Any(a => a.AttributeType.FullName == "System.FlagsAttribute");

    public static bool IsSigned(TypeSystemContext types, TypeReference enumType)
        => types.Resolve(enumType).IsEnum && types.Classify(enumType).IsSigned();

    static ulong Bits(object constant) => constant switch
    {
        sbyte v => unchecked((ulong)v),
        byte v => v,
        short v => unchecked((ulong)v),
        ushort v => v,
        int v => unchecked((ulong)v),
        uint v => v,
        long v => unchecked((ulong)v),
        ulong v => v,
        char v => v,
        bool v => v ? 1UL : 0UL,
        _ => throw new InvalidOperationException($"an enum constant of type {constant.GetType().Name}"),
    };
}
