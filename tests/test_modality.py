import pytest

from faultlines.coding.modality import modality
from faultlines.parse import load_nlp


def mod(sentence: str, word: str) -> str:
    doc = load_nlp()(sentence)
    tok = next(t for t in doc if t.text == word)
    return modality(tok)


@pytest.mark.parametrize("sentence,word,expected", [
    ("Russia invaded Ukraine on Thursday.", "invaded", "asserted"),
    ("Russia did not invade Ukraine.", "invade", "negated"),
    ("Moscow never attacked Kyiv.", "attacked", "negated"),
    ("Russia refused to withdraw its troops.", "withdraw", "negated"),
    ("The United States would impose sanctions on Russia should it invade Ukraine.", "impose",
     "hypothetical"),
    ("The United States would impose sanctions on Russia should it invade Ukraine.", "invade",
     "hypothetical"),
    ("Paris said Moscow would face consequences if Russia attacked Ukraine.", "attacked",
     "hypothetical"),
    ("The vote was a move that could trigger an invasion.", "invasion", "hypothetical"),
    ("The West is fearing a full-scale invasion is next.", "invasion", "hypothetical"),
    ("Officials denied reports of a possible attack.", "attack", "hypothetical"),
    ("The French president will visit Brazil next week.", "visit", "future"),
    ("China plans to send aid to Turkey.", "send", "future"),
    ("The minister is expected to meet his counterpart.", "meet", "future"),
    ("Iran threatened to close the strait.", "close", "hypothetical"),
    ("Iran threatened to close the strait.", "threatened", "asserted"),
    ("Putin said Moscow deployed troops to the border.", "deployed", "asserted"),
    ("The United Nations urged Israel to allow aid into Gaza.", "allow", "hypothetical"),
])
def test_modality(sentence, word, expected):
    assert mod(sentence, word) == expected
