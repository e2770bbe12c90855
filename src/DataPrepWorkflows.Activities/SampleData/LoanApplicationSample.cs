using System.Globalization;

namespace DataPrepWorkflows.Activities.SampleData;

/// <summary>
/// Generates a deterministic, realistic loan-application dataset as CSV, with documented defects for the cleaning,
/// quality and bias activities to find: about 1% missing ages, 3% missing incomes, 2% missing employment status,
/// 1% exact duplicates, 0.5% near duplicates, 0.3% income outliers, 0.1% impossible ages, 4% messy text (casing,
/// whitespace), and an approval-rate gap against <c>sex = Female</c> that the data does not explain.
/// </summary>
public static class LoanApplicationSample
{
    /// <summary>The CSV columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "applicant_id", "application_date", "age", "sex", "marital_status", "dependents", "education",
        "employment_status", "years_employed", "annual_income", "credit_score", "loan_amount", "loan_term_months",
        "loan_purpose", "region", "debt_to_income", "approved",
    ];

    private static readonly (string, double)[] MaritalStatuses = [("Single", 0.42), ("Married", 0.45), ("Divorced", 0.1), ("Widowed", 0.03)];
    private static readonly (string, double)[] Educations = [("High School", 0.35), ("Bachelor", 0.4), ("Master", 0.2), ("Doctorate", 0.05)];
    private static readonly (string, double)[] Employments = [("Employed", 0.68), ("Self-employed", 0.14), ("Unemployed", 0.07), ("Retired", 0.07), ("Student", 0.04)];
    private static readonly (string, double)[] Purposes = [("Home", 0.3), ("Car", 0.25), ("Education", 0.1), ("Business", 0.12), ("Personal", 0.23)];
    private static readonly (string, double)[] Regions = [("North", 0.22), ("South", 0.24), ("East", 0.2), ("West", 0.19), ("Central", 0.15)];
    private static readonly (int, double)[] Terms = [(12, 0.15), (24, 0.2), (36, 0.35), (60, 0.3)];

    /// <summary>Writes the header and <see cref="LoanSampleOptions.Rows"/> data rows.</summary>
    public static LoanSampleReport Write(TextWriter writer, LoanSampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Rows);

        var random = new SampleRandom(options.Seed);
        var counts = new DefectCounter();
        var recent = new LoanApplication[64];
        var recentCount = 0;
        var nextId = 1;
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');

        for (var row = 0; row < options.Rows; row++)
        {
            LoanApplication application;
            var roll = random.NextDouble();
            if (recentCount > 0 && roll < 0.01)
            {
                application = recent[random.Next(0, Math.Min(recentCount, recent.Length))];
                counts.ExactDuplicates++;
            }
            else if (recentCount > 0 && roll < 0.015)
            {
                application = NearDuplicate(recent[random.Next(0, Math.Min(recentCount, recent.Length))], random);
                counts.NearDuplicates++;
            }
            else
            {
                application = WithDefects(Generate(nextId++, options, random), random, counts);
                recent[recentCount++ % recent.Length] = application;
            }

            counts.Count(application);
            WriteRow(writer, application);
        }

        return counts.ToReport(options.Rows);
    }

    private static LoanApplication Generate(int id, LoanSampleOptions options, SampleRandom random)
    {
        var sex = random.Chance(0.5) ? "Male" : "Female";
        var age = Math.Clamp((int)Math.Round(41 + (12 * random.NextGaussian())), 18, 85);
        var education = random.Pick(Educations);
        var employment = age >= 67 && random.Chance(0.7) ? "Retired" : random.Pick(Employments);
        employment = employment == "Retired" && age < 55 ? "Employed" : employment;
        var yearsEmployed = employment is "Employed" or "Self-employed" ? Math.Clamp((int)(random.NextDouble() * (age - 17)), 0, 45) : 0;
        var educationBoost = education switch { "Bachelor" => 0.25, "Master" => 0.4, "Doctorate" => 0.55, _ => 0.0 };
        var incomeBase = employment switch { "Unemployed" => 9.4, "Student" => 9.6, "Retired" => 10.1, _ => 10.75 };
        var income = Math.Round(Math.Exp(incomeBase + educationBoost + (0.45 * random.NextGaussian())), 2);
        var creditScore = Math.Clamp((int)Math.Round(680 + (60 * random.NextGaussian()) + (yearsEmployed * 1.2)), 300, 850);
        var purpose = random.Pick(Purposes);
        var purposeScale = purpose switch { "Home" => 3.5, "Business" => 1.6, "Car" => 0.6, "Education" => 0.5, _ => 0.25 };
        var loanAmount = Math.Round(Math.Max(500, income * purposeScale * Math.Exp(0.35 * random.NextGaussian())) / 50) * 50;
        var term = random.Pick(Terms);
        var debtToIncome = Math.Round(Math.Clamp(0.05 + (0.12 * Math.Abs(random.NextGaussian())) + (loanAmount / income / term * 4), 0, 1.5), 3);

        // The approval model depends on credit, income, debt and employment — and, deliberately, on sex, so the bias
        // check has a real gap to find that the other columns do not explain.
        var logit = -0.4 + (0.012 * (creditScore - 680)) + (0.9 * Math.Log(income / 40000.0)) - (3.0 * (debtToIncome - 0.3))
            + (employment is "Unemployed" ? -1.2 : 0.0) + (sex == "Female" ? -0.75 : 0.0);
        var approved = random.NextDouble() < 1.0 / (1.0 + Math.Exp(-logit));

        return new LoanApplication(
            ApplicantId: $"A{id:D7}",
            ApplicationDate: options.FirstDate.AddDays(random.Next(0, options.Days)),
            Age: age,
            Sex: sex,
            MaritalStatus: random.Pick(MaritalStatuses),
            Dependents: random.Pick<int>([(0, 0.45), (1, 0.22), (2, 0.2), (3, 0.09), (4, 0.04)]),
            Education: education,
            EmploymentStatus: employment,
            YearsEmployed: yearsEmployed,
            AnnualIncome: income,
            CreditScore: creditScore,
            LoanAmount: loanAmount,
            LoanTermMonths: term,
            LoanPurpose: purpose,
            Region: random.Pick(Regions),
            DebtToIncome: debtToIncome,
            Approved: approved);
    }

    private static LoanApplication WithDefects(LoanApplication a, SampleRandom random, DefectCounter counts)
    {
        if (random.Chance(0.01))
        {
            a = a with { Age = null };
        }
        else if (random.Chance(0.001))
        {
            a = a with { Age = random.Chance(0.5) ? -1 : random.Next(130, 200) };
            counts.AgeOutliers++;
        }

        if (random.Chance(0.03))
        {
            a = a with { AnnualIncome = null };
        }
        else if (random.Chance(0.003))
        {
            a = a with { AnnualIncome = Math.Round(a.AnnualIncome!.Value * random.Next(40, 61), 2) };
            counts.IncomeOutliers++;
        }

        if (random.Chance(0.02))
        {
            a = a with { EmploymentStatus = null };
        }

        if (random.Chance(0.04))
        {
            a = random.Next(0, 3) switch
            {
                0 => a with { Region = Messy(a.Region, random) },
                1 => a with { EmploymentStatus = a.EmploymentStatus is null ? null : Messy(a.EmploymentStatus, random) },
                _ => a with { LoanPurpose = Messy(a.LoanPurpose, random) },
            };
            counts.MessyText++;
        }

        return a;
    }

    private static LoanApplication NearDuplicate(LoanApplication a, SampleRandom random) => a with
    {
        Region = Messy(a.Region, random),
        AnnualIncome = a.AnnualIncome is { } income ? Math.Round(income * (0.99 + (0.02 * random.NextDouble())), 2) : null,
    };

    private static string Messy(string value, SampleRandom random) => random.Next(0, 4) switch
    {
        0 => value.ToUpperInvariant(),
        1 => value.ToLowerInvariant(),
        2 => " " + value,
        _ => value + "  ",
    };

    private static void WriteRow(TextWriter w, LoanApplication a)
    {
        var c = CultureInfo.InvariantCulture;
        w.Write(a.ApplicantId);
        w.Write(',');
        w.Write(a.ApplicationDate.ToString("yyyy-MM-dd", c));
        w.Write(',');
        w.Write(a.Age?.ToString(c));
        w.Write(',');
        w.Write(a.Sex);
        w.Write(',');
        w.Write(a.MaritalStatus);
        w.Write(',');
        w.Write(a.Dependents.ToString(c));
        w.Write(',');
        w.Write(a.Education);
        w.Write(',');
        w.Write(a.EmploymentStatus);
        w.Write(',');
        w.Write(a.YearsEmployed.ToString(c));
        w.Write(',');
        w.Write(a.AnnualIncome?.ToString("0.##", c));
        w.Write(',');
        w.Write(a.CreditScore.ToString(c));
        w.Write(',');
        w.Write(a.LoanAmount.ToString("0.##", c));
        w.Write(',');
        w.Write(a.LoanTermMonths.ToString(c));
        w.Write(',');
        w.Write(a.LoanPurpose);
        w.Write(',');
        w.Write(a.Region);
        w.Write(',');
        w.Write(a.DebtToIncome.ToString("0.###", c));
        w.Write(',');
        w.Write(a.Approved ? '1' : '0');
        w.Write('\n');
    }
}
