"""The 20-step loan recipe (loan-recipe.json) written with pandas, step for step, for the clean benchmark.

Usage: python3 clean_pandas.py <input.csv> <output.csv>; prints "<pandas version> <wall s> <cpu s> <rows>".
Timed inside Python so interpreter start-up and the pandas import are not counted against pandas.
"""
import sys
import time

import numpy as np
import pandas as pd


def capital_case(s):
    return s.str.lower().str.split(" ").map(lambda ws: " ".join(w[:1].upper() + w[1:] for w in ws), na_action="ignore")


def clean(df):
    df = df.drop_duplicates()                                                            # 1 DELETE_DUPLICATE_ROWS
    df["employment_status"] = df["employment_status"].fillna("Unknown")                  # 2 FILL_WITH_CUSTOM
    df["age"] = df["age"].fillna(df["age"].median())                                     # 3 FILL_WITH_MEDIAN
    df["annual_income"] = df["annual_income"].fillna(df["annual_income"].mean())         # 4 FILL_WITH_AVERAGE
    x = df["annual_income"]
    z = (x - x.mean()).abs() / x.std(ddof=0)
    df = df[~(z > 3)].copy()                                                             # 5 REMOVE_OUTLIERS Z_SCORE
    q1, q3 = df["age"].quantile(0.25), df["age"].quantile(0.75)
    df["age"] = df["age"].clip(q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1))              # 6 REPLACE_OUTLIERS IQR winsorize
    df["region"] = df["region"].str.replace(r"\s+", " ", regex=True).str.strip()         # 7 REMOVE_COMBINED
    df["region"] = capital_case(df["region"])                                            # 8 CAPITAL_CASE
    df["loan_purpose"] = df["loan_purpose"].str.replace(r"\s+", " ", regex=True).str.strip()  # 9 REMOVE_COMBINED
    df["loan_purpose"] = capital_case(df["loan_purpose"])                                # 10 CAPITAL_CASE
    a = df["loan_amount"]
    df.insert(df.columns.get_loc("loan_amount") + 1, "loan_amount_scaled", (a - a.min()) / (a.max() - a.min()))  # 11
    c = df["credit_score"]
    df.insert(df.columns.get_loc("credit_score") + 1, "credit_score_z", (c - c.mean()) / c.std(ddof=0))          # 12
    d = df["debt_to_income"]
    df.insert(df.columns.get_loc("debt_to_income") + 1, "high_dti", np.where(d.isna(), np.nan, (d > 0.4).astype(float)))  # 13
    df.insert(df.columns.get_loc("age") + 1, "age_band",
              pd.cut(df["age"], [-np.inf, 30, 45, 60, np.inf], right=False, labels=["young", "adult", "middle", "senior"]))  # 14
    mapping = {"High School": 1.0, "Bachelor": 2.0, "Master": 3.0, "Doctorate": 4.0}
    df.insert(df.columns.get_loc("education") + 1, "education_level", df["education"].map(mapping))  # 15
    dummies = pd.get_dummies(df["region"], prefix="region").astype(int)                  # 16 ONE_HOT_ENCODING
    at = df.columns.get_loc("region") + 1
    df = pd.concat([df.iloc[:, :at], dummies, df.iloc[:, at:]], axis=1)
    dates = pd.to_datetime(df["application_date"], errors="coerce")
    df.insert(df.columns.get_loc("application_date") + 1, "application_year", dates.dt.year)   # 17 YEAR
    df.insert(df.columns.get_loc("application_date") + 1, "application_month", dates.dt.month)  # 18 MONTH
    df.insert(df.columns.get_loc("loan_amount") + 1, "loan_to_income",
              df["loan_amount"] / df["annual_income"].replace(0, np.nan))                # 19 DIVIDE
    return df.rename(columns={"approved": "label"})                                     # 20 RENAME


def main():
    source, target = sys.argv[1], sys.argv[2]
    wall, cpu = time.perf_counter(), time.process_time()
    df = clean(pd.read_csv(source))
    df.to_csv(target, index=False)
    print(pd.__version__, time.perf_counter() - wall, time.process_time() - cpu, len(df))


if __name__ == "__main__":
    main()
