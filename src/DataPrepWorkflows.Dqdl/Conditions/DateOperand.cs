using System.Globalization;
using DataPrepWorkflows.Dqdl.Printing;

namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>
/// A point in time in a date condition: <c>now()</c>, <c>(now() - 3 days)</c>, a date <c>"2024-01-31"</c>, a time
/// of today <c>"9:30 AM"</c> / <c>"19:30"</c>, or <c>NULL</c>. <see cref="object.ToString"/> gives the canonical text.
/// </summary>
public abstract record DateOperand
{
    /// <summary>The point in time this operand stands for when the rule runs at <paramref name="now"/>.</summary>
    /// <returns>The instant, or <see langword="null"/> for <c>NULL</c>.</returns>
    public abstract DateTimeOffset? Resolve(DateTimeOffset now);

    /// <summary>The canonical DQDL text of the operand.</summary>
    public sealed override string ToString() => DqdlPrinter.Date(this);
}

/// <summary><c>now()</c>: the time the rule runs.</summary>
public sealed record NowDateOperand : DateOperand
{
    /// <inheritdoc />
    public override DateTimeOffset? Resolve(DateTimeOffset now) => now;
}

/// <summary><c>(now() - 3 days)</c> or <c>(now() + 4 hours)</c>.</summary>
/// <param name="Operator"><c>+</c> or <c>-</c>.</param>
/// <param name="Offset">The duration added to or subtracted from now.</param>
public sealed record RelativeDateOperand(char Operator, DqDuration Offset) : DateOperand
{
    /// <inheritdoc />
    public override DateTimeOffset? Resolve(DateTimeOffset now) =>
        Operator == '-' ? now - Offset.TimeSpan : now + Offset.TimeSpan;
}

/// <summary>A calendar date <c>"yyyy-MM-dd"</c>, standing for its midnight UTC.</summary>
/// <param name="Date">The date.</param>
public sealed record StaticDateOperand(DateOnly Date) : DateOperand
{
    /// <summary>The date as DQDL writes it.</summary>
    public string Text => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override DateTimeOffset? Resolve(DateTimeOffset now) =>
        new DateTimeOffset(Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>
/// A time of day, <c>"9:30 AM"</c> or <c>"19:30"</c>, standing for that time today in the rule's <c>timeZone</c>
/// tag (UTC when the rule has none).
/// </summary>
/// <param name="Text">The time as written between the quotes.</param>
/// <param name="Time">The parsed time of day.</param>
/// <param name="TimeZoneId">The IANA time zone the time is in.</param>
public sealed record TimeOfDayOperand(string Text, TimeOnly Time, string TimeZoneId) : DateOperand
{
    /// <inheritdoc />
    public override DateTimeOffset? Resolve(DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var local = DateOnly.FromDateTime(localNow.DateTime).ToDateTime(Time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary><c>NULL</c> used as a date: matches missing values.</summary>
public sealed record NullDateOperand : DateOperand
{
    /// <inheritdoc />
    public override DateTimeOffset? Resolve(DateTimeOffset now) => null;
}
