#!/usr/bin/env python3
"""Reference values for the statistics options of `series-studio analyze` (issue 15).

Run by hand with Debian's python3-statsmodels (0.13.5):

    /usr/bin/python3 scripts/reference/stats_options.py

Writes src-main/engine/stats/fixtures/stats-options.json. For every numeric column of every CSV in
../shared/datasets/ (not the m1/tourism folders) and for its differenced, logged and
log-differenced versions it records:
  - adfuller for regression c/ct/ctt/n x autolag AIC/BIC/t-stat/None at the default maxlag, and
    at maxlag 4 (with tau also from a well-conditioned copy of the final regression);
  - kpss for regression c/ct x nlags auto/legacy/4;
  - acorr_ljungbox at lags 1, 5, 10, 12, 24 with model_df 0 and 2, Box-Pierce included;
  - scipy.stats.boxcox_normmax(method="mle") on strictly positive versions;
  - pacf_ols (efficient, not adjusted) at the default lag count;
plus pacf_ols on 0/1 step series, where some regressions are rank-deficient.

Transforms follow the app: applied to the column with its missing values in place (a difference
next to a gap is missing), then the missing values are dropped.
"""
import glob
import json
import math
import os
import warnings

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.diagnostic import acorr_ljungbox
from statsmodels.regression.linear_model import OLS
from statsmodels.tsa.adfvalues import mackinnonp
from statsmodels.tsa.stattools import adfuller, kpss, lagmat, pacf_ols

warnings.simplefilter("ignore")

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DATASETS = os.path.abspath(os.path.join(REPO, "..", "shared", "datasets"))
OUT = os.path.join(REPO, "src-main", "engine", "stats", "fixtures", "stats-options.json")

VARIANTS = [[], ["diff"], ["log"], ["log", "diff"]]
ADF_REGRESSIONS = ["c", "ct", "ctt", "n"]
ADF_AUTOLAGS = ["AIC", "BIC", "t-stat", None]
KPSS_NLAGS = ["auto", "legacy", 4]
LB_LAGS = [1, 5, 10, 12, 24]


def num(v):
    v = float(v)
    return None if not math.isfinite(v) else v


def read_columns(path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f.read().splitlines() if l]
    header = [h.strip('"') for h in lines[0].split(",")]
    cols = {h: [] for h in header}
    for line in lines[1:]:
        cells = line.split(",")
        for i, h in enumerate(header):
            raw = cells[i].strip('"') if i < len(cells) else ""
            try:
                cols[h].append(float(raw) if raw not in ("", "NA") else math.nan)
            except ValueError:
                cols[h].append(None)
    # numeric columns only (the first column is the time)
    return {h: np.array(v, dtype=float) for h, v in list(cols.items())[1:] if None not in v}


def transform(values, steps):
    x = values.copy()
    for s in steps:
        if s == "log":
            if np.nanmin(x) <= 0:
                return None
            x = np.log(x)
        elif s == "diff":
            x = np.concatenate([[np.nan], x[1:] - x[:-1]])
    return x[np.isfinite(x)]


def adf_stat_wellcond(x, regression, usedlag):
    """adfuller's final regression again, with the trend columns scaled to t/nobs.

    The same tau in exact arithmetic; statsmodels' pinv of the raw design (t^2 up to 3.5e6 beside
    differenced logs of 1e-2) loses up to ~4e-8 of it, which this value does not.
    """
    xdiff = np.diff(x)
    xdall = lagmat(xdiff[:, None], usedlag, trim="both", original="in")
    nobs = xdall.shape[0]
    xdall[:, 0] = x[-nobs - 1 : -1]
    y = xdiff[-nobs:]
    t = np.arange(1, nobs + 1) / nobs
    det = {"n": [], "c": [np.ones(nobs)], "ct": [np.ones(nobs), t], "ctt": [np.ones(nobs), t, t * t]}
    X = np.column_stack([xdall[:, : usedlag + 1], *det[regression]])
    return OLS(y, X).fit().tvalues[0]


