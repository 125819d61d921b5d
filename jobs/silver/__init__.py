"""Silver jobs: typed, cleaned, deduplicated tables built from bronze."""
