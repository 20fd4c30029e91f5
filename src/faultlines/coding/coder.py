"""Find coded events in a parsed, actor-resolved document.

For every verb and event noun of a sentence whose lemma has patterns in the lexicon, the most
specific matching pattern gives the CAMEO code; the dependency parse gives the source (subject,
passive agent, possessor, governing light verb's subject) and the target (object, or object of a
preposition); coordination on either side multiplies events, one per dyad.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from faultlines.actors.resolve import STATE_ROLES, DocActors
from faultlines.coding.arguments import (
    TARGET_PREPS,
    VERB_TARGET_PREPS,
    ArgumentFinder,
    _code,
    abroad,
    condition,
    country_actor,
    distinct,
    known,
    placed,
    prep_objects,
    state_voice,
)
from faultlines.coding.cameo import lookup
from faultlines.coding.lexicon import Lexicon, Pattern
from faultlines.coding.modality import background, generic, load_cues, modality_cue
from faultlines.coding.story import (
    VIOLENT,
    implied_sides,
    join_halves,
    parties,
    reported_in_full,
)
from faultlines.models import Actor, Document, Event, Plover

DERIVED = Path(__file__).parent / "data" / "derived.yaml"
# The actor's own commitment: "will", "plans to / agreed to / is ready to", a refusal, or
# "would" in what the actor is reported to have said ("Tokyo said the minister would visit").
ANNOUNCING_CUES = {"will", "would", "plan", "refuse"}
# Unnamed actors that belong to the country a story is datelined in: its state, its opposition
# and its armed groups ("police", "opposition supporters", "the rebels"), not "people" or "firms"
# (who may be anywhere the story is about).
HOME_ROLES = STATE_ROLES | {"OPP", "REB", "INS", "UAF", "CRM", "LAB"}
# Institutions that act at home, and the civilians they act on.
DOMESTIC = {"COP", "JUD", "GOV", "SPY", "LEG"}
CIVIL = {"CVL", "OPP", "EDU", "HRI", "MED", "LAB", "REL", "BUS", "AGR", "REF"}
# Roots whose events usually involve two parties who act together ("Putin and Biden met").
RECIPROCAL_ROOTS = {"03", "04", "05", "06", "19"}
# ... and codes of other roots that two parties can only do together ("agreed a truce")
RECIPROCAL_CODES = ("0871",)
# ... but not giving: "Japan, Korea and Australia pledged aid" is three pledges to someone else.
GIVING = ("033", "07")


@dataclass
class Match:
    pattern: Pattern
    trigger: Token
    light_verb: Token | None = None


def best(patterns: list[Pattern]) -> Pattern:
    return max(patterns, key=lambda p: (p.specificity, len(p.code), p.code))


def objects_of(verb: Token, light_verbs: frozenset[str] | set[str] = frozenset()) -> list[Token]:
    """Words that can satisfy a pattern's object constraint: direct object, object of an
    attached particle/preposition, a verb complement, and the object of a light-verb complement
    ("threatened to impose sanctions", but not "sought to deepen a partnership")."""
    out = []
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        out.append(verb.head)  # "a statement released by the ministry": what was released
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass"):
            out.append(c)
            out.extend(c.conjuncts)  # "exchanged artillery and mortar fire"
            # "delivered a planeload of supplies", "sent tons of aid"
            out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj")
        elif c.dep_ in ("prep", "prt", "agent"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            out.append(c)
            if c.dep_ == "xcomp" and c.lemma_.lower() in light_verbs:
                # ("denied that soldiers had used weapons" is no denial of weapons)
                out.extend(g for g in c.children if g.dep_ == "dobj")
    return out


def match_verb(tok: Token, patterns: list[Pattern],
               light_verbs: frozenset[str] | set[str] = frozenset()) -> Pattern | None:
    particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent")}
    # "accused Rwanda of ...": the parser often hangs the particle on the object.
    for c in tok.children:
        if c.dep_ == "dobj":
            particles |= {g.lower_ for g in c.children if g.dep_ == "prep"}
    objs: set[str] | None = None
    ok = []
    for p in patterns:
        if p.particle and p.particle not in particles:
            continue
        if p.objects or p.excluded:
            if objs is None:
                objs = set()
                for o in objects_of(tok, light_verbs):
                    objs.add(o.lemma_.lower())
                    # "urged him to step down" (not "to step back"): verb and particle
                    objs.update(f"{o.lemma_.lower()} {g.lower_}" for g in o.children
                                if g.dep_ == "prt")
            if p.objects and not (p.objects & objs):
                continue
            if p.excluded & objs:
                continue
        ok.append(p)
    return best(ok) if ok else None


def match_noun(tok: Token, patterns: list[Pattern]) -> Pattern | None:
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    ok = [p for p in patterns if p.particle is None or p.particle in mods]
    # "a combined air exercise" is done together: the partnership decides, not the arm
    joint = [p for p in ok if p.particle in ("joint", "combined")]
    return best(joint or ok) if ok else None


class Coder(ArgumentFinder):
    def __init__(self, lexicon: Lexicon, roles: dict[str, str] | None = None) -> None:
        self.lex = lexicon
        self.roles = roles or {}
        self.cues = load_cues()
        self.derived = yaml.safe_load(DERIVED.read_text(encoding="utf-8"))

    # Finding triggers ---------------------------------------------------------------------

    def matches(self, sent: Span) -> list[Match]:
        found: list[Match] = []
        covered: set[int] = set()
        nouns = self.lex.nouns
        verbs = self.lex.verbs
        for tok in sent:
            pos = tok.pos_
            if pos == "VERB" or (pos == "AUX" and tok.dep_ == "ROOT"):
                pats = verbs.get(tok.lemma_.lower())
                if pats:
                    p = match_verb(tok, pats, self.lex.light_verbs)
                    if p and not (not p.objects and self._carries_event_noun(tok)):
                        found.append(Match(p, tok))
                        if p.objects:
                            covered |= {o.i for o in objects_of(tok, self.lex.light_verbs)
                                        if o.lemma_.lower() in p.objects}
            elif pos in ("NOUN", "PROPN"):
                pats = nouns.get(tok.lemma_.lower())
                speaker = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in self.cues.reporting_verbs
                named_group = tok.dep_ == "compound" and (
                    tok.head.lemma_.lower() in self.roles or tok.head.lower_ in self.roles)
                # ("riot police", "protest leaders": people named after an event, not one)
                if pats and not speaker and not named_group and not any(
                        c.ent_type_ == "DATE" for c in tok.children):
                    # ("the 1994 genocide" names a past event, not a new one)
                    p = match_noun(tok, pats)
                    if p:
                        found.append(Match(p, tok, self._light_verb(tok)))
        # "eased sanctions", "suspended talks": the verb pattern codes the event; the noun it
        # names is not a second event.
        return [m for m in found if m.pattern.kind == "verb" or m.trigger.i not in covered]

    def _carries_event_noun(self, verb: Token) -> bool:
        """A light verb whose object is an event noun leaves the coding to the noun."""
        if verb.lemma_.lower() not in self.lex.light_verbs:
            return False
        return any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lex.nouns
            for c in verb.children
        )

    def _light_verb(self, noun: Token) -> Token | None:
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.lex.light_verbs:
            return head
        # "engaged the peacekeepers in a firefight", "took part in talks": taking part in
        # an event makes the verb's subject its source.
        if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB":
            return head.head
        # "provide 25,000 tons of food aid": the quantity's verb carries the noun
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in ("dobj", "nsubjpass"):
            verb = head.head.head
            if verb.lemma_.lower() in self.lex.light_verbs:
                return verb
        return None

    def code(self, doc: Doc, document: Document, actors: DocActors) -> list[Event]:
        events: list[Event] = []
        for sent in doc.sents:
            events.extend(self.code_sentence(sent, document, actors, events))
        return reported_in_full(implied_sides(events))

    def code_sentence(self, sent: Span, document: Document, actors: DocActors,
                      earlier: list[Event] | None = None) -> list[Event]:
        out: dict[tuple[str | None, str | None, str], Event] = {}
        triggers: dict[tuple[str | None, str | None, str], Token] = {}
        speech: list[tuple[Match, list[Event]]] = []
        general: list[tuple[Match, list[Event]]] = []
        announcing: set[int] = set()  # governors of announced events ("pledged to expel")
        year = document.date.year if document.date else None
        month = document.date.month if document.date else None
        for m in self.matches(sent):
            tok = m.trigger
            if generic(m.light_verb or tok, self.cues) or background(m.light_verb or tok, year,
                                                                     month):
                continue  # "crews are regularly detained", "the group that has seized ...":
                # a habit or a description, not news
            headlinese = m.pattern.kind == "verb" and headlinese_passive(tok, m, sent, document)
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and not headlinese and (
                    m.pattern.code[:2] == "05" or not any(
                    c.dep_ == "agent" for c in tok.children)):
                continue  # "officials accused of playing a role", "troops backed by jets":
                # a description, not news
            if headlinese:
                # "Armenian soldier killed on border": the subject is the one killed
                sources = []
                targets = actors.actors(tok.head) if tok.dep_ == "acl" else [
                    a for c in tok.children if c.dep_ == "nsubj" for a in actors.actors(c)]
                named_target, named_source = True, False
            elif m.pattern.kind == "verb":
                sources = (self.subject(tok, actors) or self.fired_from(tok, actors, m)
                           or self.attacked_in(tok, actors, m))
                # "deployed troops": a direct object the pattern requires is the instrument, not
                # the target ("clashed with police": a prepositional one is the target)
                objs = {c.i for c in tok.children if c.dep_ == "dobj"
                        and c.lemma_.lower() in m.pattern.objects}
                particle = m.pattern.particle if m.pattern.particle in VERB_TARGET_PREPS else None
                targets = ((prep_objects([tok], (particle,), actors) if particle else [])
                           or self.referred(tok, earlier or [], sources, strict=True,
                                            actors=actors)
                           or self.verb_targets(tok, actors, objs)
                           or self.referred(tok, earlier or [], sources)
                           or self.claimed_against(tok, actors, m, earlier or [])
                           or self.asked_of(tok, actors, m)
                           or self.answered([*(earlier or []), *out.values()], sources, m))
                named_target = self.has_object(tok, skip=objs)
                named_source = self.has_subject(tok)
            else:
                sources = (self.noun_sources(tok, m.light_verb, actors, m.pattern.particle)
                           or self.promised_by(tok, actors, m))
                targets = self.noun_targets(tok, m.light_verb, actors)
                if not sources and len(targets) >= 2 and any(
                        c.dep_ == "prep" and c.lower_ == "between" for c in tok.children):
                    sources, targets = targets[:1], targets[1:]  # "talks between X and Y"
                named_target = self.has_object(tok, TARGET_PREPS)
                named_source = m.light_verb is not None and self.has_subject(m.light_verb)
            # One side may be missing only where the text names none: an object or subject
            # that is there but unknown ("an Islamic State target") is not an absent one.
            sources, targets = self.place_unknown(m, sources, targets, actors)
            if len(sources) >= 2 and among(targets, sources):
                targets = []  # "X and Y agreed to extend their ceasefire": with each other
            code = m.pattern.code
            if code.startswith(GIVING) and actors.home:
                # "UN agencies would send emergency aid to displaced families" (in Nigeria)
                targets = [placed(a, actors.home, CIVIL) for a in targets]
            if not targets and code.startswith(GIVING) and actors.home and sources and all(
                    (a.country and a.country != actors.home) or (a.code or "").startswith("IGO")
                    for a in sources):
                # "Japan pledged emergency assistance" in a story datelined Dhaka; "the WFP
                # began distributing rice" there too
                targets = [country_actor(actors.home)]
            if code.startswith("042") and m.pattern.kind == "verb" and (
                    not any(known(a) for a in sources) or any(
                        c.dep_ == "auxpass" for c in tok.children)):
                continue  # "the servicemen had been flown to Belarus": moved, not visiting
            if code[:2] in ("15", "18", "19", "20") and not targets and any(
                    known(a) for a in sources):
                # "a house in Khost was struck by a Pakistani drone": an attack on a place is
                # an attack on its country; so are drills near another country's border
                where = actors.place_country(m.light_verb or tok, deep=True)
                # (not for two sides fighting each other: "Congolese troops and M23 rebels
                # exchanged fire in North Kivu")
                if where and not named_target and (code[:2] != "15" or all(
                        a.country != where for a in sources)) and sum(
                        known(a) for a in sources) < 2:
                    targets = [country_actor(where)]
            if code.startswith(("045", "043")) and tok.dep_ in ("acl", "advcl") and (
                    not targets or (tok.dep_ == "acl" and among(targets, sources))):
                # ("a ceremony hosted by Rubio": the ceremony is no guest)
                # "an exchange mediated by the UAE": between those who made the exchange;
                # "..., with Lavrov acting as mediator": between the subjects of the clause
                gov = tok.head if tok.dep_ == "advcl" else \
                    tok.head.head.head if tok.head.dep_ == "pobj" else None
                if gov is not None and gov.pos_ == "VERB":
                    targets = self.subject(gov, actors)
                elif tok.dep_ == "acl" and code.startswith("045"):
                    # "The truce, brokered by the UN envoy": between the parties to the truce
                    targets = parties(tok.head, earlier or [], self.derived.get("refers", {}))
            if code.startswith("042") and not targets and sources:
                where = actors.place_country(m.light_verb or tok, deep=True)
                if where and any(a.country == where for a in sources):
                    continue  # "visited a relief camp in Sunamganj": a visit at home
                if where:
                    targets = [country_actor(where)]
            if m.pattern.code[:2] == "14" and sources and not targets:
                # Protests abroad are aimed at the host country ("US activists staged a protest
                # in Beijing"), as CAMEO codes them.
                where = actors.place_country(m.light_verb or tok)
                if where and all(a.country and a.country != where for a in sources):
                    targets = [country_actor(where)]
            mutual = len([a for a in sources if known(a)]) >= 2 and bool(targets) and \
                not any(known(a) for a in targets) and code[:2] in ("03", "04", "05", "06", "07",
                                                                    "08")
            if mutual:
                # "Russia and Ukraine each freed 100 prisoners": to each other
                targets = []
                first = sources[0]
                pairs = [(first, o) for o in sources[1:] if o.code != first.code]
            else:
                pairs = dyads(sources, targets, m.pattern.code)
            if code.startswith("141") and sources and all(state_voice(a) for a in sources):
                code = "114"  # "France protested": a government complains, it does not march
            pairs = [(s, t) for s, t in pairs if known(s) or known(t)]  # not roles alone
            if code[:3] in ("042", "043") and not any(known(t) for t in targets):
                continue  # "touring the northern front": a visit is to someone
            if m.pattern.code[:3] in ("040", "041", "043", "044", "046"):
                # a meeting takes two known parties ("went there to meet people" is no one's,
                # "foreign ministers met" not enough); a visit or a mediation may name one
                pairs = [(s, t) for s, t in pairs if known(s) and known(t)]
            if code[:2] == "13" and not targets:
                cond = condition(tok)
                if cond is not None:  # "threatened to stop talks if the United States ..."
                    pairs = dyads(sources, self.subject(cond, actors), code)
                elif tok.lemma_.lower() == "warn":
                    continue  # "officials warned that water levels could rise": no threat
            one_sided = all(s is None or t is None for s, t in pairs)
            if one_sided and ((sources and named_target) or (targets and named_source)):
                continue

            if m.pattern.kind == "noun" and not any(s.country or s.code != s.role for s in sources):
                continue  # "the invasion of Ukraine" with no one known doing it: a reference
            mod, cue = self.modality_of(m)
            evs = [self.event(document, sent, m, s, t, mod, code, "" if code == m.pattern.code
                              else "by a government: ") for s, t in pairs]
            if cue == "must":
                evs += self.demanded(document, sent, m, sources, actors)
            together = not targets and len(sources) >= 2 and (mutual or reciprocal(code))
            evs += [self.event(document, sent, m, t, s, mod, rev, "reverse: ")
                    for s, t in pairs if s is not None and t is not None
                    for rev in [self.reverse(m.pattern.code, together)] if rev]
            derived = self.announced(m, cue) if mod != "asserted" else None
            if derived and not self.expressed(m, cue, sources, actors):
                derived = None
            if derived and any(s is not None for s, _ in pairs):
                head = m.light_verb or tok
                # "pledged to expel", "promised that sanctions would follow"
                while head.dep_ in ("xcomp", "ccomp", "nsubj", "nsubjpass") and head.head.i != head.i:
                    head = head.head
                    announcing.add(head.i)
                dcode, kind = derived
                prefix = f"{kind} announced ({cue}): "
                cond = condition(m.light_verb or tok)
                d_pairs = pairs
                if kind == "threat" and not targets and cond is not None:
                    # "Britain would impose sanctions if Minsk continued": a threat to Minsk
                    d_pairs = dyads(sources, self.subject(cond, actors), m.pattern.code)
                evs += [self.event(document, sent, m, s, t, "asserted", dcode, prefix)
                        for s, t in d_pairs if s is not None]
                if together:  # "Brazil and the US seek to deepen ties": both express it
                    evs += [self.event(document, sent, m, t, s, "asserted", dcode, prefix)
                            for s, t in pairs if s is not None and t is not None]
            if m.pattern.code in ("010", "01"):
                speech.append((m, evs))
                continue
            if len(m.pattern.code) == 3 and m.pattern.code.endswith("0"):
                general.append((m, evs))  # "pledged" (030): kept unless it announces something
                continue
            for e in evs:
                key = (_code(e.source), _code(e.target), e.cameo)
                if key not in out:
                    out[key], triggers[key] = e, tok
        # A root's general code ("pledged", 030) gives way to the specific event it announces
        # ("pledged to expel" -> threat to expel).
        for m, evs in general:
            if m.trigger.i in announcing:
                continue
            for e in evs:
                key = (_code(e.source), _code(e.target), e.cameo)
                if key not in out:
                    out[key], triggers[key] = e, m.trigger
        join_halves(out, triggers)
        # A bare statement counts only where nothing more specific came from the sentence,
        # and only when it is addressed to someone.
        if not out:
            for _m, evs in speech:
                for e in evs:
                    if e.source is None or e.target is None:
                        continue
                    out.setdefault((_code(e.source), _code(e.target), e.cameo), e)
        # "X imposed sanctions ... on Y": a one-sided event the sentence also gives in full
        # (same code) is the same event
        full = {(k[0], e.cameo) for k, e in out.items() if k[0] and k[1]}
        full_t = {(k[1], e.cameo) for k, e in out.items() if k[0] and k[1]}
        return [e for k, e in out.items()
                if not (k[1] is None and (k[0], e.cameo) in full)
                and not (k[0] is None and (k[1], e.cameo) in full_t)]

    def place_unknown(self, m: Match, sources: list[Actor], targets: list[Actor],
                      actors: DocActors) -> tuple[list[Actor], list[Actor]]:
        """Give actors named only by a role ("troops", "police", "the rebels") the country the
        text implies: a coordinated actor's, the reporting state's, the place's, the
        dateline's, or that of the state acting on them."""
        tok = m.trigger
        sources, targets = list(sources), list(targets)
        for side in (sources, targets):
            # "Sudan's government and the rebels": coordinated actors share a country
            homes = {a.country for a in side if a.country}
            if len(homes) == 1 and any(not known(a) for a in side):
                side[:] = [placed(a, next(iter(homes))) for a in side]
        if any(not known(a) for a in sources + targets):
            # "Russia's defence ministry said troops attacked ... in Kharkiv": Russian troops
            speaker = self.speaker_country(m.light_verb or tok, actors)
            if speaker:
                sources = [placed(a, speaker, HOME_ROLES) for a in sources]
            # "protesters blocked streets in Algiers": people acting in a country are of it
            where = actors.place_country(m.light_verb or tok, deep=True)
            if where:
                sources = [placed(a, where) for a in sources]
                targets = [placed(a, where) for a in targets]
            elif actors.home:
                # "Police fired tear gas" in a story datelined Tunis: Tunisian police (not
                # "regional leaders" or "foreign ministers")
                sources = [a if abroad(a) else placed(a, actors.home, HOME_ROLES)
                           for a in sources]
                # (whoever is attacked there is of the place: "RSF shells struck the hospital")
                hit = None if m.pattern.code[:2] in VIOLENT else HOME_ROLES
                targets = [a if abroad(a) else placed(a, actors.home, hit) for a in targets]
        # "police detained 30 people", "protesters assaulted police officers": a state's
        # police, courts and government act on (and are met by) their own people
        # (not a government's violence: "Moscow bombed civilians" may be anywhere)
        domestic = DOMESTIC - {"GOV"} if m.pattern.code[:2] in ("18", "19", "20") else DOMESTIC
        for side, other in ((sources, targets), (targets, sources)):
            homes = {a.country for a in other if a.country and a.role in domestic}
            if len(homes) == 1:
                side[:] = [placed(a, next(iter(homes)), CIVIL) for a in side]
        return sources, targets

    def modality_of(self, m: Match) -> tuple[str, str | None]:
        """A noun's modality is its light verb's ("would impose sanctions"), else its own."""
        if m.light_verb is not None:
            found = modality_cue(m.light_verb, self.cues)
            if found[0] != "asserted":
                return found
            # "mounted its long-threatened invasion": the verb says it happened; only "no
            # sanctions" can still deny it
            if any(c.dep_ == "det" and c.lower_ == "no" for c in m.trigger.children):
                return "negated", "negation"
            return found
        return modality_cue(m.trigger, self.cues)

    def expressed(self, m: Match, cue: str | None, sources: list[Actor],
                  actors: DocActors) -> bool:
        """Is the announcement the actor's own? "will visit", "plans to visit" and refusals are;
        "would" (often speculation: "Russia would win") counts only as a condition ("would
        impose sanctions should it invade") or inside what the actor is reported to have said."""
        if cue != "would":
            return True
        v = m.light_verb or m.trigger
        if condition(v) is not None:
            return True  # "X would impose sanctions should Y invade": a conditional threat
        verb = self.reporting_verb(v)
        if verb is None:
            return False
        own = {a.country or a.code for a in sources}
        return any((a.country or a.code) in own for a in self.subject(verb, actors))

    def demanded(self, document: Document, sent: Span, m: Match, sources: list[Actor],
                 actors: DocActors) -> list[Event]:
        """'The minister said Rwandan troops must leave': the speaker demands it of them."""
        verb = self.reporting_verb(m.light_verb or m.trigger)
        code = longest_prefix(self.derived.get("demand", {}), m.pattern.code)
        if verb is None or code is None:
            return []
        return [self.event(document, sent, m, s, t, "asserted", code, "demand reported: ")
                for s in self.subject(verb, actors) for t in sources if distinct(s, t)
                and (known(s) or known(t))]

    def reverse(self, code: str, together: bool) -> str | None:
        """The code of the same event seen from the other side, if it runs both ways."""
        table = self.derived.get("reverse", {})
        if code in table:
            return str(table[code])
        return code if together else None

    def announced(self, m: Match, cue: str | None) -> tuple[str, str] | None:
        """(code, kind) of the intent or threat that announcing this event asserts."""
        if cue not in ANNOUNCING_CUES:
            return None
        code = m.pattern.code
        kinds = ("reject",) if cue == "refuse" else ("intent", "threat")
        for kind in kinds:
            found = longest_prefix(self.derived.get(kind, {}), code)
            if found:
                return found, kind
        return None

    def event(self, document: Document, sent: Span, m: Match, source: Actor | None,
              target: Actor | None, mod: str = "asserted", code: str | None = None,
              rule_prefix: str = "") -> Event:
        info = lookup(code or m.pattern.code)
        tok = m.trigger
        rule = m.pattern.describe()
        if m.light_verb is not None:
            rule += f' (light verb "{m.light_verb.lemma_}")'
        rule = rule_prefix + rule
        start = sent.start_char
        text = sent.text.rstrip()
        key = f"{document.doc_id}|{start}|{tok.i}|{_code(source)}|{_code(target)}|{info.code}|{mod}"
        return Event(
            event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
            doc_id=document.doc_id,
            url=document.url,
            source=source,
            target=target,
            cameo=info.code,
            root=info.root,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            plover=Plover(type=info.plover_type, mode=info.plover_mode),
            modality=mod,  # type: ignore[arg-type]
            date=document.date,
            sentence=text,
            span=(start, start + len(text)),
            trigger=tok.text,
            confidence=round(confidence(m, source, target) - (0.1 if rule_prefix else 0), 2),
            rule=rule,
        )


