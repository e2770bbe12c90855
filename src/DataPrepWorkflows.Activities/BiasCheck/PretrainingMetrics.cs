namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// One cell of the facet × label × group contingency table: the rows with this positive-label flag, facet flag and
/// group value.
/// </summary>
/// <param name="Positive">Whether the label is positive.</param>
/// <param name="InFacet">Whether the row is in the sensitive facet <c>d</c>.</param>
/// <param name="Group">The group variable's value (null when absent or not configured).</param>
/// <param name="Count">Rows in the cell.</param>
internal readonly record struct CountCell(bool Positive, bool InFacet, object? Group, long Count);

/// <summary>
/// Clarify's pre-training metrics computed from counts. The arithmetic mirrors smclarify's: the distributions for
/// KL/JS/LP/TVD/KS are the positive-label flag's (False, True) frequencies in each group, kept only where both groups
/// are non-zero and not renormalised; CDDL weighs each group's D − A by its size.
/// </summary>
internal static class PretrainingMetrics
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["CDDL"] = "Conditional Demographic Disparity in Labels (CDDL)",
        ["CI"] = "Class Imbalance (CI)",
        ["DPL"] = "Difference in Positive Proportions in Labels (DPL)",
        ["JS"] = "Jensen-Shannon Divergence (JS)",
        ["KL"] = "Kullback-Liebler Divergence (KL)",
        ["KS"] = "Kolmogorov-Smirnov Distance (KS)",
        ["LP"] = "L-p Norm (LP)",
        ["TVD"] = "Total Variation Distance (TVD)",
    };

    /// <summary>The description Clarify prints for a metric.</summary>
    public static string Describe(string name) => Descriptions[name];

    /// <summary>Computes the named metrics; a metric that cannot be computed carries Clarify's error text instead.</summary>
    public static IReadOnlyList<BiasMetricResult> Compute(IReadOnlyList<CountCell> cells, bool hasGroupVariable, IReadOnlyList<string> methods)
    {
        var results = new List<BiasMetricResult>(methods.Count);
        foreach (var name in methods)
        {
            try
            {
                results.Add(new BiasMetricResult(name, Describe(name), Value(name, cells, hasGroupVariable), null));
            }
            catch (ArgumentException error)
            {
                results.Add(new BiasMetricResult(name, Describe(name), null, error.Message));
            }
        }

        return results;
    }

    private static double Value(string name, IReadOnlyList<CountCell> cells, bool hasGroupVariable)
    {
        long nd = 0, na = 0, nd1 = 0, na1 = 0;
        foreach (var cell in cells)
        {
            if (cell.InFacet)
            {
                nd += cell.Count;
                nd1 += cell.Positive ? cell.Count : 0;
            }
            else
            {
                na += cell.Count;
                na1 += cell.Positive ? cell.Count : 0;
            }
        }

        return name switch
        {
            "CI" => ClassImbalance(na, nd),
            "DPL" => DifferenceInPositiveProportions(na, nd, na1, nd1),
            "CDDL" => ConditionalDemographicDisparity(cells, hasGroupVariable),
            _ => Distance(name, na, nd, na1, nd1),
        };
    }

    private static double ClassImbalance(long na, long nd)
    {
        if (na == 0)
        {
            throw new ArgumentException("CI: negated facet set is empty. Check that x[~facet] has non-zero length.");
        }

        if (nd == 0)
        {
            throw new ArgumentException("CI: facet set is empty. Check that x[facet] has non-zero length.");
        }

        return (double)(na - nd) / (na + nd);
    }

    private static double DifferenceInPositiveProportions(long na, long nd, long na1, long nd1)
    {
        if (na == 0)
        {
            throw new ArgumentException("Negative facet set is empty.");
        }

        if (nd == 0)
        {
            throw new ArgumentException("Facet set is empty.");
        }

        return ((double)na1 / na) - ((double)nd1 / nd);
    }

    private static double Distance(string name, long na, long nd, long na1, long nd1)
    {
        var (pa, pd) = AlignedNonZero(na, nd, na1, nd1);
        if (pa.Length == 0)
        {
            throw new ArgumentException("No instance of common facet found, dataset may be too small");
        }

        double sum = 0, l1 = 0, l2 = 0, max = 0;
        for (var i = 0; i < pa.Length; i++)
        {
            var diff = Math.Abs(pa[i] - pd[i]);
            l1 += diff;
            l2 += diff * diff;
            max = Math.Max(max, diff);
            switch (name)
            {
                case "KL":
                    sum += pa[i] * Math.Log(pa[i] / pd[i]);
                    break;
                case "JS":
                    var p = 0.5 * (pa[i] + pd[i]);
                    sum += pa[i] * Math.Log(pa[i] / p);
                    break;
                default:
                    break;
            }
        }

        if (name == "JS")
        {
            double other = 0;
            for (var i = 0; i < pd.Length; i++)
            {
                other += pd[i] * Math.Log(pd[i] / (0.5 * (pa[i] + pd[i])));
            }

            return 0.5 * (sum + other);
        }

        return name switch
        {
            "KL" => sum,
            "LP" => Math.Sqrt(l2),
            "TVD" => 0.5 * l1,
            "KS" => max,
            _ => throw new InvalidOperationException($"Unknown metric {name}."),
        };
    }

    /// <summary>The (False, True) frequencies of each group, keeping only values non-zero in both.</summary>
    private static (double[] Pa, double[] Pd) AlignedNonZero(long na, long nd, long na1, long nd1)
    {
        var pa = new List<double>(2);
        var pd = new List<double>(2);
        foreach (var (a, d) in new[] { (na - na1, nd - nd1), (na1, nd1) })
        {
            if (a > 0 && d > 0)
            {
                pa.Add((double)a / na);
                pd.Add((double)d / nd);
            }
        }

        return ([.. pa], [.. pd]);
    }

    private static double ConditionalDemographicDisparity(IReadOnlyList<CountCell> cells, bool hasGroupVariable)
    {
        if (!hasGroupVariable)
        {
            throw new ArgumentException("Group variable is empty or not provided");
        }

        if (!cells.Any(c => c.Positive && c.Count > 0))
        {
            throw new ArgumentException("No positive labels in set");
        }

        if (!cells.Any(c => !c.Positive && c.Count > 0))
        {
            throw new ArgumentException("No negative labels in set");
        }

        var groups = new Dictionary<object, long[]>();
        foreach (var cell in cells)
        {
            if (cell.Group is null)
            {
                continue;
            }

            if (!groups.TryGetValue(cell.Group, out var counts))
            {
                groups[cell.Group] = counts = new long[5];
            }

            counts[0] += cell.Count;
            var offset = cell.Positive ? 1 : 3;
            counts[offset] += cell.Count;
            counts[offset + 1] += cell.InFacet ? cell.Count : 0;
        }

        double weighted = 0;
        long total = 0;
        foreach (var counts in groups.Values)
        {
            var accepted = counts[1] != 0 ? (double)counts[2] / counts[1] : 0;
            var rejected = counts[3] != 0 ? (double)counts[4] / counts[3] : 0;
            weighted += counts[0] * (rejected - accepted);
            total += counts[0];
        }

        return total == 0 ? 0.0 : weighted / total;
    }
}
