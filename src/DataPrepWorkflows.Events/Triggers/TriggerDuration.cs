using System.Globalization;
using System.Xml;

namespace DataPrepWorkflows.Events.Triggers;

/// <summary>
/// Durations in trigger inputs: the short form <c>500ms</c>, <c>60s</c>, <c>5m</c>, <c>24h</c>, <c>7d</c>, or ISO 8601
/// (<c>PT60S</c>, <c>P1D</c>), so a batch window reads like the examples users copy from Kestra and Step Functions.
/// </summary>
public static class TriggerDuration
{
    /// <summary>Parses a duration; false for anything else, including zero and negative values.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.StartsWith('P'))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                return false;
            }
            catch (OverflowException)
            {
                return false;
            }

            return duration > TimeSpan.Zero;
        }

        var unitStart = text.Length;
        while (unitStart > 0 && char.IsAsciiLetter(text[unitStart - 1]))
        {
            unitStart--;
        }

        if (!long.TryParse(text.AsSpan(0, unitStart), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        var perUnit = text[unitStart..] switch
        {
            "ms" => TimeSpan.FromMilliseconds(1),
            "s" => TimeSpan.FromSeconds(1),
            "m" => TimeSpan.FromMinutes(1),
            "h" => TimeSpan.FromHours(1),
            "d" => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };
        if (perUnit == TimeSpan.Zero || amount > TimeSpan.MaxValue.Ticks / perUnit.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks(amount * perUnit.Ticks);
        return true;
    }

    /// <summary>The ISO 8601 form (<c>PT1M</c>) stored in the trigger index.</summary>
    public static string Format(TimeSpan duration) => XmlConvert.ToString(duration);
}
