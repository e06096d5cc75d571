#!/usr/bin/env python3
"""Validate Beacon v2 JSON documents against the vendored Beacon v2 JSON Schemas.

Usage:
    python3 scripts/check-beacon.py SCHEMA_RELATIVE_PATH RESPONSE.json [RESPONSE2.json ...]

SCHEMA_RELATIVE_PATH is relative to the fixtures folder
Tests/CatalogueServerTests/Fixtures/beacon-v2/, for example
framework/json/responses/beaconCountResponse.json

For each document, prints either `ok FILE` or every validation error with
its JSON path. Exit status: 0 when all documents are valid, 1 when any
document is invalid (or is not JSON), 2 on bad usage (missing schema file,
missing document file) or when the schema set itself cannot be resolved.

Relative `$ref`s are resolved from the local fixture files only, through
`referencing` (a jsonschema dependency). Nothing is ever fetched from the
network: a `$ref` that points outside the fixtures folder is reported as
unresolvable. The JSON Schema dialect is taken from each file's `$schema`.

Requires: jsonschema (python3 -m pip install jsonschema).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

try:
    import jsonschema
    from jsonschema.validators import validator_for
    from referencing import Registry, Resource
    from referencing.exceptions import NoSuchResource, Unresolvable
    from referencing.jsonschema import DRAFT202012
except ImportError as exc:  # pragma: no cover - environment problem
    print(f"error: {exc}. Install with: python3 -m pip install jsonschema", file=sys.stderr)
    sys.exit(2)

FIXTURES = (Path(__file__).resolve().parent.parent
            / "Tests" / "CatalogueServerTests" / "Fixtures" / "beacon-v2").resolve()

USAGE = ("usage: python3 scripts/check-beacon.py SCHEMA_RELATIVE_PATH RESPONSE.json [RESPONSE2.json ...]\n"
         f"  SCHEMA_RELATIVE_PATH is relative to {FIXTURES}\n"
         "  e.g. framework/json/responses/beaconCountResponse.json")


def usage_error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    print(USAGE, file=sys.stderr)
    sys.exit(2)


def retrieve_local(uri: str) -> Resource:
    """Load a referenced schema from the fixtures folder; never use the network."""
    parts = urlsplit(uri)
    if parts.scheme != "file":
        raise NoSuchResource(ref=uri)
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(FIXTURES) or not path.is_file():
        raise NoSuchResource(ref=uri)
    contents = json.loads(path.read_text(encoding="utf-8"))
    # The dialect comes from the file's own `$schema`; 2020-12 only if it declares none.
    return Resource.from_contents(contents, default_specification=DRAFT202012)


def format_path(error: jsonschema.ValidationError) -> str:
    return error.json_path  # e.g. $.meta.receivedRequestSummary.pagination


def report(error: jsonschema.ValidationError, indent: str = "  ") -> None:
    print(f"{indent}{format_path(error)}: {error.message}")
    # For anyOf/oneOf failures, show why each alternative failed.
    for sub in sorted(error.context or [], key=lambda e: (str(list(e.relative_schema_path)), e.json_path)):
        alternative = list(sub.relative_schema_path)[0] if sub.relative_schema_path else "?"
        print(f"{indent}  - alternative {alternative}: {format_path(sub)}: {sub.message}")


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        usage_error("need a schema path and at least one document")
    schema_rel, documents = argv[0], argv[1:]

    schema_path = (FIXTURES / schema_rel).resolve()
    if not schema_path.is_relative_to(FIXTURES):
        usage_error(f"schema path must stay inside the fixtures folder: {schema_rel}")
    if not schema_path.is_file():
        usage_error(f"schema file not found: {schema_rel} (looked for {schema_path})")

    missing = [d for d in documents if not Path(d).is_file()]
    if missing:
        usage_error("document file(s) not found: " + ", ".join(missing))

    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        usage_error(f"schema file is not valid JSON: {schema_rel}: {exc}")

    validator_cls = validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        validator_cls.check_schema(schema)
    except jsonschema.SchemaError as exc:
        print(f"error: {schema_rel} is not a valid {validator_cls.__name__} schema: {exc.message}",
              file=sys.stderr)
        return 2

    registry = Registry(retrieve=retrieve_local)
    # Validate through a one-line wrapper that `$ref`s the schema by its
    # file:// URI: the schema is then loaded by retrieve_local with that URI
    # as its base, so its relative `$ref`s resolve inside the fixtures tree
    # (and its own `$schema` picks the dialect).
    validator = validator_cls({"$ref": schema_path.as_uri()}, registry=registry)

    status = 0
    for doc in documents:
        try:
            instance = json.loads(Path(doc).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            print(f"error {doc}")
            print(f"  $: not readable JSON: {exc}")
            status = 1
            continue
        try:
            errors = sorted(validator.iter_errors(instance),
                            key=lambda e: (e.json_path, list(e.schema_path)))
        except Unresolvable as exc:
            print(f"error: schema reference cannot be resolved from local files: {exc}",
                  file=sys.stderr)
            return 2
        if errors:
            status = 1
            print(f"error {doc} ({len(errors)} error{'s' if len(errors) != 1 else ''})")
            for err in errors:
                report(err)
        else:
            print(f"ok {doc}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
