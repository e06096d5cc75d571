#!/usr/bin/env python3
"""Generate the discrete Gaussian threshold table used by DiscreteGaussianTable.swift.

Why this script exists: the disclosure policy must turn a cell key (a uniform
UInt64) into noise without floating point at answer time, so the inverse CDF is
precomputed here as integer thresholds. Using `decimal` (whose exp() is
correctly rounded) at 60 significant digits makes the literal reproducible on
any Python 3, so a reviewer can regenerate it and diff.

Distribution: P(z) proportional to exp(-z^2 / (2 sigma^2)) for integer z in
-CLAMP..CLAMP, normalised over that range. Threshold i is
floor(CDF(z_i) * 2^64); the last one (CDF = 1) cannot be stored in a UInt64, so
it is written as 2^64 - 1 and the Swift lookup maps every cell key not below an
earlier threshold to z = +CLAMP.

Usage: python3 scripts/make-gaussian-table.py   (prints the Swift array literal)
Standard library only.
"""
from decimal import Decimal, ROUND_FLOOR, getcontext

SIGMA = 4
CLAMP = 10
PRECISION = 60
SCALE = 2 ** 64


def weights():
    """Unnormalised weights exp(-z^2 / (2 sigma^2)) for z in -CLAMP..CLAMP."""
    two_sigma_sq = Decimal(2 * SIGMA * SIGMA)
    return [(Decimal(-z * z) / two_sigma_sq).exp() for z in range(-CLAMP, CLAMP + 1)]


def thresholds():
    """Cumulative thresholds floor(CDF(z) * 2^64), last one clamped to 2^64 - 1."""
    w = weights()
    total = sum(w)
    result, running = [], Decimal(0)
    for weight in w:
        running += weight
        scaled = (running / total) * SCALE
        result.append(int(scaled.to_integral_value(rounding=ROUND_FLOOR)))
    result[-1] = SCALE - 1
    return result


def swift_literal(values):
    """Render the thresholds as a Swift [UInt64] array literal, one per line."""
    lines = ["["]
    for z, value in zip(range(-CLAMP, CLAMP + 1), values):
        lines.append(f"    0x{value:016X}, // z = {z:+d}")
    lines.append("]")
    return "\n".join(lines)


def main():
    getcontext().prec = PRECISION
    print(swift_literal(thresholds()))


if __name__ == "__main__":
    main()