def headlinese_passive(verb: Token, m: Match, sent: Span, document: Document) -> bool:
    """Headlines drop the auxiliary of a passive: "Soldier killed on border", "Dozens detained
    after march". A past participle of force or coercion with no auxiliary and no object, in
    the title, is a passive whose subject is the one it was done to."""
    if sent.start_char > 0 or m.pattern.code[:2] not in ("17", "18", "19", "20") or \
            verb.tag_ not in ("VBD", "VBN"):
        return False
    title = (document.title or "").strip()
    # (a bounded slice: this runs for every trigger of the first sentence)
    if not title or not document.text[:len(title) + 64].lstrip().startswith(title):
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj", "agent") for c in verb.children):
        return False
    if verb.dep_ == "acl":  # "Soldier killed on border as ministers meet", not "release of
        return verb.head.dep_ in ("ROOT", "nsubj")  # citizen detained in Iran"
    return any(c.dep_ == "nsubj" for c in verb.children)  # its own subject ("..., dozens
    # detained"), not a conjunct's


def reciprocal(code: str) -> bool:
    """Done by two parties together when no one else is named ("Putin and Biden met")."""
    return code[:2] in RECIPROCAL_ROOTS or code.startswith(RECIPROCAL_CODES)


def among(targets: list[Actor], sources: list[Actor]) -> bool:
    """Are the targets some of the sources themselves ("X and Y ... their ceasefire", "a
    ceremony hosted by Rubio" resolved to Rubio's side)?"""
    return bool(targets) and {_code(a) for a in targets} <= {_code(a) for a in sources}


