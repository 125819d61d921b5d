"""Benchmarks: every performance goal of issue 8 measured side by side in one run.

``make bench`` (or ``python -m benchmarks``) generates Silver-level Iceberg tables shaped like the
real 2025 House data at 100k, 1M and 10M trades (:mod:`benchmarks.synth`, distributions from
:mod:`benchmarks.shape`), measures each metric (:mod:`benchmarks.metrics`), prints a table and
writes ``benchmarks/results.json`` and ``BENCHMARKS.md`` (:mod:`benchmarks.report`).
``make bench QUICK=1`` runs everything at the smallest size. Generated data lives under
``benchmarks/out/`` (git-ignored). Nothing here runs in the test suite: timings depend on the machine.
"""
