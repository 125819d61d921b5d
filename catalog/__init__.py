"""The only package that talks to the Iceberg catalog and its storage (FileIO).

``connect`` builds the catalog from settings and pyiceberg's own configuration, ``registry``
declares every table once (schema with field ids, partitioning, sort order, identifier fields),
and ``store`` is the small API the rest of the code uses: read a table at a snapshot, read what
was appended since a watermark, commit in one transaction, resolve time travel.
"""
