"""Jobs: bronze ingestion, and silver/gold transforms run by one shared runner.

A transform is a pure function from Ibis tables to an Ibis expression; its ``JobSpec`` says which
tables feed it (and how: appended rows since the watermark, or the whole snapshot), which table
it writes and how. :mod:`jobs.runner` does all the I/O.
"""