def longest_prefix(table: dict, code: str) -> str | None:
    """The value of the longest key of `table` that begins `code` (keys are codes or roots)."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return str(table[code[:n]])
    return None


def dyads(sources: list[Actor], targets: list[Actor],
          code: str) -> list[tuple[Actor | None, Actor | None]]:
    """Every source with every target; two sources acting together with no target are a dyad;
    an event with one side only keeps the other side null, as the text names none."""
    if sources and targets:
        return [(s, t) for s in sources for t in targets if distinct(s, t)]
    if len(sources) >= 2 and reciprocal(code) and not code.startswith(GIVING):
        first = sources[0]
        return [(first, other) for other in sources[1:] if other.code != first.code]
    if sources:
        return [(s, None) for s in sources]
    return [(None, t) for t in targets]


SUBORDINATE = {"advcl", "xcomp", "ccomp", "relcl", "acl", "pcomp"}


def clause_depth(tok: Token) -> int:
    """How many clauses down from the sentence's main verb a word sits ("staged protests to
    demand reforms": the demand is one clause down from the protest)."""
    depth, t = 0, tok
    while t.head.i != t.i and depth < 5:
        if t.dep_ in SUBORDINATE:
            depth += 1
        t = t.head
    return depth


def confidence(m: Match, source: Actor | None, target: Actor | None) -> float:
    """A heuristic score: constrained patterns and named actors raise it; a missing side, actors
    known only by country (no role) or reached through pronouns, and a place in a subordinate
    clause lower it (docs/coding.md)."""
    score = 0.55 + 0.1 * min(m.pattern.specificity, 3) / 1.5
    score -= 0.05 * min(clause_depth(m.light_verb or m.trigger), 2)
    for a in (source, target):
        if a is None:
            score -= 0.2
            continue
        if a.role is None:
            score -= 0.05
        if a.text and a.text.lower() in ("he", "she", "it", "they", "his", "her", "its", "their"):
            score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)
