"""Fixtures of the entity tests: the shipped model's gazetteer."""

import pytest

from reader.entities.pipeline import load_model
from reader.entities.tagging.gazetteer import Gazetteer


@pytest.fixture
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (loaded once per process with the model)."""
    return load_model().gazetteer
