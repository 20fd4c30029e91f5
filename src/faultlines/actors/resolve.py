"""Resolve every noun phrase of a parsed document to coded actors.

A `DocActors` is built once per document. It scans the text for knowledge-base phrases
(longest match first), then resolves noun-phrase heads in reading order so that pronouns
("he", "it"), short names ("Ushakov" after "Kremlin aide Yury Ushakov") and definite
descriptions ("the Russian president") can point back to what came before.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from faultlines.actors.kb import Entry, KnowledgeBase
from faultlines.gazetteer import lookup
from faultlines.models import Actor

# Modifiers that belong to a noun phrase's own description ("Kremlin aide", "Russia's").
NP_MODIFIERS = {"compound", "amod", "poss", "nmod", "npadvmod", "flat", "nn"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself", "they", "them", "their", "theirs"}
# Group nouns whose members are listed after "including" / "such as".
GROUP_NOUNS = {"country", "nation", "government", "state", "ally", "power", "member", "partner"}
# Description words that point back to the last matching actor ("the country", "the Kremlin leader").
PLACE_NOUNS = {"country", "nation", "state"}
# Verbs whose subject a pronoun in the reported clause usually is ("Russia said it would").
SAYING = {"say", "tell", "add", "state", "announce", "report", "claim", "insist", "warn", "note",
          "confirm", "reply", "write", "tweet", "argue", "explain", "stress", "fear", "believe",
          "think", "hope"}
# Nouns for one person, whom "he"/"she" can point back to ("a French citizen ... him").
PERSON_NOUNS = {"citizen", "national", "journalist", "reporter", "student", "tourist", "man",
                "woman", "activist", "lawyer", "businessman", "businesswoman", "worker",
                "cyclist", "researcher", "academic", "blogger", "dissident", "priest", "doctor"}
# Titles of people (other role words name institutions: "ministry", "army").
PERSON_TITLES = {"president", "minister", "leader", "counterpart", "premier", "chancellor", "king",
                 "spokesman", "spokeswoman", "spokesperson", "aide", "envoy", "ambassador",
                 "secretary", "general", "commander", "chief", "head", "emir", "sultan", "prince",
                 "senator", "judge", "prosecutor", "official", "diplomat", "monarch", "queen"}
ASSOCIATION_SUFFIXES = {"linked", "backed", "led", "allied", "affiliated", "inspired", "aligned",
                        "held", "occupied", "controlled", "sponsored", "funded", "supported",
                        "run", "born", "friendly", "leaning", "installed", "brokered",
                        "related", "owned", "appointed", "dominated", "flagged", "operated"}
# ... of which these make the thing the named actor's: "rebel-held towns", "a Greek-owned ship"
HOLDING = {"held", "controlled", "occupied", "run", "dominated", "owned", "flagged", "operated"}
# Capitalised words that are also the names of some province or town somewhere.
NOT_PLACES = {"western", "eastern", "northern", "southern", "central", "north", "south", "east",
              "west", "upper", "lower", "greater", "new", "national", "federal", "united",
              "royal", "democratic", "republican", "islamic", "arab", "african", "european",
              "asian", "american", "gulf", "pacific", "atlantic", "state", "city", "capital"}
STATE_ROLES = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
PLACE_WORDS = {"east", "west", "north", "south", "northeast", "northwest", "southeast",
               "southwest", "centre", "center", "city", "town", "village", "province", "region",
               "area", "part", "capital", "district", "border", "outskirts", "suburb", "state",
               "county", "enclave", "territory", "camp", "port", "coast", "heart", "street"}
# "the two ministers", "both sides", "the two countries": the two parties named last.
PAIR_NOUNS = {"side", "party", "country", "nation", "government", "leader", "minister", "president", "ally",
              "delegation", "neighbour", "neighbor", "state", "capital", "counterpart"}
# "the group", "the militant group": the last organised non-state group named.
GROUP_WORDS = {"group", "movement", "organisation", "organization", "faction", "outfit",
               "militia", "network", "front", "coalition"}
# "the court", "the agency": an institution named before whose name has that word
INSTITUTION_NOUNS = {"court", "tribunal", "agency", "bank", "fund", "council", "commission",
                     "committee", "mission", "programme", "program", "organisation",
                     "organization", "office", "union", "league", "assembly", "parliament"}
# Names every country gives its own institutions ("Congress", "Parliament"): a dictionary entry
# for one country's stands for the country in the phrase or the story's, when there is one.
GENERIC_BODIES = {"congress", "parliament", "senate", "national assembly", "supreme court",
                  "constitutional court", "house of representatives"}
# "an alliance of rebel groups", "a coalition of opposition parties": its members
COLLECTIVES = {"alliance", "coalition", "umbrella", "federation", "grouping", "bloc", "front"}
BLOC_WORDS = {"alliance", "bloc", "organisation", "organization", "union", "body", "council",
              "agency"}
NON_STATE_ROLES = {"INS", "REB", "UAF", "OPP", "SEP", "TER", "RAD", "MOD"}
PLACE_PREPS = ("in", "across", "throughout", "inside", "near", "at")
FORMER = {"former", "retired", "ex", "erstwhile", "onetime", "one-time"}
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "representative"}
NEGATING_PREFIXES = ("pro", "anti", "non", "ex", "post")
# Things that happen to people without anyone doing them: "victims killed by the MH17 crash" were
# not killed by Malaysia Airlines.
NON_AGENTS = {"crash", "accident", "earthquake", "quake", "flood", "flooding", "storm", "fire",
              "blaze", "disaster", "collapse", "landslide", "avalanche", "drought", "famine",
              "disease", "outbreak", "virus", "pandemic", "epidemic", "heatwave", "tsunami",
              "cyclone", "hurricane", "typhoon", "wildfire", "eruption", "mudslide"}


@dataclass
class Found:
    """An actor found at a token, with what coreference needs to know about it."""

    actor: Actor
    person: bool
    title: str | None = None
    main_subject: bool = False
    bare: bool = False  # a role with no country ("insurgents"): never a coreference antecedent


def entity_span(tok: Token) -> Span | None:
    """The named entity `tok` is part of, found from the token outwards (not by scanning all
    the document's entities: places are looked up often)."""
    if tok.ent_iob_ == "O":
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def is_capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() or not tok.text[:1].isalpha()


class DocActors:
    def __init__(self, doc: Doc, kb: KnowledgeBase, date: dt.date | None = None,
                 event_nouns: frozenset[str] | set[str] = frozenset(),
                 home: str | None = None) -> None:
        self.doc = doc
        # The country of the article's dateline ("TUNIS, Tunisia —"): where "the police" and
        # "the army" of a story with no other place are from.
        self.home = home
        self.kb = kb
        self.event_nouns = event_nouns  # nouns that name events, never actors
        # Without a publication date nobody can be called a former office holder: people
        # then take their latest office (see _person).
        self.date = date
        self.mentions: dict[int, tuple[int, int, list[Entry]]] = {}
        self.local_names: dict[str, Found] = {}
        self.cache: dict[int, list[Found]] = {}
        self.places: dict[tuple[int, bool], str | None] = {}
        self.history_idx: list[int] = []
        self.history: list[Found] = []
        self._scan()
        self.home = self._story_country(home)
        self._prepass()

    # Knowledge-base matches ---------------------------------------------------------------

    def _scan(self) -> None:
        doc, kb = self.doc, self.kb
        lowers = [t.lower_ for t in doc]
        # Once a person is named in full, either part of the name names them again ("Penny
        # Wong ... Wong", "Park Jin ... Park").
        short: dict[str, list[Entry]] = {}
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if tok.is_space or not is_capitalised(tok) or (tok.lower_ == "the"):
                i += 1
                continue
            for j in range(min(n, i + kb.max_len), i, -1):
                key = " ".join(lowers[i:j])
                entries = kb.phrases.get(key) or (short.get(key) if j == i + 1 else None)
                if entries and all(e.kind == "person" for e in entries) and j - i >= 2:
                    for k in (i, j - 1):
                        if doc[k].pos_ == "PROPN" and doc[k].lower_ not in kb.phrases:
                            short[lowers[k]] = entries
                if entries and all(e.kind == "person" for e in entries) and (
                        self._longer_name(i, j) or self._other_given_name(i, j)):
                    continue  # "Juan Carlos Jobet" is not King Juan Carlos, "Volker Türk"
                    # not Danilo Türk
                if entries and not self._negated_prefix(i):
                    for k in range(i, j):
                        self.mentions[k] = (i, j, entries)
                    i = j
                    break
            else:
                i += 1

    def resolve_span(self, head: Token, toks: list[Token]) -> list[Actor]:
        """A whole short phrase read as one description of `head` (for `actors resolve`, where
        the parser may read "Boko Haram gunmen" as a clause)."""
        return [f.actor for f in self._resolve(head, toks)]

    def _longer_name(self, i: int, j: int) -> bool:
        """Is the matched name part of a longer personal name?"""
        doc = self.doc
        # Only a name followed by more name is suspect: "Juan Carlos Jobet" is someone else,
        # while "Mohammed Hussein Roble" may spell the first names differently.
        after = doc[j] if j < len(doc) else None
        return (j - i <= 2 and after is not None and after.pos_ == "PROPN" and after.is_title
                and after.ent_type_ in ("PERSON", "")
                and after.lower_ not in self.kb.roles and after.lower_ not in self.kb.phrases)

    def _other_given_name(self, i: int, j: int) -> bool:
        """A one-word name after a given name the knowledge base does not pair with it."""
        if j - i != 1 or i == 0:
            return False
        before = self.doc[i - 1]
        return (before.pos_ == "PROPN" and before.is_title and before.ent_type_ == "PERSON"
                and before.lower_ not in self.kb.roles and before.lower_ not in self.kb.phrases
                and (i - 1) not in self.mentions)

    def _associated(self, end: int) -> bool:
        doc = self.doc
        return (end + 1 < len(doc) and doc[end].text == "-"
                and doc[end + 1].lower_ in ASSOCIATION_SUFFIXES)

    def _negated_prefix(self, i: int) -> bool:
        """'pro-Russian' does not make an actor Russian."""
        if i >= 2 and self.doc[i - 1].text == "-":
            return self.doc[i - 2].lower_ in NEGATING_PREFIXES
        return False

    def _story_country(self, dateline: str | None) -> str | None:
        """The dateline's country, unless the story is plainly about another one: a court case
        datelined The Hague, peace talks datelined Mexico City. Then the country named at
        least twice as often (and three times or more) is the one whose "foreign minister" and
        "army" the text means."""
        if dateline is None:
            return None
        counts: Counter[str] = Counter()
        for _s, _e, entries in {(s, e): (s, e, ents) for s, e, ents in self.mentions.values()
                                }.values():
            countries = {e.country for e in entries
                         if e.kind in ("country", "adjective", "metonym") and e.country}
            if len(countries) == 1:
                counts[next(iter(countries))] += 1
        if not counts:
            return dateline
        top, n = counts.most_common(1)[0]
        return top if top != dateline and n >= 3 and n >= 2 * counts[dateline] else dateline

    def entries_at(self, tok: Token) -> list[Entry]:
        m = self.mentions.get(tok.i)
        return m[2] if m else []

    # Pre-pass in reading order ------------------------------------------------------------

    def _prepass(self) -> None:
        for tok in self.doc:
            if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.dep_ not in ("compound", "flat"):
                found = self._resolve(tok)
                if tok.tag_ == "NN" and tok.lemma_.lower() in PERSON_TITLES | PERSON_NOUNS:
                    # "a spokesman for the M23 ... he said": a titled individual
                    found = [Found(f.actor, True, tok.lemma_.lower(), f.main_subject, f.bare)
                             if not f.person and not f.bare else f for f in found]
                self.cache[tok.i] = found
                main = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"
                for f in found:
                    if main:
                        f = Found(f.actor, f.person, f.title, main_subject=True, bare=f.bare)
                    self.history_idx.append(tok.i)
                    self.history.append(f)

    def _last(self, before: int, want, after: int = 0) -> Found | None:  # type: ignore[no-untyped-def]
        """The last actor named at a token in [after, before) that `want` accepts."""
        k = bisect_left(self.history_idx, before)
        for idx in range(k - 1, max(-1, k - 200), -1):
            if self.history_idx[idx] < after:
                break
            f = self.history[idx]
            if f.actor.code and not f.bare and want(f):
                return self.history[idx]
        return None

    # Public -------------------------------------------------------------------------------

    def actors(self, tok: Token, coded_only: bool = True) -> list[Actor]:
        """Actors named by the phrase headed by `tok`, one per coordinated member. Bare roles
        with no country ("soldiers") are left out unless `coded_only` is False."""
        heads = [tok]
        m = self.mentions.get(tok.i)
        inside = range(m[0], m[1]) if m else range(tok.i, tok.i + 1)
        for t in (self.doc[i] for i in inside):
            heads += [c for c in t.conjuncts if c.i > tok.i and c.i not in inside]
        out: list[Actor] = []
        for h in heads:
            members = self._group_members(h)
            for m in members or [h]:
                found = self.cache.get(m.i)
                if found is None:
                    found = self._resolve(m)
                    self.cache[m.i] = found
                out.extend(f.actor for f in found)
        unique: dict[tuple[str | None, str | None], Actor] = {}
        for a in out:
            if coded_only and not a.code:
                continue
            unique.setdefault((a.code, a.name), a)
        return list(unique.values())

    def _group_members(self, tok: Token) -> list[Token]:
        """'several countries, including the US, UK and Japan' -> the listed members."""
        if tok.lemma_.lower() not in GROUP_NOUNS:
            return []
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("including", "like"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return [pobj, *pobj.conjuncts]
        return []

    # Resolution of one phrase -------------------------------------------------------------

    def phrase_tokens(self, head: Token) -> list[Token]:
        """The head and its descriptive modifiers, without clauses or prepositional phrases."""
        out = [head]
        stack = [c for c in head.children if c.dep_ in NP_MODIFIERS or c.dep_ == "det"]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(
                c for c in t.children if c.dep_ in NP_MODIFIERS or c.dep_ in ("conj", "case")
            )
        return sorted(out, key=lambda t: t.i)

    def _resolve(self, head: Token, toks: list[Token] | None = None) -> list[Found]:
        low = head.lower_
        if head.pos_ == "PRON":
            return self._pronoun(head, low)
        if head.lemma_.lower() in NON_AGENTS:
            return []
        if head.lemma_.lower() in COLLECTIVES and not any(
                c.dep_ in ("compound", "amod", "poss") for c in head.children):
            for c in head.children:  # "an alliance of rebel groups": the groups
                if c.dep_ == "prep" and c.lower_ == "of":
                    members = [f for g in c.children if g.dep_ == "pobj" for f in self._resolve(g)]
                    if members:
                        return members
        toks = toks or self.phrase_tokens(head)
        people: list[Found] = []
        orgs: list[Found] = []
        countries: list[Entry] = []
        metonyms: list[Entry] = []
        seen_spans: set[int] = set()
        for t in toks:
            m = self.mentions.get(t.i)
            if not m or m[0] in seen_spans:
                continue
            seen_spans.add(m[0])
            text = self.doc[m[0] : m[1]].text
            p = self._person(m[2], text)
            if p:
                people.append(p)
                continue
            if self._associated(m[1]):
                continue  # "Al Qaeda-linked group", "Kremlin-backed rebels": not the actor
            for e in self._in_period(m[2]):
                if e.kind == "org":
                    orgs.insert(0, Found(self._actor(e, text), person=False))
                    break
                if e.kind == "metonym":
                    metonyms.append(e)
                    break
                if e.kind in ("country", "adjective"):
                    countries.append(e)
                    break
        role = self._role(head, toks)
        if not (people or orgs or countries or metonyms):
            for c in head.children:
                if c.dep_ == "poss" and c.lemma_.lower() in BLOC_WORDS | GROUP_WORDS:
                    # "the bloc's heads of state", "the alliance's secretary general", "the
                    # front's leader"
                    found = [f for f in self._resolve(c) if (f.actor.code or "").startswith("IGO")
                             or f.actor.role in NON_STATE_ROLES]
                    if found:
                        for a in head.children:  # "the agency's director general, Rafael
                            if a.dep_ == "appos":  # Grossi": later "Grossi" and "he" too
                                return [self._remember(a, found[0], role)]
                        return found
        # Appositions name the same actor: "his US counterpart Joe Biden".
        for c in head.children:
            if c.dep_ == "appos":
                for f in self.cache.get(c.i) or self._resolve(c):
                    if f.actor.code and not f.bare and (f.person or not people):
                        people.append(f)
                    elif f.bare and role is None and head.pos_ == "PROPN" and \
                            f.actor.role in NON_STATE_ROLES:
                        role = f.actor.role  # "the Radaa Deterrence Force, a militia that ..."
        if people and orgs and people[0].actor.role == "ELI" and \
                (orgs[0].actor.code or "").startswith("IGO"):
            # "The African Union Commission chairman, Moussa Faki Mahamat": the office he holds,
            # not the national one he once did
            return orgs[:1]
        if people:
            return [people[0]]
        if orgs:
            return orgs[:1]
        if not countries and not metonyms and (head.ent_type_ == "PERSON" or head.pos_ == "PROPN"):
            local = self.local_names.get(low)
            if local:
                return [local]
        name = " ".join(t.lower_ for t in toks if t.dep_ not in ("det", "poss", "case")
                        and t.ent_type_ not in ("NORP", "GPE"))
        generic = [e for e in metonyms if e.code and e.country and name in GENERIC_BODIES]
        if generic:
            # "Peru's Congress", and "Congress" in a story datelined Lima: the legislature of
            # the country named, else of the story's country, not the US one
            where = countries[0].country if countries else self.home or generic[0].country
            role = role or generic[0].code[3:] or None
            return [Found(self._make(where, role, self._span_text(toks)), person=False)]
        if metonyms and not countries:
            e = metonyms[0]
            actor = self._actor(e, self._span_text(toks))
            if role and role != actor.role and e.country:
                actor = self._make(e.country, role, self._span_text(toks))
            found = Found(actor, person=False)
            return [self._remember(head, found, role)]
        if countries and len(countries) == 1 and head.lemma_.lower() in PERSON_TITLES and \
                any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            # "the Russian president": the Russian president named before, if any.
            country = countries[0].country
            f = self._last(head.i, lambda f: f.person and f.actor.country == country
                           and f.actor.role == role)
            if f:
                return [f]
        if countries:
            out = []
            for e in countries:
                out.append(Found(self._make(e.country, role, self._span_text(toks)), person=False))
            return [self._remember(head, f, role) for f in out]
        city = self._city(toks)
        if city:
            return [Found(self._make(city, role, self._span_text(toks)), person=False)]
        where = self._located(head) if role else None
        if where is not None:
            # "leaders of the Muslim Brotherhood" are the Brotherhood; "rebels in Syria" are
            # Syrian rebels.
            if where.actor.role and where.actor.role not in ("GOV",) and not where.person:
                return [Found(where.actor.model_copy(update={"text": self._span_text(toks)}),
                              person=False)]
            if where.actor.country:
                text = self._span_text(toks)
                countries = [where.actor.country] + self._more_places(head)
                return [Found(self._make(c, role, text), person=False)
                        for c in dict.fromkeys(countries)]
        pair = self._pair_description(head)
        if pair is not None:
            return pair
        if role or head.lemma_.lower() in PLACE_NOUNS | GROUP_WORDS | BLOC_WORDS:
            # A role with no country: a description pointing back, else a bare role
            # ("soldiers") that the coder leaves out but `actors resolve` reports.
            bare = Found(Actor(text=self._span_text(toks), code=role, role=role), person=False,
                         bare=True)
            described = self._description(head, role)
            if described:
                return described
            home = self._scene(head) or self.home
            if role in NON_STATE_ROLES and home and any(t.pos_ == "PROPN" and t.i != head.i
                                                         for t in toks):
                # "the National Salvation Front opposition coalition" in a story datelined
                # Tunis: a named group of the story's country; "Radaa" later is "the Radaa
                # Deterrence Force"
                group = Found(self._make(home, role, self._span_text(toks)), False)
                first = next(t for t in toks if t.pos_ == "PROPN")
                if first.i != head.i and not self.kb.roles.get(first.lower_):
                    self.local_names.setdefault(first.lower_, group)
                return [group]
            if role in STATE_ROLES and home and head.ent_type_ == "PERSON":
                # "government spokesman Patrick Muyaya" in a story datelined Kinshasa; "In
                # Islamabad, foreign office spokeswoman Mumtaz Zahra Baloch" is Pakistani
                return [self._remember(head, Found(self._make(home, role,
                                                              self._span_text(toks)), False), role)]
            return [bare] if role else []
        return []

    def place_country(self, verb: Token, deep: bool = False) -> str | None:
        """The country of the place a verb's action happens in ("blocked streets in Hong Kong",
        "killed in the east of the Gaza Strip"); None when the phrase names no place. `deep`
        also searches the phrases below ("an attack on a mall in Kenya's capital")."""
        key = (verb.i, deep)
        if key not in self.places:  # the coder asks again for each side and each rule
            self.places[key] = self._find_place(verb, deep)
        return self.places[key]

    def _find_place(self, verb: Token, deep: bool) -> str | None:
        todo, seen = [verb], 0
        while todo and seen < 40:
            tok = todo.pop(0)
            seen += 1
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    for g in c.children:
                        if g.dep_ == "pobj":
                            country = self._place_of(g)
                            if country:
                                return country
                if deep and c.dep_ not in ("nsubj", "ccomp", "parataxis"):
                    todo.append(c)
        if deep and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
            # "stormed a checkpoint in North Waziristan, killing seven soldiers"
            return self.place_country(verb.head)
        return None

    def is_place(self, tok: Token) -> bool:
        return self._place_of(tok) is not None

    def _place_of(self, tok: Token, depth: int = 0) -> str | None:
        for e in self.entries_at(tok):
            if e.kind in ("country", "metonym") and e.country:
                return e.country
        # "Ain Zara" is not Zara, "the Gulf of Aden" not Gulf Province: a name is looked up whole
        name = " ".join([t.text for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
                        + [tok.text])
        ent = entity_span(tok)
        if ent is not None and len(ent) > 1 and ent.label_ in ("GPE", "LOC", "FAC"):
            name = ent.text.removeprefix("the ").removeprefix("The ")
        if tok.ent_type_ in ("GPE", "LOC", "FAC"):
            place = lookup(name, set())
            if place and place.country:
                return place.country
        if tok.ent_type_ == "ORG" and tok.pos_ == "PROPN" and not self.entries_at(tok):
            # the small model often tags a city as an organisation ("a base in Erbil"); a
            # sizeable city of that name is the likelier reading
            place = lookup(name, set())
            if place and place.country and place.population >= 100_000:
                return place.country
        if depth < 3 and tok.lemma_.lower() in PLACE_WORDS:
            # "the east of the Gaza Strip", "Syria's second city", "Herat province"
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod"):
                    country = self._place_of(c, depth + 1)
                    if country:
                        return country
                if c.dep_ == "prep" and (c.lower_ == "of" or (
                        c.lower_ == "with" and tok.lemma_.lower() == "border")):
                    for g in c.children:  # "the east of the Gaza Strip", "its border with Finland"
                        if g.dep_ == "pobj":
                            country = self._place_of(g, depth + 1)
                            if country:
                                return country
        return None

    def _located(self, head: Token, preps: tuple[str, ...] = ("in", "from", "of", "for", "throughout",
                                                              "across")) -> Found | None:
        """'separatist regions in eastern Ukraine', 'rebels from Syria': the country of the place."""
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj":
                        found = self.cache.get(g.i)
                        if found is None:
                            found = self._resolve(g)
                        for f in found:
                            if f.actor.country or (f.actor.code and not f.bare):
                                return f
                        if c.lower_ != "of" and g.pos_ == "PROPN" and not found:
                            # "a spokesman in Goma": a place, whatever the tagger thought
                            place = lookup(g.text, set())
                            if place and place.country:
                                return Found(self._make(place.country, None, g.text), False)
        return None

    def _more_places(self, head: Token) -> list[str]:
        """'the foreign ministers of Lithuania and Latvia': the countries after the first."""
        out = []
        # "the foreign ministries in Paris, Berlin and London" (plural: one in each)
        preps = ("of", "from", "in") if head.tag_ in ("NNS", "NNPS") else ("of", "from")
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                objs = [g for g in c.children if g.dep_ == "pobj"]
                # "of Congo and Rwanda" is sometimes parsed as two objects of one "of"
                for o in objs[1:] + [conj for g in objs for conj in g.conjuncts]:
                    country = self._place_of(o)
                    if country:
                        out.append(country)
        return out

    def _city(self, toks: list[Token]) -> str | None:
        """A place the gazetteer knows ("Shanghai police", "Mariupol") gives its country."""
        for t in toks:
            if t.i in self.mentions or t.lower_ in NOT_PLACES or (t.is_upper and len(t) < 5) \
                    or self._negated_prefix(t.i):
                continue  # (acronyms are organisations, not towns; "pro-Russia" is no place)
            if t.ent_type_ in ("GPE", "LOC", "NORP", "ORG") and t.ent_iob_ == "B":
                ent = next((e for e in t.sent.ents if e.start == t.i), None)
                names = [ent.text, t.text] if ent is not None else [t.text]
            elif t.pos_ in ("PROPN", "ADJ") and t.dep_ in ("compound", "amod") and t.is_title \
                    and not t.ent_type_:
                names = [t.text]  # "Rakhine rebels"
            else:
                continue
            for name in names:
                place = lookup(name, set())
                if place and place.country:
                    return place.country
        return None

    def _remember(self, head: Token, found: Found, role: str | None) -> Found:
        """A named but unknown person with a title becomes a local name for later mentions."""
        if head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
            named = Found(
                found.actor.model_copy(update={"name": self._person_name(head)}),
                person=True,
                title=self._title(head),
            )
            self.local_names[head.lower_] = named
            return named
        return found

    def _person_name(self, head: Token) -> str:
        toks = [c for c in head.lefts if c.dep_ in ("compound", "flat") and c.ent_type_ == "PERSON"]
        return " ".join([t.text for t in toks] + [head.text])

    def _title(self, head: Token) -> str | None:
        for c in head.lefts:
            if self.kb.roles.get(c.lower_) == "GOV":
                return c.lower_
        return None

    def _in_period(self, entries: list[Entry]) -> list[Entry]:
        """Organisation entries of the document's date first ("the Taliban" govern Afghanistan
        from 15 August 2021); with no date, the latest."""
        if self.date is None:
            return sorted(entries, key=lambda e: e.start or dt.date.min, reverse=True)
        return sorted(entries, key=lambda e: not e.valid_on(self.date))

    def _person(self, entries: list[Entry], text: str) -> Found | None:
        persons = [e for e in entries if e.kind == "person"]
        if not persons:
            return None
        if self.date is None:
            valid = sorted(persons, key=lambda e: e.start or dt.date.min, reverse=True)
        else:
            valid = [e for e in persons if e.valid_on(self.date)]
        if valid:
            e = valid[0]
            return Found(self._actor(e, text), person=True, title=e.title)
        # Known, but not in office on this date: a former office holder is an elite, not GOV.
        e = persons[0]
        if e.country:
            actor = Actor(text=text, name=e.name, code=f"{e.country}ELI", country=e.country,
                          role="ELI")
            return Found(actor, person=True)
        return None

    def _modifier_role(self, head: Token, toks: list[Token]) -> str | None:
        return next((self.kb.roles[t.lower_] for t in toks if t.i != head.i
                     and t.pos_ in ("NOUN", "ADJ") and t.lower_ in self.kb.roles), None)

    def _role(self, head: Token, toks: list[Token]) -> str | None:
        roles = self.kb.roles
        if any(t.lower_ in FORMER for t in toks):
            return "ELI"  # "former president", "retired general": elites, not office holders
        lemma = head.lemma_.lower()
        # Two-word roles first ("foreign minister", "armed forces"), then the head, then modifiers.
        prev = self.doc[head.i - 1] if head.i > 0 else None
        if prev is not None and prev in toks:
            two = f"{prev.lower_} {head.lower_}"
            if two in roles:
                return roles[two]
            two = f"{prev.lower_} {lemma}"
            if two in roles:
                return roles[two]
        if head.i not in self.mentions and lemma not in SPOKESPEOPLE:
            for w in (head.lower_, lemma):
                if w in roles and not (lemma == "officer" and self._modifier_role(head, toks)):
                    return roles[w]  # ("an intelligence agency officer" is no policeman)
        if lemma in self.event_nouns:
            return None  # "a missile attack", "tank shelling": an event, whatever modifies it
        for t in reversed(toks):
            if t.i == head.i or t.pos_ not in ("NOUN", "ADJ", "PROPN") or t.i in self.mentions:
                continue  # words inside a name ("West Bank") are not role words
            if self._associated(t.i + 1) and self.doc[t.i + 2].lower_ not in HOLDING:
                continue  # "Kremlin-backed": backed by, not the Kremlin ("rebel-held regions"
                # are the rebels' regions: whatever is done to them is done to the rebels)
            for w in (t.lower_, t.lemma_.lower()):
                if w in roles:
                    return roles[w]
        # A spokesman speaks for whoever modifies him ("army spokesman" is the army).
        if lemma in SPOKESPEOPLE:
            return roles.get(lemma)
        return None

    def _description(self, head: Token, role: str | None) -> list[Found]:
        """'the president', 'his counterpart', 'the country', 'the foreign ministry': the last
        fitting actor named before (institutions take the country of the last main subject)."""
        determined = any(c.dep_ in ("det", "poss") for c in head.children)
        if not determined:
            return []
        lemma = head.lemma_.lower()
        if lemma in INSTITUTION_NOUNS and head.tag_ == "NN" and any(
                c.lower_ == "the" for c in head.children):
            # "the court" after "the International Criminal Court", "the fund" after the IMF
            f = self._last(head.i, lambda f: not f.person and lemma in
                           (f.actor.name or "").lower().split())
            if f:
                return [Found(f.actor, person=False)]
        if head.tag_ in ("NNS", "NNPS"):
            # "the rebels", "the troops": the last group named with that role
            if role and any(c.lower_ == "the" for c in head.children):
                f = self._last(head.i, lambda f: not f.person and f.actor.role == role
                               and f.actor.country is not None)
                return [f] if f else []
            return []
        if lemma in PLACE_NOUNS:
            f = self._last_country(head.i)
            return [Found(self._make(f.actor.country, None, head.text), False)] if f else []
        if lemma in BLOC_WORDS and any(c.lower_ == "the" for c in head.children):
            # "Stoltenberg said the alliance stood firmly with Finland": NATO (the body, not
            # the person who spoke for it: "he" later is still Stoltenberg)
            f = self._last(head.i, lambda f: (f.actor.code or "").startswith("IGO"))
            return [Found(f.actor, person=False)] if f else []
        if lemma in GROUP_WORDS and any(c.lower_ == "the" for c in head.children):
            # "the militant group that has seized parts of Iraq": the group named before
            f = self._last(head.i, lambda f: not f.person and (
                f.actor.role in NON_STATE_ROLES or (f.actor.code or "").startswith("IMG")))
            return [f] if f else []
        if role is None:
            return []
        if lemma in PERSON_TITLES:
            if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in head.children):
                return []  # "the front's leader": the front's, whoever it is, not the last one
            f = self._last(head.i, lambda f: f.person and f.title == lemma)
            f = f or self._last(head.i, lambda f: f.person)
            return [f] if f else []
        if role not in STATE_ROLES or not any(c.lower_ == "the" or c.dep_ == "poss"
                                              for c in head.children):
            return []  # "a ministry" is no one in particular
        country = self._scene(head)
        if country is None:
            f = self._last_country(head.i)
            country = f.actor.country if f else None
        if country is None:
            return []
        return [Found(self._make(country, role, self._span_text([head])), False)]

    def _pair_description(self, head: Token) -> list[Found] | None:
        """'the two ministers', 'both sides', 'the two': the last two countries named (as their
        governments, or with the role the description names). None if not such a phrase."""
        low, lemma = head.lower_, head.lemma_.lower()
        kids = {c.lower_ for c in head.children}
        n = 3 if "three" in kids else 4 if "four" in kids else 2
        if low in ("two", "both") and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            role = "GOV"  # "the two signed an agreement", "both said"
        elif head.tag_ in ("NNS", "NNPS") and lemma in PAIR_NOUNS and (
                kids & {"two", "both", "three", "four"} or (
                    lemma in ("minister", "leader", "president") and "the" in kids)):
            role = self.kb.roles.get(lemma) or "GOV"
        else:
            return None
        if n > 2 and lemma in ("country", "nation", "state"):
            role = None  # "the three European countries": the countries, as CAMEO codes them
        # people for "the two ministers" / "the two", any party for "both countries"
        people_first = lemma in PERSON_TITLES or low in ("two", "both")
        if n == 2 and not kids & {"two", "both"}:
            # "the ministers": the plural named before with that noun ("EU foreign ministers"),
            # else the last two people
            k = bisect_left(self.history_idx, head.i)
            for idx in range(k - 1, max(-1, k - 200), -1):
                f = self.history[idx]
                if not f.person and not f.bare and f.actor.code and \
                        self.doc[self.history_idx[idx]].lower_ == head.lower_:
                    # all the actors of that mention ("the two foreign ministers")
                    return self.cache.get(self.history_idx[idx], [f])
        # "He accused the three European countries": not his own
        skip = {f.actor.country for c in head.head.children if c.dep_ == "nsubj"
                and c.i < head.i for f in self.cache.get(c.i, [])} if n > 2 else set()
        found = self._last_two(head.i, people=True, n=n, skip=skip) if people_first else []
        found = found or self._last_two(head.i, people=False, n=n, skip=skip)
        if not found:
            return []
        text = self._span_text(self.phrase_tokens(head))
        return [Found(self._make(f.actor.country, role, text), False) for f in reversed(found)]

    def _last_two(self, before: int, people: bool, after: int = 0, n: int = 2,
                  skip: set[str | None] | None = None) -> list[Found]:
        """The last two (or `n`) actors of different countries named in [after, before)."""
        found: list[Found] = []
        k = bisect_left(self.history_idx, before)
        for idx in range(k - 1, max(-1, k - 60), -1):
            if self.history_idx[idx] < after:
                break
            f = self.history[idx]
            c = f.actor.country
            at = self.doc[self.history_idx[idx]]
            if at.dep_ == "pobj" and at.head.lower_ in ("in", "at"):
                continue  # "In Brussels, Stoltenberg called on the two allies": a place
            if c and not f.bare and (f.person or not people) and c not in (skip or ()) and \
                    all(c != g.actor.country for g in found):
                found.append(f)
                if len(found) == n:
                    return found
        return []

    def _scene(self, head: Token) -> str | None:
        """'In Minsk, the foreign ministry said ...': the place the sentence is set in."""
        root = head.sent.root
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "in" and c.i < head.i:
                for g in c.children:
                    if g.dep_ == "pobj":
                        for e in self.entries_at(g):
                            if e.country and e.kind in ("country", "metonym"):
                                return e.country
        return None

    def _last_country(self, before: int) -> Found | None:
        """The last actor with a country, preferring subjects of main clauses."""
        f = self._last(before, lambda f: f.actor.country is not None and f.main_subject)
        return f or self._last(before, lambda f: f.actor.country is not None)

    def _sentence_before(self, tok: Token) -> int:
        """Where the sentence before `tok`'s starts (its own start if it is the first)."""
        start = tok.sent.start
        return self.doc[start - 1].sent.start if start > 0 else start

    def _pronoun(self, tok: Token, low: str) -> list[Found]:
        speaker = self._reporter(tok)
        if speaker is not None:
            return speaker
        if low in PERSON_PRONOUNS:
            # The subject of the sentence before is the likeliest referent ("Biden described
            # Putin's move ... He promised"), else the last person named.
            prev = self._sentence_before(tok)
            f = self._last(tok.i, lambda f: f.person and f.main_subject, after=prev)
            f = f or self._last(tok.i, lambda f: f.person)
            return [f] if f else []
        if low in ("they", "them", "their", "theirs"):
            # "Wong met Marsudi ... They signed": the two people of the sentence before
            pair = self._last_two(tok.i, people=True, after=self._sentence_before(tok))
            if pair:
                return pair
        if low in THING_PRONOUNS and tok.dep_ == "nsubj" and tok.head.dep_ == "conj":
            # "The ministry denied ..., and it accused Athens": the first clause's subject
            subj = next((c for c in tok.head.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.i < tok.i and self.cache.get(subj.i):
                return self.cache[subj.i]
        if low in THING_PRONOUNS:
            own = self._clause_subject_codes(tok)
            f = self._last(tok.i, lambda f: not f.person and f.actor.code not in own)
            return [f] if f else []
        return []

    def _clause_subject_codes(self, tok: Token) -> set[str | None]:
        """'Chinese troops attacked their patrol': a possessive in the object is not the
        subject's own (a reflexive would say so)."""
        if tok.dep_ != "poss" or tok.head.dep_ not in ("dobj", "pobj"):
            return set()
        verb = tok.head.head if tok.head.dep_ == "dobj" else tok.head.head.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.i > tok.i:
            return set()
        found = self.cache.get(subj.i) or []
        return {f.actor.code for f in found}

    def _reporter(self, tok: Token) -> list[Found] | None:
        """'Aid workers said they feared ...', 'Russia said it would ...': the subject of the
        reporting verb, whoever (or whatever unknown) it is. None if not such a pronoun."""
        clause = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or \
                clause.head.lemma_.lower() not in SAYING:
            return None
        subj = next((c for c in clause.head.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None or subj.pos_ == "PRON":
            return None
        found = self.cache.get(subj.i)
        if found is None:
            found = self._resolve(subj)
        named = [f for f in found if not f.bare]
        if named:
            return named
        if found and found[0].actor.role in STATE_ROLES:
            return found  # "Police said they had detained 23 people": the police, placed later
        # an unknown speaker ("aid workers") is nobody we know, not the last actor named;
        # a thing ("the report said it ...") leaves the pronoun to the usual rules
        return [] if subj.ent_type_ == "PERSON" or self._role(subj, [subj]) or \
            subj.tag_ in ("NNS", "NNPS") else None

    # Building actors ----------------------------------------------------------------------

    def _span_text(self, toks: list[Token]) -> str:
        words = [t for t in toks if t.dep_ != "det" and t.dep_ != "case"]
        if not words:
            words = toks
        return self.doc[words[0].i : words[-1].i + 1].text

    def _actor(self, e: Entry, text: str) -> Actor:
        return Actor(text=text, name=e.name, code=e.code, country=e.country, role=e.role)

    def _make(self, country: str | None, role: str | None, text: str) -> Actor:
        code = (country or "") + (role or "")
        name = self.kb.country_name(country)
        if role and name:
            name = f"{name} ({role})"
        return Actor(text=text, name=name, code=code or None, country=country, role=role)
