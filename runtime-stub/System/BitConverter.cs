namespace System;

/// <summary>Reinterprets floating-point bits as integers and back (a load through a cast pointer: no conversion).</summary>
public static unsafe class BitConverter
{
    public static long DoubleToInt64Bits(double value) => *(long*)&value;

    public static double Int64BitsToDouble(long value) => *(double*)&value;

    public static ulong DoubleToUInt64Bits(double value) => *(ulong*)&value;

    public static double UInt64BitsToDouble(ulong value) => *(double*)&value;

    public static int SingleToInt32Bits(float value) => *(int*)&value;

    public static float Int32BitsToSingle(int value) => *(float*)&value;

    public static uint SingleToUInt32Bits(float value) => *(uint*)&value;

    public static float UInt32BitsToSingle(uint value) => *(float*)&value;
}
