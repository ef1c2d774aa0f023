"""`reconcile prepare`: export the embedding model to ONNX once, so later runs start fast."""

from __future__ import annotations

import typer

from . import app, user_errors

__all__ = ["prepare"]


@app.command()
def prepare(
    model: str | None = typer.Option(
        None,
        "--model",
        "-m",
        help="A local sentence-transformers folder; default: the bundled all-MiniLM-L6-v2.",
    ),
) -> None:
    """Prepare the embedding model once (an ONNX export in the cache folder); prints where it went."""
    with user_errors():
        from ..embed import model_path
        from ..errors import ModelError
        from ..onnx_encoder import OnnxEncoder, can_export, export, is_prepared

        path = model_path(model)
        if not can_export(path):
            raise ModelError(
                f"--model {model}: cannot be exported to ONNX (that needs a local sentence-transformers folder "
                "with tokenizer.json and mean pooling); compare runs such a model on torch, with nothing to prepare"
            )
        if is_prepared(path):
            typer.echo("reconcile: the model is already prepared", err=True)
        target = export(path, progress=lambda message: typer.echo(f"reconcile: {message}", err=True))
        OnnxEncoder(path).encode(["The model loads and encodes."])
        typer.echo(str(target))
