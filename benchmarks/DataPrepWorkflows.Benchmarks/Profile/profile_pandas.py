"""The statistics of a full DataPrepWorkflows profile, computed with pandas, for the 'profile' benchmark.

Usage: /usr/bin/python3 profile_pandas.py <csv>
Prints: <pandas version> <wall seconds> <cpu seconds> <columns profiled>
Same work as DataProfiler with the default configuration: read the CSV, duplicate rows, and per column missing,
distinct, unique, entropy, 50 most common values, mode; for numbers min, max, mean, sum, range, variance, standard
deviation, skewness, kurtosis, percentiles 5/25/50/75/95, IQR, median absolute deviation, zeros, 5 smallest and
largest, 20-bin histogram, z-score histogram, z-score outliers (|z| > 3) and Pearson correlations; for dates min/max.
"""
import sys
import time

import numpy as np
import pandas as pd


def profile(path):
    frame = pd.read_csv(path, parse_dates=["application_date"])
    result = {"rowCount": len(frame), "duplicateRowsCount": int(frame.duplicated().sum()), "columns": []}
    numeric = frame.select_dtypes(include="number").columns
    correlations = frame[numeric].corr()
    for name in frame.columns:
        column = frame[name]
        values = column.dropna()
        counts = values.value_counts()
        n = counts.sum()
        p = counts / n if n else counts
        stats = {
            "name": name,
            "missingValuesCount": int(column.isna().sum()),
            "distinctValuesCount": int(len(counts)),
            "uniqueValuesCount": int((counts == 1).sum()),
            "entropy": float(-(p * np.log2(p)).sum()) if n else None,
            "mostCommonValues": list(counts.head(50).items()),
            "mode": counts.index[0] if len(counts) else None,
        }
        if name in numeric:
            x = values.astype("float64")
            quantiles = x.quantile([0.05, 0.25, 0.5, 0.75, 0.95])
            mean, std = x.mean(), x.std()
            z = (x - mean) / std
            stats.update(
                min=x.min(), max=x.max(), mean=mean, sum=x.sum(), range=x.max() - x.min(), variance=x.var(),
                standardDeviation=std, skewness=x.skew(), kurtosis=x.kurt(), percentiles=quantiles.tolist(),
                interquartileRange=quantiles[0.75] - quantiles[0.25],
                medianAbsoluteDeviation=(x - quantiles[0.5]).abs().median(), zerosCount=int((x == 0).sum()),
                minimumValues=x.nsmallest(5).tolist(), maximumValues=x.nlargest(5).tolist(),
                valueDistribution=np.histogram(x, bins=20)[0].tolist(),
                zScoreDistribution=np.floor(z).clip(-4, 3).value_counts().to_dict(),
                zScoreOutliersCount=int((z.abs() > 3).sum()),
                zScoreOutliersSample=x[z.abs() > 3].abs().nlargest(5).tolist(),
                correlations=correlations[name].drop(name).to_dict(),
            )
        elif pd.api.types.is_datetime64_any_dtype(column):
            stats.update(min=values.min(), max=values.max())
        result["columns"].append(stats)
    return result


if __name__ == "__main__":
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    profiled = profile(sys.argv[1])
    print(pd.__version__, f"{time.perf_counter() - start_wall:.3f}", f"{time.process_time() - start_cpu:.3f}", len(profiled["columns"]))
