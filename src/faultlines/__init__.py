"""faultlines: political event data from news articles.

The data flows through one package per stage:
read -> parse -> actors -> coding -> enrich -> store -> merge -> evaluate, with `pipeline`
tying the stages together and `cli` exposing them.
"""

__version__ = "0.1.0"
