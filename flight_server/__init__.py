"""Arrow Flight access to the Gold tables; the only package that imports ``pyarrow.flight``."""