def adf_case(x, regression, autolag, maxlag):
    case = {"regression": regression, "autolag": autolag, "maxlag": maxlag}
    try:
        stat, p, usedlag, nobs, crit, *rest = adfuller(
            x, maxlag=maxlag, regression=regression, autolag=autolag
        )
    except (ValueError, np.linalg.LinAlgError) as e:
        case["error"] = str(e)
        return case
    case.update(
        stat=num(stat),
        stat_wellcond=num(adf_stat_wellcond(x, regression, int(usedlag))),
        pvalue_wellcond=num(
            mackinnonp(adf_stat_wellcond(x, regression, int(usedlag)), regression=regression, N=1)
        ),
        pvalue=num(p),
        usedlag=int(usedlag),
        nobs=int(nobs),
        crit={k: num(v) for k, v in crit.items()},
        icbest=None if not rest or rest[0] is None else num(rest[0]),
    )
    return case


def kpss_case(x, regression, nlags):
    case = {"regression": regression, "nlags": nlags}
    try:
        stat, p, lags, crit = kpss(x, regression=regression, nlags=nlags)
    except ValueError as e:
        case["error"] = str(e)
        return case
    case.update(stat=num(stat), pvalue=num(p), lags=int(lags), crit={k: num(v) for k, v in crit.items()})
    return case


def lb_case(x, model_df):
    lags = [l for l in LB_LAGS if l < len(x)]
    df = acorr_ljungbox(x, lags=lags, model_df=model_df, boxpierce=True, return_df=True)
    return {
        "lags": lags,
        "model_df": model_df,
        "lb_stat": [num(v) for v in df["lb_stat"]],
        "lb_pvalue": [num(v) for v in df["lb_pvalue"]],
        "bp_stat": [num(v) for v in df["bp_stat"]],
        "bp_pvalue": [num(v) for v in df["bp_pvalue"]],
    }


def default_nlags(n):
    return max(0, min(int(10 * math.log10(n)), n // 2 - 1))


def series_cases(x):
    n = len(x)
    out = {"n": n, "adf": [], "kpss": [], "ljungbox": []}
    for reg in ADF_REGRESSIONS:
        for al in ADF_AUTOLAGS:
            out["adf"].append(adf_case(x, reg, al, None))
        for al in ["AIC", None]:
            out["adf"].append(adf_case(x, reg, al, 4))
    for reg in ["c", "ct"]:
        for nl in KPSS_NLAGS:
            out["kpss"].append(kpss_case(x, reg, nl))
    for mdf in [0, 2]:
        out["ljungbox"].append(lb_case(x, mdf))
    out["boxcox_mle"] = num(stats.boxcox_normmax(x, method="mle")) if np.min(x) > 0 else None
    nl = default_nlags(n)
    out["pacf_ols"] = {"nlags": nl, "values": [num(v) for v in pacf_ols(x, nl)]}
    return out


def rank_deficient_lags(x, nlags):
    """Lags k whose x_{t-k} column lies in the span of the constant and the shorter lags."""
    n = len(x)
    bad = []
    for k in range(1, nlags + 1):
        cols = [np.ones(n - k)] + [x[k - j : n - j] for j in range(1, k + 1)]
        X = np.column_stack(cols)
        if np.linalg.matrix_rank(X) == np.linalg.matrix_rank(X[:, :-1]):
            bad.append(k)
    return bad


def main():
    series = {}
    for path in sorted(glob.glob(os.path.join(DATASETS, "*.csv"))):
        for column, values in read_columns(path).items():
            for steps in VARIANTS:
                x = transform(values, steps)
                if x is None:
                    continue
                key = "|".join([f"{os.path.basename(path)}:{column}", *steps])
                series[key] = {"file": os.path.basename(path), "column": column, "transforms": steps}
                series[key].update(series_cases(x))
    steps = []
    for n, at in [(60, 50), (60, 5), (40, 30)]:
        x = np.zeros(n)
        x[at:] = 1.0
        nl = n // 2 - 1
        steps.append(
            {
                "n": n,
                "step_at": at,
                "nlags": nl,
                "pacf_ols": [num(v) for v in pacf_ols(x, nl)],
                "rank_deficient_lags": rank_deficient_lags(x, nl),
            }
        )
    out = {
        "generator": "scripts/reference/stats_options.py",
        "versions": {
            "statsmodels": statsmodels.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
        "series": series,
        "pacf_step": steps,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {OUT}: {len(series)} series")


if __name__ == "__main__":
    main()
