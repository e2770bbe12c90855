"""The pandas equivalent of loan-rules.dqdl, for the quality benchmark.

Usage: /usr/bin/python3 quality_pandas.py loans.csv
Prints: pandas version, wall seconds, CPU seconds, passed rule count. Timed inside Python (read_csv included, as the
DuckDB side includes reading the CSV), so interpreter start-up and the pandas import are not counted.
"""
import math
import sys
import time

import numpy as np
import pandas as pd


def between(v, low, high):
    return v is not None and not (isinstance(v, float) and math.isnan(v)) and low < v < high


def compliance(mask):
    return float(mask.sum()) / len(mask) if len(mask) else 1.0


def frequencies(series):
    counts = series.dropna().value_counts()
    rows = counts.sum()
    singles = (counts == 1).sum()
    return counts, rows, singles


def evaluate(df):
    results = []
    n = len(df)
    results.append(n > 900000)
    results.append(len(df.columns) == 17)
    results.append(df["applicant_id"].notna().mean() == 1.0)
    results.append(df["age"].notna().mean() > 0.95)
    results.append(df["annual_income"].notna().mean() > 0.9)
    results.append(df["employment_status"].notna().mean() > 0.95)
    counts, rows, singles = frequencies(df["applicant_id"])
    uniqueness = singles / rows
    results.append(uniqueness == 1.0)
    results.append(uniqueness > 0.95)
    age = df["age"]
    results.append(compliance((age > 17) & (age < 101)) == 1.0)
    score = df["credit_score"]
    results.append(compliance((score > 299) & (score < 851)) == 1.0)
    results.append(compliance(df["loan_term_months"].isin([12, 24, 36, 60])) == 1.0)
    results.append(compliance(df["region"].isin(["North", "South", "East", "West", "Central"])) > 0.9)
    results.append(compliance(df["sex"].isin(["Male", "Female"])) > 0.9)
    results.append(compliance(df["loan_purpose"].isin(["Home", "Car", "Education", "Business", "Personal"])) > 0.9)
    results.append(compliance(df["education"].isin(["High School", "Bachelor", "Master", "Doctorate"])) > 0.9)
    results.append(compliance(df["marital_status"].isin(["Single", "Married", "Divorced", "Widowed"])) > 0.9)
    results.append(compliance(df["debt_to_income"] >= 0) == 1.0)
    results.append(compliance(df["loan_amount"] > 0) == 1.0)
    results.append(between(df["annual_income"].mean(), 20000, 200000))
    results.append(between(df["credit_score"].mean(), 500, 800))
    results.append(df["loan_amount"].std(ddof=0) > 0)
    results.append(df["dependents"].sum() > 0)
    region_counts, region_rows, region_singles = frequencies(df["region"])
    results.append(len(region_counts) >= 5)
    purpose_counts, purpose_rows, _ = frequencies(df["loan_purpose"])
    p = purpose_counts / purpose_rows
    results.append(float(-(p * np.log(p)).sum()) > 1)
    lengths = df["applicant_id"].astype("string").str.len()
    results.append(compliance((lengths > 3) & (lengths < 20)) == 1.0)
    results.append(df["annual_income"].corr(df["loan_amount"]) > 0)
    dates = pd.to_datetime(df["application_date"], errors="coerce")
    results.append(compliance(dates > pd.Timestamp("2023-12-31")) == 1.0)
    results.append(int(df["approved"].astype(bool).sum()) > 0)
    north = df[df["region"] == "North"]
    results.append(north["age"].notna().mean() > 0.9)
    results.append(region_singles / len(region_counts) < 0.1)
    return results


def main():
    wall, cpu = time.perf_counter(), time.process_time()
    df = pd.read_csv(sys.argv[1])
    results = evaluate(df)
    assert len(results) == 30
    print(pd.__version__, time.perf_counter() - wall, time.process_time() - cpu, sum(bool(r) for r in results))


if __name__ == "__main__":
    main()
