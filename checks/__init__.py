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
    a write with what it replaces.

Each check
    has a unique ``name:`` (it is the check's identity in reports, alerts and ops.check_results)
    and ``attributes: {family: …}``, one of: ``schema``, ``duplicate``, ``missing``, ``validity``
    (valid values and formats), ``range``, ``reference`` (other tables), ``cross_field`` (rules
    between columns, as failed-rows queries), ``freshness`` and ``row_count``. Freshness checks
    only warn: a closed year's data ages legitimately. A comment above a rule says why it is what
    it is when the data is not obvious (e.g. the twelve filing types the Clerk really uses).

Outcomes
    ``pass``, ``fail``, ``warn`` or ``error`` (Soda could not evaluate the check, e.g. a missing
    column). A write is published only when no check fails or errors.
"""
