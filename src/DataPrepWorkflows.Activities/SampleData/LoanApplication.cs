namespace DataPrepWorkflows.Activities.SampleData;

/// <summary>One generated loan application before defects are applied; text fields are already in CSV form.</summary>
internal sealed record LoanApplication(
    string ApplicantId,
    DateOnly ApplicationDate,
    int? Age,
    string Sex,
    string MaritalStatus,
    int Dependents,
    string Education,
    string? EmploymentStatus,
    int YearsEmployed,
    double? AnnualIncome,
    int CreditScore,
    double LoanAmount,
    int LoanTermMonths,
    string LoanPurpose,
    string Region,
    double DebtToIncome,
    bool Approved);
