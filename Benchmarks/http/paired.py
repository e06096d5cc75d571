"""Paired server overhead: each search of the requests file once over HTTP (one keep-alive
connection, one request at a time, after a warm-up pass), minus the same search's in-process
time (search + JSON encoding) from `CatalogueBenchmark replay --samples`. The median of the
per-search differences is the server's overhead on the same searches; a p50 minus a p50 mixes
two distributions and moved by ±1 ms from run to run on our two-core machine.
Usage: paired.py URL REQUESTS_FILE INPROCESS_SAMPLES  (prints one JSON line)"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse


def timed_pass(connection, paths):
    samples = []
    for path in paths:
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        samples.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            sys.exit(f"error: {path} answered {response.status}")
    return samples


def main(url, requests_file, samples_file):
    paths = [line.strip() for line in open(requests_file) if line.strip()]
    in_process = [sum(map(float, line.split())) for line in open(samples_file) if line.strip()]
    if len(in_process) != len(paths):
        sys.exit(f"error: {samples_file} has {len(in_process)} samples for {len(paths)} searches")
    address = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port)
    timed_pass(connection, paths)
    http_samples = timed_pass(connection, paths)
    # The client's own floor: the smallest answer the server gives, on the same connection.
    floor = statistics.median(timed_pass(connection, ["/healthz"] * 500))
    differences = [h - i for h, i in zip(http_samples, in_process)]
    print(json.dumps({
        "searches": len(paths), "paired_median_ms": round(statistics.median(differences), 3),
        "http_p50_ms": round(statistics.median(http_samples), 3), "in_process_p50_ms": round(statistics.median(in_process), 3),
        "healthz_p50_ms": round(floor, 3)}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
