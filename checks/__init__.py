"""Data-quality checks: SodaCL files per table and the runner that gates each layer.

Empty until the quality-gates issue lands; the layout is fixed now so jobs can depend on it.
"""
