namespace System;

internal static unsafe partial class Number
{
    /// <summary>
    /// A non-negative integer of up to 1280 bits on the stack, for exact binary-to-decimal conversion:
    /// the largest value the digit generation needs is about 2^1130 (a subnormal's mantissa scaled by
    /// 10^340). Little-endian 32-bit blocks; <see cref="_length"/> blocks are in use (no leading zero block).
    /// </summary>
    internal struct BigInteger
    {
        private const int MaxBlocks = 40;

        private int _length;
        private fixed uint _blocks[MaxBlocks];

        public static void SetUInt64(ref BigInteger result, ulong value)
        {
            result._blocks[0] = (uint)value;
            result._blocks[1] = (uint)(value >> 32);
            result._length = (value >> 32) != 0 ? 2 : value != 0 ? 1 : 0;
        }

        public static void Copy(ref BigInteger source, ref BigInteger destination)
        {
            destination._length = source._length;
            for (int i = 0; i < source._length; i++)
            {
                destination._blocks[i] = source._blocks[i];
            }
        }

        public bool IsZero => _length == 0;

        public static int Compare(ref BigInteger left, ref BigInteger right)
        {
            if (left._length != right._length)
            {
                return left._length > right._length ? 1 : -1;
            }

            for (int i = left._length - 1; i >= 0; i--)
            {
                if (left._blocks[i] != right._blocks[i])
                {
                    return left._blocks[i] > right._blocks[i] ? 1 : -1;
                }
            }

            return 0;
        }

        /// <summary>result = left + right (result may be either operand).</summary>
        public static void Add(ref BigInteger left, ref BigInteger right, ref BigInteger result)
        {
            int length = left._length > right._length ? left._length : right._length;
            ulong carry = 0;
            for (int i = 0; i < length; i++)
            {
                ulong sum = carry + (i < left._length ? left._blocks[i] : 0u) + (i < right._length ? right._blocks[i] : 0u);
                result._blocks[i] = (uint)sum;
                carry = sum >> 32;
            }

            if (carry != 0)
            {
                CheckCapacity(length + 1);
                result._blocks[length] = (uint)carry;
                length++;
            }

            result._length = length;
        }

        /// <summary>this -= other, where other &lt;= this.</summary>
        public void Subtract(ref BigInteger other)
        {
            long borrow = 0;
            for (int i = 0; i < _length; i++)
            {
                long difference = (long)_blocks[i] - (i < other._length ? other._blocks[i] : 0u) + borrow;
                _blocks[i] = (uint)difference;
                borrow = difference >> 32;
            }

            Trim();
        }

        public void Multiply(uint factor)
        {
            ulong carry = 0;
            for (int i = 0; i < _length; i++)
            {
                ulong product = ((ulong)_blocks[i] * factor) + carry;
                _blocks[i] = (uint)product;
                carry = product >> 32;
            }

            if (carry != 0)
            {
                CheckCapacity(_length + 1);
                _blocks[_length] = (uint)carry;
                _length++;
            }
        }

        public void MultiplyPow10(int exponent)
        {
            while (exponent >= 9)
            {
                Multiply(1_000_000_000);
                exponent -= 9;
            }

            uint factor = 1;
            while (exponent-- > 0)
            {
                factor *= 10;
            }

            if (factor != 1)
            {
                Multiply(factor);
            }
        }

        public void ShiftLeft(int shift)
        {
            if (_length == 0 || shift == 0)
            {
                return;
            }

            int blockShift = shift / 32;
            int bitShift = shift % 32;
            int newLength = _length + blockShift + 1;
            CheckCapacity(newLength);
            for (int i = newLength - 1; i >= 0; i--)
            {
                int source = i - blockShift;
                uint high = source >= 0 && source < _length ? _blocks[source] << bitShift : 0u;
                uint low = bitShift != 0 && source - 1 >= 0 && source - 1 < _length ? _blocks[source - 1] >> (32 - bitShift) : 0u;
                _blocks[i] = high | low;
            }

            _length = newLength;
            Trim();
        }

        /// <summary>Divides by <paramref name="divisor"/> when the quotient is known to be below 10: returns
        /// the quotient and leaves the remainder in this.</summary>
        public uint DivideSmallQuotient(ref BigInteger divisor)
        {
            uint quotient = 0;
            while (Compare(ref this, ref divisor) >= 0)
            {
                Subtract(ref divisor);
                quotient++;
            }

            return quotient;
        }

        private void Trim()
        {
            while (_length > 0 && _blocks[_length - 1] == 0)
            {
                _length--;
            }
        }

        private static void CheckCapacity(int blocks)
        {
            if (blocks > MaxBlocks)
            {
                Internal.Runtime.CompilerHelpers.ThrowHelpers.Panic("Number.BigInteger overflow");
            }
        }
    }
}
