"""The gazetteer of a rules folder (``en-places.yaml``): places and counties by name, with their
region. Read only when a document's place is looked for, once per process and folder."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import RulesError

__all__ = ["GAZETTEER_FILE", "Gazetteer", "load_gazetteer"]

GAZETTEER_FILE = "en-places.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Gazetteer:
    """Places by name -> their regions, most populous first; counties by name -> their regions; the
    countries."""

    places: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    counties: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the countries of the world: a country's name names it, not a town of that name
    countries: frozenset[str] = frozenset()
    #: the most words in a name of either
    longest: int = 0

    def region_of(self, name: str, named: frozenset[str] = frozenset()) -> str | None:
        """The region of a place or county: the one the document names (``named``) where the name is
        in several, else the only one, else the most populous where it is five times the next."""
        if name in self.counties:
            regions = self.counties[name]
            inside = [r for r in regions if r.lower() in named]
            return inside[0] if inside else (regions[0] if len(regions) == 1 else None)
        found = self.places.get(name, ())
        inside = [r for r, _ in found if r.lower() in named]
        if inside:
            return inside[0]
        if len(found) == 1 or (len(found) > 1 and found[0][1] >= 5 * found[1][1]):
            return found[0][0]
        return None


@functools.lru_cache(maxsize=4)
def load_gazetteer(folder: str) -> Gazetteer:
    """The gazetteer of the rules folder ``folder``; empty where the folder has none."""
    path = Path(folder) / GAZETTEER_FILE
    if not path.is_file():
        return Gazetteer()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RulesError(f"{path}: cannot be read as the gazetteer ({exc})") from None
    places: dict[str, list[tuple[str, int]]] = {}
    for line in str(data.get("places") or "").splitlines():
        name, region, people = (line.split("|") + ["", "", "0"])[:3]
        if name and region:
            places.setdefault(name, []).append((region, int(people) if people.isdigit() else 0))
    counties: dict[str, list[str]] = {}
    for line in str(data.get("counties") or "").splitlines():
        name, _, region = line.partition("|")
        if name and region:
            counties.setdefault(name, []).append(region)
    countries = frozenset(line.strip() for line in str(data.get("countries") or "").splitlines() if line.strip())
    longest = max((len(n.split()) for n in [*places, *counties, *countries]), default=0)
    return Gazetteer(
        {n: tuple(sorted(r, key=lambda x: -x[1])) for n, r in places.items() if n not in countries},
        {n: tuple(r) for n, r in counties.items()},
        countries,
        longest,
    )
