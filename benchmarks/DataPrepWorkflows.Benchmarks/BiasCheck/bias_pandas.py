"""The same group statistics in pandas: read the CSV, then facet x label counts for sex == Female, approved == 1
(plus per-group counts by region for CDDL), and DPL from them. Prints the seconds taken, DPL, the pandas version and
the CPU seconds the process used."""
import sys
import time

import pandas as pd

start = time.perf_counter()
cpu_start = time.process_time()
df = pd.read_csv(sys.argv[1])
facet = df["sex"] == "Female"
positive = df["approved"] == 1
counts = pd.crosstab([facet, df["region"]], positive)
nd = int(facet.sum())
na = len(df) - nd
nd1 = int((facet & positive).sum())
na1 = int((~facet & positive).sum())
dpl = na1 / na - nd1 / nd
elapsed = time.perf_counter() - start
cpu = time.process_time() - cpu_start
print(f"{elapsed:.4f} {dpl:.12f} {pd.__version__} {cpu:.4f}")
