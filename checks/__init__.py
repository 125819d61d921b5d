"""Data-quality checks: SodaCL files per table and the runner that gates each write.

Layout
    ``checks/<namespace>_<table>.yml``: one SodaCL file per silver and gold table, holding exactly
    one section, ``checks for <namespace>_<table>:``. :mod:`checks.runner` runs them with Soda Core;
    :mod:`checks.alerts` reports failures; ``soda_config.yml`` keeps Soda's usage telemetry off.

Naming
    Soda sees every table as a DuckDB view named ``<namespace>_<table>``: ``silver.filings`` is
    ``silver_filings``, ``gold.fact_transactions`` is ``gold_fact_transactions``. Checks refer to
    other tables by the same names (``values in (doc_id) must exist in silver_ptr_filings
    (doc_id)``, or inside a ``failed rows`` query); the runner finds those names in the file and
    loads the tables they name. Timestamps with a time zone appear as naive UTC ``timestamp``
    columns (see :func:`checks.runner._expose`). One more view, ``audit_baseline``, has one row and
    one column, ``main_row_count``: the audited table's row count on main, for checks that compare
    a write with what it replaces; ``audit_volume`` (``part``, ``staged_rows``, ``main_rows``) has
    the row counts per partition value ('*' = all) staged and on main; ``audit_history`` the table's
    earlier outcomes from ops.check_results with ``published``. Both exist only for files naming them.

Each check
    has a unique ``name:`` (it is the check's identity in reports, alerts and ops.check_results)
    and ``attributes: {family: …}``, one of: ``schema``, ``duplicate``, ``missing``, ``validity``
    (valid values and formats), ``range``, ``reference`` (other tables), ``cross_field`` (rules
    between columns, as failed-rows queries), ``freshness``, ``row_count`` and ``volume``
    (anomalies against main and history; ``--accept-anomaly`` turns their failures into warnings).
    Freshness checks only warn: a closed year's data ages legitimately.

Row rules
    A ``failed rows`` check with a ``fail condition`` (one row's SQL predicate) and the attributes
    ``row_issue`` (a code) and ``max_share`` (e.g. ``1%``) is a row rule: the job runner writes the
    code into the ``quality_issues`` of every row it is true for, and the row is published. The
    check warns, and fails only when in some partition of at least 100 rows the failing share passes
    ``max_share``: unusual rows are data, a systemic share is a broken source or parser
    (docs/data-quality.md). A comment above a rule says why it is what
    it is when the data is not obvious (e.g. the twelve filing types the Clerk really uses).

Outcomes
    ``pass``, ``fail``, ``warn`` or ``error`` (Soda could not evaluate the check, e.g. a missing
    column). A write is published only when no check fails or errors.
"""
