"""Proves that no public API of CohortCounts hands out a number that could be an exact count.

Reads the module's symbol graph (swift-symbolgraph-extract, written by check-count-api.sh) and
lists every public property, subscript and function whose type or return type holds an integer or
floating-point type. Each must be on the allow-list below with the reason it is not an exact
count; anything else fails the check, so a new public integer is a decision someone writes down.
Usage: python3 scripts/check-count-api.py CohortCounts.symbols.json
"""
import json
import sys

NUMBERS = {"Int", "UInt", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Double", "Float"}

ALLOWED = {
    "ProtectedCount.releasedValue": "a value the disclosure policy released (noised, rounded, at least k)",
    "ProtectedTotal.subjects": "the sum of released values",
    "ProtectedTotal.suppressedDatasets": "the number of datasets answered <10 (public by the policy, §5.4)",
    "ProtectedTotal.missingNodes": "how many nodes of a hub did not answer (named in nodes[]), not a count of subjects",
    "CohortAnswer.Policy.k": "a policy parameter",
    "CohortAnswer.Policy.rounding": "a policy parameter",
    "CohortCounter.Dataset.row": "a store row id the caller passes in",
    "CohortIndexWriter.revision(at:)": "the store revision the index reflects",
    "NodeSecret.cellKeyShare(ofPseudonym:)": "a subject's HMAC share, computed from the secret, not a count",
    "SubjectFileError.Problem.row": "a row number of the operator's own file",
    "SubjectFileError.Problem.line": "a line number of the operator's own file",
    "SubjectFileError.problemCount": "how many rows of the operator's file were refused",
    "SubjectFileError.maximumListed": "a constant",
    "SubjectFileReader.maximumBytes": "a constant",
    "SubjectFileReader.maximumSubjectIDLength": "a constant",
    "SubjectFileReader.ageRange": "a constant",
    "CountBudget.Limits.perMinute": "a rate limit",
    "CountBudget.Limits.perDay": "a rate limit",
    "CountBudget.take(_:now:)": "seconds to wait before the next query",
}


def numeric_types(symbol):
    kind = symbol["kind"]["identifier"]
    if symbol["names"]["title"] == "hashValue":
        return []
    if kind in ("swift.property", "swift.type.property", "swift.var"):
        fragments = symbol["declarationFragments"]
        colon = next((n for n, f in enumerate(fragments) if f["spelling"].strip().startswith(":")), 0)
        return [f["spelling"] for f in fragments[colon:] if f["kind"] == "typeIdentifier" and f["spelling"] in NUMBERS]
    signature = symbol.get("functionSignature")
    if signature:
        return [f["spelling"] for f in signature.get("returns", []) if f["kind"] == "typeIdentifier" and f["spelling"] in NUMBERS]
    return []


def main(path):
    graph = json.load(open(path))
    offending = []
    for symbol in graph["symbols"]:
        name = ".".join(symbol["pathComponents"])
        if numeric_types(symbol) and name not in ALLOWED:
            offending.append(f"{name}: {' '.join(numeric_types(symbol))}")
    if offending:
        print("public CohortCounts API that hands out numbers (an exact count must never leave the module):")
        for line in offending:
            print("  " + line)
        print("make it internal, return a ProtectedCount, or add it to ALLOWED in scripts/check-count-api.py with the reason")
        return 1
    print(f"ok: {len(graph['symbols'])} public CohortCounts symbols, none hands out an exact count")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
