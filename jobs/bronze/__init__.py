"""Bronze ingestion: the House Clerk's index files and PDFs, as published, with provenance."""
