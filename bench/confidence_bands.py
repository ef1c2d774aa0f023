"""How often a contradiction or update is right, per band of its confidence, on the multi-outlet
development clusters (every disagreement annotated): what the confidence a report prints is worth.

Reads the verbose output of ``score_multiout.py`` (each listed finding marked TRUE or FALSE with its
confidence), or runs it. The clusters are split in two halves by a hash of their names: a cut chosen
on one half (the lowest confidence whose findings are right at least ``--target`` of the time) is
checked on the other.

    python3 bench/confidence_bands.py                      # runs ../shared/tools/score_multiout.py --verbose
    python3 bench/confidence_bands.py --log multiout.log   # reads a saved run
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

BANDS = ((0.8, 1.01), (0.6, 0.8), (0.45, 0.6), (0.0, 0.45))
_CLUSTER = re.compile(r"^cluster (\S+):")
_FINDING = re.compile(r"^  (TRUE|FALSE) (?:main|worth) (?:contradiction|update) ([0-9.]+):")


def read_log(text: str) -> list[tuple[str, float, bool]]:
    """(cluster, confidence, right) of every listed contradiction and update."""
    out, cluster = [], ""
    for line in text.splitlines():
        if m := _CLUSTER.match(line):
            cluster = m.group(1)
        elif m := _FINDING.match(line):
            out.append((cluster, float(m.group(2)), m.group(1) == "TRUE"))
    return out


def half(cluster: str) -> str:
    return "A" if int(hashlib.md5(cluster.encode()).hexdigest(), 16) % 2 == 0 else "B"


def precision(rows: Sequence[tuple[str, float, bool]]) -> str:
    right = sum(r for _, _, r in rows)
    return f"{right}/{len(rows)} ({right / len(rows):.2f})" if rows else "-"


def cut_for(rows: Sequence[tuple[str, float, bool]], target: float) -> float | None:
    """The lowest confidence at and above which the findings are right at least ``target`` of the time."""
    best = None
    for cut in sorted({c for _, c, _ in rows}, reverse=True):
        above = [r for _, c, r in rows if c >= cut]
        if sum(above) / len(above) >= target:
            best = cut
    return best


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--log", type=Path, help="a saved `score_multiout.py --verbose` output")
    ap.add_argument("--target", type=float, default=0.9, help="the precision the main list should reach")
    args = ap.parse_args(argv)
    if args.log:
        text = args.log.read_text(encoding="utf-8")
    else:
        scorer = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "score_multiout.py"
        text = subprocess.run([sys.executable, str(scorer), "--verbose"], capture_output=True, text=True,
                              check=True).stdout
    rows = read_log(text)
    halves = {h: [r for r in rows if half(r[0]) == h] for h in ("A", "B")}
    print(f"{'confidence':<12} {'half A':>14} {'half B':>14} {'all':>14}")
    for low, high in BANDS:
        cells = [precision([r for r in part if low <= r[1] < high]) for part in (halves["A"], halves["B"], rows)]
        print(f"{low:.2f}-{min(high, 1.0):.2f}    " + " ".join(f"{c:>14}" for c in cells))
    for tuned, checked in (("A", "B"), ("B", "A")):
        cut = cut_for(halves[tuned], args.target)
        if cut is None:
            print(f"no cut reaches {args.target:.2f} on half {tuned}")
            continue
        kept = [r for r in halves[checked] if r[1] >= cut]
        print(f"cut {cut:.2f} (>= {args.target:.2f} right on half {tuned}): half {checked} {precision(kept)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
