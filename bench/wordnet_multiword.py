"""Write rules/en-multiword.yaml: WordNet 3.0's multiword adverbs and adjectives that hold a negation
word the comparators would otherwise read on its own, where the expression denies nothing.

    apt-get install wordnet-base        # Debian's copy of the WordNet 3.0 database files
    python bench/wordnet_multiword.py [/usr/share/wordnet] > rules/en-multiword.yaml

An expression is read as one unit ("no doubt", "no matter", "not to mention") where no sense of
it denies: none of its senses' definitions (the gloss before its examples) is worded with a negation.
"no longer" ("not now"), "by no means" ("definitely not") and "not guilty" ("declared not guilty")
deny, so they are left to be read word by word and the negation in them stands.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_antonyms import NOTICE as _LICENCE  # noqa: E402

NOTICE = _LICENCE.replace("bench/wordnet_antonyms.py", "bench/wordnet_multiword.py").replace(
    "# direct antonyms of adjectives, one-word lemmas. Do not edit by hand; rules/en.yaml has the\n"
    "# hand-kept opposites.",
    "# multiword adverbs and adjectives with a negation word that deny nothing, each read as one\n"
    "# unit. Do not edit by hand; rules/en.yaml and rules/es.yaml keep their own in\n"
    "# compare.not_negations.",
)

NEGATIONS = frozenset({"no", "not", "nothing", "none", "never", "without", "neither", "nor", "nobody", "nowhere"})
_DENIES = re.compile(r"\b(?:not|no|never|nothing|none|nowhere|neither|nor)\b")


def multiword(folder: Path) -> list[str]:
    """The expressions, lower case, words joined by spaces, sorted."""
    senses: dict[str, list[str]] = {}
    for pos in ("adv", "adj"):
        for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue  # the licence at the top of the file
            head, _, gloss = line.partition("|")
            f = head.split()
            definition = gloss.split('"')[0]
            for k in range(int(f[3], 16)):
                lemma = re.sub(r"\(.*\)$", "", f[4 + 2 * k]).lower()
                if "_" in lemma:
                    senses.setdefault(lemma.replace("_", " "), []).append(definition)
    out = []
    for phrase, definitions in senses.items():
        words = phrase.split()
        if not all(w.replace("-", "").replace("'", "").isalpha() for w in words):
            continue
        if not any(w in NEGATIONS for w in words):
            continue
        if any(_DENIES.search(d) for d in definitions):
            continue
        out.append(phrase)
    return sorted(out)


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "/usr/share/wordnet")
    out = [NOTICE, "compare:", "  multiword:"]
    out += [f"    - {json.dumps(p) if ':' in p or p[0] in '&*!|>%@`' else p}" for p in multiword(folder)]
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
