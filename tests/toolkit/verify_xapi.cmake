# Tests for the instructor toolkit: filled in by its owner.
