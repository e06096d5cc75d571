#!/usr/bin/env python3
"""Peers for the harvest benchmark (Benchmarks/CatalogueBenchmark/HarvestBenchmark.swift).

convert PAGES: from PAGES/turtle/*.ttl writes PAGES/rdfxml/*.rdf (raptor's rapper) and
               PAGES/jsonld/*.jsonld (rdflib, compacted with prefixes), so every format holds
               the same triples.
parse PAGES:   times rdflib (the parser ckanext-dcat uses) and rapper (raptor2's command-line
               parser) parsing every page of each format; prints a Markdown table.
"""
import glob
import os
import subprocess
import sys
import time

DCAT_DATASET = "http://www.w3.org/ns/dcat#Dataset"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "healthdcatap": "http://healthdataportal.eu/ns/health#",
    "eucaim": "https://cancerimage.eu/ontology/EUCAIM#",
}
FORMATS = [("turtle", "ttl", "turtle", "turtle"), ("rdfxml", "rdf", "xml", "rdfxml"), ("jsonld", "jsonld", "json-ld", None)]


def pages(folder, extension):
    return sorted(glob.glob(os.path.join(folder, "*." + extension)))


def convert(root):
    import rdflib
    turtle = pages(os.path.join(root, "turtle"), "ttl")
    for name in ("rdfxml", "jsonld"):
        os.makedirs(os.path.join(root, name), exist_ok=True)
    for path in turtle:
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(os.path.join(root, "rdfxml", stem + ".rdf"), "wb") as out:
            subprocess.run(["rapper", "-q", "-i", "turtle", "-o", "rdfxml-abbrev", path], stdout=out, check=True)
        graph = rdflib.Graph()
        graph.parse(path, format="turtle")
        graph.serialize(os.path.join(root, "jsonld", stem + ".jsonld"), format="json-ld", context=CONTEXT)
    print(f"converted {len(turtle)} Turtle pages to RDF/XML and JSON-LD", flush=True)


def rdflib_parse(files, rdflib_format):
    import rdflib
    dataset = rdflib.URIRef(DCAT_DATASET)
    start = time.perf_counter()
    triples = datasets = 0
    for path in files:
        graph = rdflib.Graph()
        graph.parse(path, format=rdflib_format)
        triples += len(graph)
        datasets += sum(1 for _ in graph.subjects(rdflib.RDF.type, dataset))
    return time.perf_counter() - start, triples, datasets


def rapper_parse(files, rapper_format):
    start = time.perf_counter()
    triples = 0
    for path in files:
        done = subprocess.run(["rapper", "-i", rapper_format, "-c", path], capture_output=True, text=True, check=True)
        for line in done.stderr.splitlines():
            if "returned" in line:
                triples += int(line.split("returned")[1].split()[0])
    return time.perf_counter() - start, triples


def parse(root):
    import rdflib
    print(f"rdflib {rdflib.__version__}; {subprocess.run(['rapper', '--version'], capture_output=True, text=True).stdout.strip()} (rapper)\n")
    print("| format | parser | pages | triples | datasets | seconds | datasets/s |")
    print("|---|---|---|---|---|---|---|")
    for name, extension, rdflib_format, rapper_format in FORMATS:
        files = pages(os.path.join(root, name), extension)
        seconds, triples, datasets = rdflib_parse(files, rdflib_format)
        print(f"| {name} | rdflib | {len(files)} | {triples} | {datasets} | {seconds:.1f} | {datasets / seconds:.0f} |", flush=True)
        if rapper_format is None:
            print(f"| {name} | rapper | – | – | – | – | no JSON-LD parser |", flush=True)
            continue
        seconds, rapper_triples = rapper_parse(files, rapper_format)
        print(f"| {name} | rapper | {len(files)} | {rapper_triples} | {datasets} | {seconds:.1f} | {datasets / seconds:.0f} |", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("convert", "parse"):
        sys.exit(__doc__)
    {"convert": convert, "parse": parse}[sys.argv[1]](sys.argv[2])
