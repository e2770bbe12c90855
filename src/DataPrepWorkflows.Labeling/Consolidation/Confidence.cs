namespace DataPrepWorkflows.Labeling.Consolidation;

/// <summary>How confidences are written.</summary>
internal static class Confidence
{
    /// <summary>
    /// The share of workers who agree, rounded to two decimals as Ground Truth prints them; <c>0.00</c> when the job asks
    /// one worker per object, as Ground Truth does (one answer says nothing about agreement).
    /// </summary>
    public static double Share(int agreeing, int workers) =>
        workers <= 1 ? 0.0 : Math.Round((double)agreeing / workers, 2, MidpointRounding.AwayFromZero);

    /// <summary>A pre-labeler's confidence, clamped to 0–1 and rounded to two decimals.</summary>
    public static double Of(double value) => Math.Round(Math.Clamp(value, 0, 1), 2, MidpointRounding.AwayFromZero);
}
