"""Reconciliation: group document records that report the same event into events.

    >>> from extractors.reconcile import reconcile, Reconciler     # doctest: +SKIP
    >>> events = reconcile(records)                                 # batch
    >>> r = Reconciler(); r.add(batch1); r.add(batch2); r.events()  # incremental
    >>> for ev in reconcile_stream(records_by_date): write(ev)      # bounded memory  # doctest: +SKIP

Stages: :mod:`.blocking` (candidate pairs without comparing all pairs),
:mod:`.similarity` (pair score with reasons), :mod:`.cluster` (average-linkage events,
incremental), :mod:`.claims` (claim alignment: agreed / variant / conflict /
single-source), :mod:`.events` (merged officials, organisations, date, title), :mod:`.stream` (a sliding
time window for long streams, in bounded memory).
"""

from __future__ import annotations

from .cluster import Reconciler, reconcile
from .stream import StreamReconciler, reconcile_jsonl, reconcile_stream

__all__ = ["Reconciler", "StreamReconciler", "reconcile", "reconcile_jsonl", "reconcile_stream"]
