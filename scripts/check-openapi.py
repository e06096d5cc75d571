#!/usr/bin/env python3
"""Validates the server's OpenAPI document with openapi-spec-validator.

Usage: python3 scripts/check-openapi.py [PATH]   (default: the document the server serves)
Needs: pip install openapi-spec-validator
Exit status 0 when the document is valid OpenAPI 3.1, 1 when it is not, 2 when it cannot be read.
"""
import json
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent / "Sources/CatalogueServer/Resources/openapi.json"


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    try:
        from openapi_spec_validator import OpenAPIV31SpecValidator
    except ImportError:
        print("error: openapi-spec-validator is not installed: pip install openapi-spec-validator", file=sys.stderr)
        return 2
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"error: {path}: {error}", file=sys.stderr)
        return 2
    if document.get("openapi") != "3.1.0":
        print(f"error: {path}: expected \"openapi\": \"3.1.0\", got {document.get('openapi')!r}", file=sys.stderr)
        return 1
    errors = list(OpenAPIV31SpecValidator(document, base_uri=path.resolve().as_uri()).iter_errors())
    for error in errors:
        where = "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in error.absolute_path)
        print(f"error: {path}: {where}: {error.message}", file=sys.stderr)
    if errors:
        print(f"{path}: {len(errors)} error(s)", file=sys.stderr)
        return 1
    print(f"{path}: valid OpenAPI 3.1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
