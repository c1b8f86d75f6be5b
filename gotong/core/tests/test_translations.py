"""The English catalogue is complete: every message translated, none fuzzy, placeholders kept.

Without this an untranslated string shows up in Bahasa Indonesia on an English page and nobody notices; a fuzzy
entry is worse, because Django ignores it and a placeholder the translation dropped or misspelt turns into a wrong
sentence or a KeyError at render time. Fix a failure with `gotong makemessages -l en --ignore=.venv --ignore=tests
--ignore=var`, fill in `msgstr` in the .po file (CONTRIBUTING.md), then `make messages`.
"""

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

PO_FILE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"

# What must come through a translation unchanged: %(name)s with its conversion (%(mb).1f), a bare %s or %d,
# the %% that Django's template tags double from a literal %, and {name} of strings that JavaScript fills in.
PLACEHOLDER = re.compile(r"%\(\w+\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%[sd]|%%|\{\w*\}")


@pytest.fixture(scope="module")
def messages():
    with PO_FILE.open("rb") as po:
        catalog = read_po(po)
    return [message for message in catalog if message.id]


def _forms(message) -> list[tuple[str, str]]:
    """(source, translation) pairs: singular with msgstr[0], the plural with every other form."""
    if not message.pluralizable:
        return [(message.id, message.string)]
    singular, plural = message.id
    return [(singular if index == 0 else plural, text) for index, text in enumerate(message.string)]


def _label(message) -> str:
    msgid = message.id[0] if message.pluralizable else message.id
    where = ", ".join(f"{path}:{line}" for path, line in message.locations[:2])
    return f"{msgid[:90]!r} ({where})"


def test_every_message_has_an_english_translation(messages):
    untranslated = [_label(m) for m in messages if any(not text for _source, text in _forms(m))]
    assert not untranslated, f"{len(untranslated)} messages without English:\n" + "\n".join(untranslated)


def test_no_message_is_fuzzy(messages):
    # Django skips fuzzy entries, so a fuzzy guess from makemessages shows the Indonesian: review it, drop the flag.
    fuzzy = [_label(m) for m in messages if m.fuzzy]
    assert not fuzzy, f"{len(fuzzy)} fuzzy messages:\n" + "\n".join(fuzzy)


def test_translations_keep_the_placeholders(messages):
    wrong = []
    for message in messages:
        for source, text in _forms(message):
            expected, found = Counter(PLACEHOLDER.findall(source)), Counter(PLACEHOLDER.findall(text))
            if text and expected != found:
                wrong.append(f"{_label(message)}: {sorted(expected.elements())} → {sorted(found.elements())}")
    assert not wrong, f"{len(wrong)} translations with other placeholders than the source:\n" + "\n".join(wrong)
