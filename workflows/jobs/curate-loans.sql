-- Curates the crawled raw loan applications: one row per applicant, tidy text, impossible ages dropped,
-- a month column to partition by. Arguments: --source_table (database.table).
CREATE OR REPLACE TEMP MACRO tidy_case(s) AS upper(left(trim(s), 1)) || lower(substr(trim(s), 2));

WITH tidy AS (
    SELECT
        applicant_id,
        CAST(application_date AS DATE)                     AS application_date,
        strftime(CAST(application_date AS DATE), '%Y-%m')  AS application_month,
        CASE WHEN age BETWEEN 18 AND 100 THEN age END      AS age,
        sex,
        marital_status,
        dependents,
        education,
        tidy_case(employment_status)                       AS employment_status,
        years_employed,
        annual_income,
        credit_score,
        loan_amount,
        loan_term_months,
        tidy_case(loan_purpose)                            AS loan_purpose,
        tidy_case(region)                                  AS region,
        debt_to_income,
        approved
    FROM ${source_table}
)
SELECT DISTINCT ON (applicant_id) *
FROM tidy
ORDER BY applicant_id, application_date
