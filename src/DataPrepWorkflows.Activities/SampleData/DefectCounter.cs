namespace DataPrepWorkflows.Activities.SampleData;

/// <summary>Tallies what the generator wrote, for <see cref="LoanSampleReport"/>.</summary>
internal sealed class DefectCounter
{
    private int _male;
    private int _maleApproved;
    private int _female;
    private int _femaleApproved;

    public int ExactDuplicates { get; set; }

    public int NearDuplicates { get; set; }

    public int AgeOutliers { get; set; }

    public int IncomeOutliers { get; set; }

    public int MessyText { get; set; }

    public int MissingAge { get; private set; }

    public int MissingIncome { get; private set; }

    public int MissingEmployment { get; private set; }

    public void Count(LoanApplication a)
    {
        MissingAge += a.Age is null ? 1 : 0;
        MissingIncome += a.AnnualIncome is null ? 1 : 0;
        MissingEmployment += a.EmploymentStatus is null ? 1 : 0;
        if (a.Sex == "Male")
        {
            _male++;
            _maleApproved += a.Approved ? 1 : 0;
        }
        else
        {
            _female++;
            _femaleApproved += a.Approved ? 1 : 0;
        }
    }

    public LoanSampleReport ToReport(int rows) => new()
    {
        Rows = rows,
        ExactDuplicates = ExactDuplicates,
        NearDuplicates = NearDuplicates,
        MissingAge = MissingAge,
        MissingIncome = MissingIncome,
        MissingEmployment = MissingEmployment,
        IncomeOutliers = IncomeOutliers,
        AgeOutliers = AgeOutliers,
        MessyText = MessyText,
        ApprovalRateMale = _male == 0 ? 0 : (double)_maleApproved / _male,
        ApprovalRateFemale = _female == 0 ? 0 : (double)_femaleApproved / _female,
    };
}
