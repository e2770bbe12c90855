using System.Globalization;
using System.Numerics;

namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// Numbers as EventBridge compares them: decimal values between -5.0E9 and 5.0E9 with at most six decimal places,
/// held exactly as a count of millionths. Numbers outside that domain still match by their literal text but never
/// numerically (an AWS account number such as 123456789012 is the usual example).
/// </summary>
internal static class ComparableNumber
{
    /// <summary>5.0E9 in millionths.</summary>
    public const long Limit = 5_000_000_000_000_000;

    /// <summary>Values are compared as whole millionths.</summary>
    public const long Millionths = 1_000_000;

    public const string RangeMessage = "Value must be between -5.0E9 and 5.0E9, inclusive";

    private static readonly BigInteger BigLimit = new(Limit);

    /// <summary>Converts a JSON number literal; on failure <paramref name="error"/> holds the rejection reason.</summary>
    public static bool TryScale(string text, out long scaled, out string? error)
    {
        if (TryScaleInteger(text.AsSpan(), out scaled))
        {
            error = null;
            return true;
        }

        scaled = 0;
        if (!TryDecompose(text, out var unscaled, out var scale))
        {
            error = "Invalid numeric value: " + text;
            return false;
        }

        while (!unscaled.IsZero && BigInteger.Remainder(unscaled, 10).IsZero)
        {
            unscaled /= 10;
            scale--;
        }

        if (unscaled.IsZero)
        {
            scale = 0;
        }

        if (scale > 6)
        {
            error = "Only values upto 6 decimals are supported" + JavaDecimalText(unscaled, scale) + " " + text + " "
                + JavaHexDouble(RoundToMillionths(unscaled, scale));
            return false;
        }

        if (6 - scale > 40)
        {
            error = RangeMessage;
            return false;
        }

        var millionths = unscaled * BigInteger.Pow(10, 6 - scale);
        if (BigInteger.Abs(millionths) > BigLimit)
        {
            error = RangeMessage;
            return false;
        }

        scaled = (long)millionths;
        error = null;
        return true;
    }

    /// <summary>Fast path for event values: plain integers of up to ten digits, as UTF-16 text or UTF-8 bytes.</summary>
    public static bool TryScaleInteger<TChar>(ReadOnlySpan<TChar> text, out long scaled)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        scaled = 0;
        var negative = text.Length > 0 && int.CreateTruncating(text[0]) == '-';
        var digits = negative ? text[1..] : text;
        if (digits.Length is 0 or > 10)
        {
            return false;
        }

        long value = 0;
        foreach (var c in digits)
        {
            var digit = int.CreateTruncating(c) - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        value *= Millionths;
        if (value > Limit)
        {
            return false;
        }

        scaled = negative ? -value : value;
        return true;
    }

    private static bool TryDecompose(string text, out BigInteger unscaled, out int scale)
    {
        unscaled = BigInteger.Zero;
        scale = 0;
        var span = text.AsSpan();
        var exponent = 0;
        var e = span.IndexOfAny('e', 'E');
        if (e >= 0)
        {
            if (!int.TryParse(span[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }

            span = span[..e];
        }

        var dot = span.IndexOf('.');
        string digits;
        if (dot >= 0)
        {
            digits = string.Concat(span[..dot], span[(dot + 1)..]);
            scale = span.Length - dot - 1;
        }
        else
        {
            digits = span.ToString();
        }

        scale -= exponent;
        return BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out unscaled);
    }

    private static double RoundToMillionths(BigInteger unscaled, int scale)
    {
        var divisor = BigInteger.Pow(10, scale - 6);
        var quotient = BigInteger.DivRem(BigInteger.Abs(unscaled), divisor, out var remainder);
        if (remainder * 2 >= divisor)
        {
            quotient += 1;
        }

        var text = (unscaled.Sign < 0 ? "-" : string.Empty) + quotient.ToString(CultureInfo.InvariantCulture) + "e-6";
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>java.math.BigDecimal#toString of unscaled × 10^-scale.</summary>
    private static string JavaDecimalText(BigInteger unscaled, int scale)
    {
        var negative = unscaled.Sign < 0;
        var coefficient = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        var adjusted = -(long)scale + (coefficient.Length - 1);
        string body;
        if (scale >= 0 && adjusted >= -6)
        {
            if (scale == 0)
            {
                body = coefficient;
            }
            else if (coefficient.Length > scale)
            {
                body = coefficient[..^scale] + "." + coefficient[^scale..];
            }
            else
            {
                body = "0." + new string('0', scale - coefficient.Length) + coefficient;
            }
        }
        else
        {
            body = coefficient[..1] + (coefficient.Length > 1 ? "." + coefficient[1..] : string.Empty) + "E"
                + (adjusted > 0 ? "+" : string.Empty) + adjusted.ToString(CultureInfo.InvariantCulture);
        }

        return negative ? "-" + body : body;
    }

    /// <summary>java.lang.Double#toHexString.</summary>
    private static string JavaHexDouble(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var sign = bits < 0 ? "-" : string.Empty;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFF;
        if (exponent == 0 && mantissa == 0)
        {
            return sign + "0x0.0p0";
        }

        var digits = mantissa.ToString("x13", CultureInfo.InvariantCulture).TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        return exponent == 0
            ? sign + "0x0." + digits + "p-1022"
            : sign + "0x1." + digits + "p" + (exponent - 1023).ToString(CultureInfo.InvariantCulture);
    }
}
