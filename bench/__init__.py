"""Performance harness: each scenario beside a baseline measured in the same run."""
