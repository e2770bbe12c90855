namespace DataPrepWorkflows.Activities.Features;

/// <summary>A feature's value type, as Feature Store names it.</summary>
public enum FeatureType
{
    /// <summary>A UTF-8 string.</summary>
    String,

    /// <summary>A 64-bit signed integer (Hive <c>bigint</c>).</summary>
    Integral,

    /// <summary>An IEEE-754 double (Hive <c>double</c>).</summary>
    Fractional,
}
