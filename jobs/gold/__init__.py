"""Gold jobs: the analyst tables, each a pure Ibis transform run by the shared runner."""
