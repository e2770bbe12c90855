namespace DataPrepWorkflows.Activities.SampleData;

/// <summary>What the generator wrote, including every defect it planted (so tests and reports can check them).</summary>
public sealed record LoanSampleReport
{
    /// <summary>Data rows written.</summary>
    public int Rows { get; init; }

    /// <summary>Rows that repeat an earlier row exactly.</summary>
    public int ExactDuplicates { get; init; }

    /// <summary>Rows that repeat an earlier applicant with small differences (casing, whitespace, income ±1%).</summary>
    public int NearDuplicates { get; init; }

    /// <summary>Empty <c>age</c> values.</summary>
    public int MissingAge { get; init; }

    /// <summary>Empty <c>annual_income</c> values.</summary>
    public int MissingIncome { get; init; }

    /// <summary>Empty <c>employment_status</c> values.</summary>
    public int MissingEmployment { get; init; }

    /// <summary>Incomes multiplied by 40–60 (outliers).</summary>
    public int IncomeOutliers { get; init; }

    /// <summary>Impossible ages (below 0 or above 120).</summary>
    public int AgeOutliers { get; init; }

    /// <summary>Rows whose region, employment status or purpose has odd casing or surrounding whitespace.</summary>
    public int MessyText { get; init; }

    /// <summary>Share of approved applications among <c>sex = Male</c> rows.</summary>
    public double ApprovalRateMale { get; init; }

    /// <summary>Share of approved applications among <c>sex = Female</c> rows.</summary>
    public double ApprovalRateFemale { get; init; }
}
