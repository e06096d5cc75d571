"""Turns the JSON lines of Benchmarks/http/run.sh into the Markdown of RESULTS.md: medians over runs."""
import json
import statistics
import sys


def median(rows, key):
    return statistics.median(row[key] for row in rows)


def main(path):
    rows = [json.loads(line) for line in open(path) if line.startswith("{")]
    runs = sorted({row["run"] for row in rows})
    replay = [row for row in rows if row["phase"] == "in-process"]
    print(f"Medians over {len(runs)} runs (each run: a fresh copy of the catalogue, one server, the phases in this order).\n")
    print("| phase | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    if replay:
        print(f"| in-process `CatalogueService.search` | 1 | {1000 / median(replay, 'p50_ms'):.0f} (1/p50) | "
              f"{median(replay, 'p50_ms'):.2f} | | {median(replay, 'p99_ms'):.2f} | | | |")
    phases = []
    for row in rows:
        key = (row["phase"], row.get("connections"))
        if row["phase"] not in ("in-process", "paired") and key not in phases:
            phases.append(key)
    for phase, connections in phases:
        group = [row for row in rows if row["phase"] == phase and row.get("connections") == connections]
        print(f"| {phase} | {connections} | {median(group, 'rps'):.0f} | {median(group, 'p50_ms'):.2f} | {median(group, 'p90_ms'):.2f} | "
              f"{median(group, 'p99_ms'):.2f} | {median(group, 'max_ms'):.1f} | {sum(r['non2xx'] for r in group)} | "
              f"{sum(r['socket_errors'] for r in group)} |")
    def pick(phase, connections):
        return [row for row in rows if row["phase"] == phase and row.get("connections") == connections]
    one, sixteen, harvest = pick("HTTP", 1), pick("HTTP", 16), pick("HTTP during a harvest", 16)
    print()
    if replay and one:
        print(f"- server overhead at p50 (HTTP, 1 connection, minus in-process): "
              f"{median(one, 'p50_ms') - median(replay, 'p50_ms'):.3f} ms (aim: under 0.3 ms)")
    paired = [row for row in rows if row["phase"] == "paired"]
    if paired:
        print(f"- server overhead, paired (median over the {paired[0]['searches']} searches of HTTP minus in-process search + encoding, "
              f"one request at a time from Python's http.client): {median(paired, 'paired_median_ms'):.3f} ms "
              f"(runs: {[row['paired_median_ms'] for row in paired]}; the client's floor, GET /healthz p50: "
              f"{median(paired, 'healthz_p50_ms'):.3f} ms)")
    html = pick("HTML search page", 1)
    if html:
        print(f"- the search page's HTML at p50 (1 connection, the same searches): {median(html, 'p50_ms'):.2f} ms (aim: under 20 ms)")
    if one and sixteen:
        print(f"- throughput, 16 connections / 1 connection: {median(sixteen, 'rps') / median(one, 'rps'):.2f}x (aim: at least 1.7x)")
    if sixteen and harvest:
        print(f"- p99 during a harvest / p99 without, at 16 connections: {median(harvest, 'p99_ms') / median(sixteen, 'p99_ms'):.2f}x (aim: within 2x)")
        covered = [row.get("harvest_running_at_end") for row in harvest]
        written = [row.get("harvest_datasets") for row in harvest]
        print(f"- the harvest was still writing when the load ended: {covered}; datasets it wrote: {written}; "
              f"its wall time, s: {[row.get('harvest_seconds') for row in harvest]}")


if __name__ == "__main__":
    main(sys.argv[1])
