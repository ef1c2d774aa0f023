"""Benchmark of issue #22: is the Markdown report shorter than what it compares?

For each cluster of ``../shared/data/multiout-dev/clusters`` (2-4 articles about one event), compare
its ``.txt`` files in sorted order (as ``../shared/tools/score_multiout.py`` does), render the
Markdown report, and divide the report's words by the words of its sources. Target: <= 0.5 for
every cluster.

A word is a whitespace-separated token with a letter or a digit in it, counted the same way in the
report and in the sources; in the report a link's target and title (``](../x.txt#L5 "five died")``,
shown on hover) are not read, so they are not counted, and table rules and pipes have no letter in them.

    .venv/bin/python bench/report_length.py [--data DIR] [--cluster NAME] [--dump DIR]

``--dump DIR`` writes each cluster's report to ``DIR/<cluster>.md`` for reading. Exits 1 when a
cluster is over the target.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
from pathlib import Path

from reconcile import compare
from reconcile.report import render

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multiout-dev"
TARGET = 0.5
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"\w")


def words(text: str) -> int:
    """Words an editor reads: tokens with a letter or a digit, link targets left out.

    >>> words("| **Killed** | 4 ([“four died”](a.txt#L3)) |")
    4
    """
    return sum(1 for token in _LINK_TARGET.sub("]", text).split() if _WORD.search(token))


def clusters(root: Path, only: str | None) -> dict[str, list[str]]:
    """Cluster name -> its articles' paths, sorted."""
    found = {}
    for name in sorted(os.listdir(root / "clusters")):
        folder = root / "clusters" / name
        if folder.is_dir() and (only is None or name == only):
            found[name] = [str(folder / f) for f in sorted(os.listdir(folder)) if f.endswith(".txt")]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cluster")
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    ratios = {}
    print(f"{'cluster':28} {'sources':>8} {'report':>7} {'ratio':>6}")
    for name, paths in clusters(args.data, args.cluster).items():
        source_words = sum(words(Path(p).read_text(encoding="utf-8")) for p in paths)
        out = str(args.dump) if args.dump else "."
        report = render(compare(paths), "md", link_base=out)
        if args.dump:
            (args.dump / f"{name}.md").write_text(report, encoding="utf-8")
        ratios[name] = words(report) / source_words
        print(f"{name:28} {source_words:8} {words(report):7} {ratios[name]:6.2f}", flush=True)
    over = sorted(n for n, r in ratios.items() if r > TARGET)
    print(f"median {statistics.median(ratios.values()):.2f}  max {max(ratios.values()):.2f}  "
          f"over {TARGET}: {len(over)}/{len(ratios)} {' '.join(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
