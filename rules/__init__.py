"""The YAML lexicons and patterns reconcile reads: adding a language is adding YAML, not code."""
