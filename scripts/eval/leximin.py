#!/usr/bin/env python3
"""Exact LEXIMIN selection probabilities for a volunteer pool with quotas, as in Flanigan et al., "Fair algorithms for
selecting citizens' assemblies" (Nature, 2021): column generation over panels with an exact MILP pricing step (scipy's
HiGHS), independent of the Swift code it checks.

Usage:
    pip install scipy
    swift run -c release SelectionBench --export /tmp/pools     # writes the benchmark and test pools as JSON
    python3 scripts/eval/leximin.py /tmp/pools/skewed-150-22.json [--csv OUT.csv]

Input: JSON {"size": k, "quotas": [{"category", "value", "min", "max"}],
             "volunteers": [{"id", "household": str or null, "features": {category: value}}]}
or a directory of such files. Prints per pool the LEXIMIN minimum, median and maximum probability and the Gini
coefficient (the same definition as FairnessSummary), and the number of levels and panels.

The algorithm (per level): the dual LP  min yhat - sum_fixed f_i y_i  s.t.  sum_unfixed y_i = 1,
sum_{i in P} y_i <= yhat for every panel P found so far, y >= 0; the pricing MILP finds the feasible panel with the
largest sum of y; while that exceeds yhat, the panel is added. Then every unfixed volunteer with y_i > 0 is fixed at
the level's value. When all are fixed, a final LP finds the lottery over the panels meeting every fixed probability;
the reported probabilities are that lottery's.
"""

import argparse
import json
import os
import sys
import time

import numpy as np
from scipy.optimize import LinearConstraint, Bounds, linprog, milp
from scipy.sparse import csr_matrix

EPS = 1e-7


def load(path):
    with open(path) as f:
        pool = json.load(f)
    quotas = [(q["category"], q["value"], int(q["min"]), int(q["max"])) for q in pool["quotas"]]
    volunteers = sorted(pool["volunteers"], key=lambda v: v["id"])
    return pool.get("name", os.path.basename(path)), int(pool["size"]), quotas, volunteers


def constraints(size, quotas, volunteers):
    """Rows of the panel polytope: size, each quota's min..max, each household at most one."""
    n = len(volunteers)
    rows, lower, upper = [np.ones(n)], [size], [size]
    for category, value, lo, hi in quotas:
        row = np.array([1.0 if (v["features"].get(category) or "").strip() == value else 0.0 for v in volunteers])
        rows.append(row)
        lower.append(lo)
        upper.append(hi)
    households = {}
    for i, v in enumerate(volunteers):
        key = (v.get("household") or "").strip()
        if key:
            households.setdefault(key, []).append(i)
    for members in households.values():
        if len(members) > 1:
            row = np.zeros(n)
            row[members] = 1
            rows.append(row)
            lower.append(0)
            upper.append(1)
    return LinearConstraint(csr_matrix(np.array(rows)), lower, upper)


def best_panel(weights, polytope):
    """The feasible panel with the largest total weight (exact MILP)."""
    n = len(weights)
    result = milp(
        -np.asarray(weights), constraints=[polytope], integrality=np.ones(n), bounds=Bounds(0, 1),
        options={"mip_rel_gap": 1e-9})
    if result.x is None:
        raise SystemExit(f"no feasible panel: {result.message}")
    panel = np.round(result.x).astype(int)
    return panel, float(np.dot(weights, panel))


def leximin(size, quotas, volunteers, verbose=False):
    n = len(volunteers)
    polytope = constraints(size, quotas, volunteers)
    panels = []
    seen = set()

    def add(panel):
        key = tuple(np.flatnonzero(panel))
        if key in seen:
            return False
        seen.add(key)
        panels.append(panel)
        return True

    # Start with panels that together cover everyone who can be selected at all.
    covered = np.zeros(n, dtype=bool)
    rng = np.random.default_rng(0)
    while True:
        weights = np.where(covered, 0.0, 1.0) + rng.random(n) * 1e-3
        panel, _ = best_panel(weights, polytope)
        new = (panel > 0) & ~covered
        add(panel)
        if not new.any():
            break
        covered |= panel > 0
    fixed = {}
    for i in np.flatnonzero(~covered):
        fixed[int(i)] = 0.0  # in no feasible panel
    levels = 0
    while len(fixed) < n:
        levels += 1
        unfixed = [i for i in range(n) if i not in fixed]
        while True:
            # variables: y_0..y_{n-1}, yhat
            m = len(panels)
            c = np.zeros(n + 1)
            c[n] = 1.0
            for i, f in fixed.items():
                c[i] = -f
            a_ub = np.zeros((m, n + 1))
            for p, panel in enumerate(panels):
                a_ub[p, :n] = panel
                a_ub[p, n] = -1
            a_eq = np.zeros((1, n + 1))
            a_eq[0, unfixed] = 1
            bounds = [(0, None)] * n + [(None, None)]
            result = linprog(c, A_ub=a_ub, b_ub=np.zeros(m), A_eq=a_eq, b_eq=[1], bounds=bounds, method="highs")
            if result.status != 0:
                raise SystemExit(f"dual LP failed: {result.message}")
            y, yhat, value = result.x[:n], result.x[n], result.fun
            panel, weight = best_panel(np.maximum(y, 0), polytope)
            if weight > yhat + EPS and add(panel):
                continue
            for i in unfixed:
                if y[i] > EPS:
                    fixed[i] = max(0.0, value)
            if verbose:
                print(f"  level {levels}: {value:.6f}, {len(fixed)}/{n} fixed, {len(panels)} panels", file=sys.stderr)
            break
    # The lottery: a mix of the panels found that gives everyone at least their fixed probability.
    m = len(panels)
    matrix = np.array(panels, dtype=float).T  # n x m
    f = np.array([fixed[i] for i in range(n)])
    result = linprog(
        np.zeros(m), A_ub=-matrix, b_ub=-(f - 1e-6), A_eq=np.ones((1, m)), b_eq=[1], bounds=[(0, None)] * m,
        method="highs")
    if result.status != 0:
        raise SystemExit(f"final LP failed: {result.message}")
    probabilities = matrix @ result.x
    return probabilities, levels, m


def gini(probabilities):
    p = np.sort(np.asarray(probabilities))
    n = len(p)
    total = p.sum()
    ranked = np.sum(np.arange(1, n + 1) * p)
    return 2 * ranked / (n * total) - (n + 1) / n if total > 0 else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="pool JSON files or directories of them")
    parser.add_argument("--csv", help="write id,probability for the (last) pool")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    files = []
    for path in args.paths:
        if os.path.isdir(path):
            files += sorted(os.path.join(path, name) for name in os.listdir(path) if name.endswith(".json"))
        else:
            files.append(path)
    for path in files:
        name, size, quotas, volunteers = load(path)
        start = time.time()
        probabilities, levels, panels = leximin(size, quotas, volunteers, args.verbose)
        seconds = time.time() - start
        print(
            f"{name}: {len(volunteers)} volunteers, panel {size}: LEXIMIN min {probabilities.min():.6f}, "
            f"median {np.median(probabilities):.6f}, max {probabilities.max():.6f}, Gini {gini(probabilities):.6f} "
            f"({levels} levels, {panels} panels, {seconds:.1f} s)")
        if args.csv:
            with open(args.csv, "w") as out:
                out.write("volunteer,probability\n")
                for v, p in zip(volunteers, probabilities):
                    out.write(f"{v['id']},{p:.6f}\n")


if __name__ == "__main__":
    main()
