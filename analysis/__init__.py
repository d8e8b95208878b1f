"""ActorLens analysis: turn news articles into tidy tables of actors, quotes, sentiment and stance."""

__version__ = "0.2.0"
