#!/usr/bin/env python3
"""The cohort benchmark's peer: DuckDB answering the same count queries as one GROUP BY.

Reads what `CatalogueBenchmark cohort` wrote into WORK: subjects.csv (one row per subject) and
swift.json (the queries, their SQL, our exact per-dataset counts read back from the audit log,
our build time and latencies). Loads the CSV into one DuckDB table, times every query as
`SELECT dataset, count(*) … GROUP BY dataset` (one warm-up pass, then as many passes as ours),
checks that DuckDB's counts equal our exact counts, and prints a Markdown table.
Usage: cohort_duckdb.py WORK
"""
import json
import statistics
import sys
import time

import duckdb


def percentile(values, p):
    ordered = sorted(values)
    rank = round(p / 100 * (len(ordered) - 1))
    return ordered[min(max(rank, 0), len(ordered) - 1)]


def main(work):
    ours = json.load(open(f"{work}/swift.json"))
    connection = duckdb.connect()
    started = time.perf_counter()
    connection.execute(f"""
        CREATE TABLE subjects AS
        SELECT dataset, sex, age_band, cancer, body_site, CAST(string_split(modalities, ';') AS INTEGER[]) AS modalities
        FROM read_csv('{work}/subjects.csv', header = true,
                      columns = {{'dataset': 'INTEGER', 'sex': 'TINYINT', 'age_band': 'TINYINT', 'cancer': 'INTEGER',
                                  'body_site': 'INTEGER', 'modalities': 'VARCHAR'}})""")
    load_seconds = time.perf_counter() - started
    rows = connection.execute("SELECT count(*) FROM subjects").fetchone()[0]
    if rows != ours["subjects"]:
        sys.exit(f"DuckDB loaded {rows} rows, the index holds {ours['subjects']} subjects")

    statements = [f"SELECT dataset, count(*) FROM subjects WHERE {query['sql']} GROUP BY dataset" for query in ours["mix"]]
    mismatches = []
    for query, statement in zip(ours["mix"], statements):
        counted = {str(dataset): count for dataset, count in connection.execute(statement).fetchall()}
        if counted != query["exact"]:
            differing = sorted(set(counted) ^ set(query["exact"]) | {d for d in counted if counted.get(d) != query["exact"].get(d)})
            mismatches.append((query["canonical"], differing[:5]))
    samples = []
    for _ in range(ours["runs"]):
        for statement in statements:
            started = time.perf_counter()
            connection.execute(statement).fetchall()
            samples.append((time.perf_counter() - started) * 1000)

    threads = connection.execute("SELECT current_setting('threads')").fetchone()[0]
    result = {"loadSeconds": load_seconds, "latenciesMilliseconds": samples, "threads": threads,
              "mismatchedQueries": len(mismatches), "version": duckdb.__version__}
    json.dump(result, open(f"{work}/duckdb.json", "w"), indent=1)

    our = ours["latenciesMilliseconds"]
    print(f"\n### {ours['subjects']:,} subjects in {ours['datasets']:,} datasets, {ours['queries']} queries x {ours['runs']} passes\n")
    print("| | p50 ms | p90 ms | p99 ms | build / load | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| catalogue (CohortCounter, 1 thread, policy included) | {statistics.median(our):.2f} | {percentile(our, 90):.2f} | "
          f"{percentile(our, 99):.2f} | {ours['buildSeconds']:.1f} s index build | {ours['peakRSSMegabytes']:.0f} MB |")
    print(f"| DuckDB {duckdb.__version__} ({threads} threads) | {statistics.median(samples):.2f} | {percentile(samples, 90):.2f} | "
          f"{percentile(samples, 99):.2f} | {load_seconds:.1f} s CSV load | |")
    matched = sum(1 for query in ours["mix"] if query["exact"])
    print(f"\nExact counts equal DuckDB's for {len(statements) - len(mismatches)} of {len(statements)} queries "
          f"({matched} match somebody).")
    for canonical, differing in mismatches:
        print(f"- MISMATCH {canonical[:120]}: datasets {differing}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
