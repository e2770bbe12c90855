namespace DataPrepWorkflows.Activities.Features;

/// <summary>Quoting and the event-time expressions shared by the SQL the feature store generates.</summary>
internal static class FeatureSql
{
    /// <summary>Feature Store's two String event-time formats, as a DuckDB regular expression.</summary>
    public const string IsoPattern = @"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z";

    // IsoPattern's two shapes with the hour limited to 00-23 (minutes and seconds to 00-59), as GLOB patterns.
    private static readonly string[] FastShapes =
    [
        "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[01][0-9]:[0-5][0-9]:[0-5][0-9]Z",
        "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T2[0-3]:[0-5][0-9]:[0-5][0-9]Z",
        "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[01][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z",
        "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T2[0-3]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z",
    ];

    // Epoch seconds of 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: Feature Store's event-time range.
    public const double MinEpochSeconds = -62167219200d;
    public const double MaxEpochSeconds = 253402300799.999d;

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A TIMESTAMP (UTC) from an event-time value already cast to VARCHAR, or NULL when it is not valid.</summary>
    public static string EventTimestamp(string varcharExpression, FeatureType type) => type == FeatureType.Fractional
        ? $"(CASE WHEN try_cast({varcharExpression} AS DOUBLE) BETWEEN {MinEpochSeconds:R} AND {MaxEpochSeconds:R} "
          + $"THEN make_timestamp(CAST(round(try_cast({varcharExpression} AS DOUBLE) * 1000) AS BIGINT) * 1000) END)"
        : $"(CASE WHEN regexp_full_match({varcharExpression}, {Literal(IsoPattern)}) "
          + $"THEN try_strptime({varcharExpression}, ['%Y-%m-%dT%H:%M:%SZ', '%Y-%m-%dT%H:%M:%S.%gZ']) END)";

    /// <summary>
    /// The same TIMESTAMP as <see cref="EventTimestamp"/>, cheaper for the common case: a String value of exactly
    /// Feature Store's shape with an hour of 00–23 is cast (DuckDB's cast gives the same instant as the exact parse for
    /// that shape; only hour 24, which the cast accepts as the next day, differs, hence the hour classes); a cast that
    /// fails, and every other value, take the exact path. Fractional event times are unchanged.
    /// </summary>
    public static string EventTimestampFast(string varcharExpression, FeatureType type)
    {
        if (type == FeatureType.Fractional)
        {
            return EventTimestamp(varcharExpression, type);
        }

        var exact = EventTimestamp(varcharExpression, type);
        var shapes = string.Join(" OR ", FastShapes.Select(shape => $"{varcharExpression} GLOB '{shape}'"));
        return $"(CASE WHEN {shapes} THEN coalesce(try_cast({varcharExpression} AS TIMESTAMP), {exact}) ELSE {exact} END)";
    }

    /// <summary>A timestamp literal for <paramref name="time"/> in UTC, to the microsecond.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        "TIMESTAMP " + Literal(time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture));
}
