using System.Buffers.Binary;
using System.Globalization;

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>Conversions between DuckDB's storage formats and CLR values.</summary>
internal static class DuckDbConvert
{
    private const int EpochDayNumber = 719_162; // DateOnly day number of 1970-01-01.
    private const long TicksPerMicro = 10;

    public static DateOnly ToDate(int days) => days switch
    {
        int.MaxValue => DateOnly.MaxValue,   // DuckDB's 'infinity'
        -int.MaxValue => DateOnly.MinValue,  // DuckDB's '-infinity'
        _ => DateOnly.FromDayNumber(days + EpochDayNumber),
    };

    public static int FromDate(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static TimeOnly ToTime(long micros) =>
        micros * TicksPerMicro >= TimeSpan.TicksPerDay ? TimeOnly.MaxValue : new TimeOnly(micros * TicksPerMicro);

    public static long FromTime(TimeOnly time) => time.Ticks / TicksPerMicro;

    public static DateTime ToTimestamp(long value, DuckDbType unit, DateTimeKind kind = DateTimeKind.Unspecified)
    {
        if (value == long.MaxValue)
        {
            return DateTime.MaxValue;
        }

        if (value == -long.MaxValue)
        {
            return DateTime.MinValue;
        }

        var ticks = unit switch
        {
            DuckDbType.TimestampS => value * TimeSpan.TicksPerSecond,
            DuckDbType.TimestampMs => value * TimeSpan.TicksPerMillisecond,
            DuckDbType.TimestampNs => value / 100,
            _ => value * TicksPerMicro,
        };
        return new DateTime(DateTime.UnixEpoch.Ticks + ticks, kind);
    }

    public static long FromTimestamp(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks / TicksPerMicro - (DateTime.UnixEpoch.Ticks / TicksPerMicro);

    /// <summary>TIME WITH TIME ZONE packs micros in the high 40 bits and an encoded offset in the low 24.</summary>
    public static string ToTimeTz(ulong bits)
    {
        const int MaxOffsetSeconds = (16 * 60 * 60) - 1;
        var micros = (long)(bits >> 24);
        var offsetSeconds = MaxOffsetSeconds - (int)(bits & 0xFFFFFF);
        var time = ToTime(micros).ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
        var sign = offsetSeconds < 0 ? '-' : '+';
        var offset = TimeSpan.FromSeconds(Math.Abs(offsetSeconds));
        return string.Create(CultureInfo.InvariantCulture, $"{time}{sign}{offset.Hours:00}:{offset.Minutes:00}");
    }

    /// <summary>DuckDB stores a UUID as a hugeint with the top bit flipped so it sorts like its text.</summary>
    public static Guid ToGuid(ulong lower, long upper)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)upper ^ (1UL << 63));
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], lower);
        return new Guid(bytes, bigEndian: true);
    }

    public static decimal ToDecimal(Int128 unscaled, int scale)
    {
        var negative = unscaled < 0;
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        if (magnitude >> 96 != 0)
        {
            throw new OverflowException(
                $"The DECIMAL value with {scale} decimals does not fit in System.Decimal; cast the column to VARCHAR or DOUBLE.");
        }

        var lo = (int)(uint)(magnitude & uint.MaxValue);
        var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
        var hi = (int)(uint)((magnitude >> 64) & uint.MaxValue);
        return new decimal(lo, mid, hi, negative, (byte)scale);
    }

    /// <summary>Splits a decimal into DuckDB's width, scale and unscaled value.</summary>
    public static (byte Width, byte Scale, Int128 Unscaled) FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        var magnitude = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        var unscaled = value < 0 ? -magnitude : magnitude;
        var digits = 1;
        for (var rest = magnitude / 10; rest > 0; rest /= 10)
        {
            digits++;
        }

        var width = (byte)Math.Min(38, Math.Max(digits, scale + 1));
        return (width, scale, unscaled);
    }
}
