"""Finding an event's actors in the parse: who did it (subject, passive agent, the attacker named
in an attack, the state whose statement reports it) and to whom (object, prepositional object,
what an earlier event implies). `ArgumentFinder` is mixed into the `Coder`; the functions below it
are small tests and builders of actors shared with the coder.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from faultlines.actors.resolve import STATE_ROLES, DocActors
from faultlines.models import Actor, Event

if TYPE_CHECKING:
    from faultlines.coding.coder import Match
    from faultlines.coding.modality import Cues

TARGET_PREPS = ("against", "on", "with", "to", "at", "into", "toward", "towards", "over",
                "upon", "for", "from", "of", "between")
# "of" and "in" only name targets of nouns ("invasion of Ukraine") and a few verbs.
VERB_TARGET_PREPS = ("against", "on", "with", "to", "at", "into", "toward", "towards", "over",
                     "upon", "for", "from", "between")
SUBJECT_DEPS = ("nsubj", "csubj")
FINITE = ("VBD", "VBZ", "VBP")
# Verbs whose speaker is the agent of the sanctions, aid or talks they announce ("He promised that
# more sanctions would follow"); not of attacks ("warned that an invasion would be a disaster").
PROMISERS = {"promise", "pledge", "vow", "threaten", "warn", "announce", "say"}
PROMISED_ROOTS = {"03", "04", "05", "06", "07", "08", "16"}
# "ordered the newspaper to close": the closure is the orderer's doing, not the newspaper's
# ("urged Iran to release" is Iran's release).
COERCING = {"order", "force", "compel", "oblige", "require", "instruct", "command", "direct",
            "make", "sentence", "summon"}
FOREIGN_WORDS = {"regional", "foreign", "international", "western", "world", "african", "arab",
                 "european", "asian", "gulf", "neighbouring", "neighboring", "visiting"}
# "with Lavrov acting as mediator": a go-between, not a party
GO_BETWEENS = {"mediator", "intermediary", "broker", "go-between", "facilitator", "host"}


def go_between(tok: Token) -> bool:
    """Is this word the subject of a following "acting/serving as mediator"?"""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lemma_.lower() not in ("act", "serve") or nxt.tag_ != "VBG":
        return False
    return any(g.lower_ in GO_BETWEENS for c in nxt.children if c.lower_ == "as"
               for g in c.children)


# "Indian soldiers returned fire", "the army retaliated": aimed at whoever attacked them
RETURNING = {"return", "retaliate", "respond"}

QUANTITIES = {"hundred", "thousand", "dozen", "million", "number", "range", "series", "batch",
              "host", "list", "score", "handful", "couple", "member", "members"}
# Gatherings named after "at" are where something happens, not its target ("backed the plan
# at the UN climate conference").
VENUES = {"conference", "summit", "meeting", "talk", "session", "forum", "assembly", "gathering",
          "ceremony", "game", "olympics", "rally", "congress", "convention", "event", "dinner"}


class ArgumentFinder:
    """Sources and targets of a matched trigger. Needs `roles` (role words), `cues` (modality
    cue words) and `derived` (derived.yaml) from the class it is mixed into."""

    roles: dict[str, str]
    cues: Cues
    derived: dict

    def subject(self, verb: Token, actors: DocActors) -> list[Actor]:
        if verb.tag_ == "VBG" and verb.i > 0 and go_between(verb.doc[verb.i - 1]) and \
                not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return actors.actors(verb.doc[verb.i - 1])  # "with Lavrov acting as mediator"
        seen = 0
        v = verb
        raised = False
        while v is not None and seen < 4:
            for c in v.children:
                # a passive subject above an infinitive acts too: "Wong is expected to travel"
                deps = SUBJECT_DEPS + ("nsubjpass",) if raised else SUBJECT_DEPS
                if c.dep_ in deps and c.tag_ not in ("WDT", "WP"):
                    return actors.actors(c) or self._owner(c, actors)
                if c.dep_ == "agent":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return self._firer(g, actors) or actors.actors(g) or \
                                armed(g, actors)
            if v.dep_ == "relcl" and any(
                c.dep_ in SUBJECT_DEPS and c.tag_ in ("WDT", "WP") for c in v.children
            ):
                return actors.actors(v.head)
            if v.dep_ == "pcomp" and v.head.dep_ == "prep":
                # "accused Rwanda of sending troops": the object does what is alleged
                gov = v.head.head
                objs = [c for c in gov.children if c.dep_ == "dobj"]
                if objs and gov.pos_ == "VERB":
                    return actors.actors(objs[0])
            if v.dep_ == "xcomp" and v.head.pos_ == "VERB" and \
                    v.head.lemma_.lower() not in COERCING:
                # "commits Canberra to fund", "urged Iran to release": the object acts
                objs = [c for c in v.head.children if c.dep_ == "dobj"]
                got = actors.actors(objs[0]) if objs else []
                if any(known(a) for a in got):
                    return got
            if v.dep_ == "conj" and v.tag_ in FINITE and v.head.tag_ == "VB":
                # "asked the US to help Guyana and accused Maduro": the parser joins "accused"
                # to "help", but a finite verb goes with the finite one above
                w = v.head
                while w.tag_ not in FINITE and w.head.i != w.i and w.dep_ in ("xcomp", "conj",
                                                                               "ccomp"):
                    w = w.head
                if w.tag_ in FINITE:
                    v, raised = w, False
                    seen += 1
                    continue
            if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl") and v.head.i != v.i:
                raised = v.dep_ == "xcomp"
                v = v.head if v.head.pos_ in ("VERB", "AUX") else v.head.head
                seen += 1
                continue
            break
        return []

    def _firer(self, weapon: Token, actors: DocActors) -> list[Actor]:
        """'blown up by a missile believed to be fired by rebels': whoever used the weapon."""
        for t in weapon.subtree:
            if t.dep_ == "agent" and t.i > weapon.i:
                for g in t.children:
                    if g.dep_ == "pobj":
                        return actors.actors(g)
        return []

    def verb_targets(self, verb: Token, actors: DocActors,
                     skip: set[int] | None = None) -> list[Actor]:
        bare: list[Actor] = []
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
            got = actors.actors(verb.head)  # "the journalist detained by police"
            if any(known(a) for a in got):
                return got
        for c in verb.children:
            if c.dep_ == "dobj" and c.tag_ == "WP" and verb.dep_ == "relcl":
                got = actors.actors(verb.head)  # "Santivanez, whom lawmakers blamed"
                if any(known(a) for a in got):
                    return got
            if c.dep_ in ("dobj", "nsubjpass", "dative"):
                got = actors.actors(c) or self._owner(c, actors)
                if c.i in (skip or ()) and not any(known(a) for a in got):
                    continue  # "deployed troops": the instrument ("expelled a Canadian
                    # diplomat": a named object is still the target)
                if got and any(known(a) for a in got):
                    return got
                bare = bare or got  # "offered military support to Lebanon": look further
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        holders = [verb, *objs]  # "support to Lebanon"
        if verb.dep_ == "acl":
            holders.append(verb.head)  # "talks between X and Y mediated by Angola"
        # "a team of experts to Sudan", "a planeload of supplies to Turkey"
        holders += [g for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
        # "spoke by telephone with Lula", "acted as mediator between Somalia and Ethiopia": a
        # preposition hanging on another one's object
        holders += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in
                    ("by", "via", "through", "as", "with") for g in c.children
                    if g.dep_ == "pobj"]  # "opened fire with small arms on Indian posts"
        got = prep_objects(holders, VERB_TARGET_PREPS, actors)
        if got:
            return got
        # "refused to release the journalist": the complement's object, if someone known
        # ("agreed to withdraw troops": the troops are no target)
        for c in verb.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB":
                return [a for a in self.verb_targets(c, actors) if known(a)] or bare
        return bare

    def _owner(self, tok: Token, actors: DocActors) -> list[Actor]:
        """'positions of the Palestinian security forces', 'offices of the opposition': an
        unresolved object stands for whom it belongs to."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "by"):  # "allegations by Rwanda"
                for g in c.children:
                    if g.dep_ == "pobj":
                        return actors.actors(g)
            if c.dep_ == "poss" and c.pos_ == "PRON" and tok.dep_ == "dobj":
                return actors.actors(c)  # "attacked their patrol"
            if c.dep_ == "amod" and c.lemma_.lower() in ("own", "flag", "operate", "register"):
                # "a Greek-owned ship", "a Liberian-flagged tanker": the owner's country
                for g in c.children:
                    for e in actors.entries_at(g):
                        if e.kind in ("country", "adjective") and e.country:
                            return [country_actor(e.country)]
        return []

    def fired_from(self, verb: Token, actors: DocActors, m: Match) -> list[Actor]:
        """'Rockets were fired at Israel from Gaza': an unattributed attack in the passive comes
        from the country of the place it was launched from."""
        if not passive_attack(verb, m):
            return []
        for g in pobjs(verb, "from"):
            found = actors.actors(g)
            if found:
                return [a.model_copy(update={"code": a.country, "role": None})
                        if a.country else a for a in found]
        return []

    def attacked_in(self, verb: Token, actors: DocActors, m: Match) -> list[Actor]:
        """'Four children were killed in Israeli tank shelling': in the passive, an attack
        named after "in" with a known actor is the attacker ("in Gaza" is only where)."""
        if not passive_attack(verb, m):
            return []
        for g in pobjs(verb, "in"):
            if not actors.is_place(g) and g.ent_type_ not in ("GPE", "LOC", "FAC"):
                # "in an Israeli airstrike"; "in a military airstrike": the military
                return actors.actors(g) or [
                    a for c in g.children if c.dep_ in ("amod", "compound", "poss")
                    for a in actors.actors(c, coded_only=False) if a.role]
        return []

    def asked_of(self, verb: Token, actors: DocActors, m: Match) -> list[Actor]:
        """'demanded that Wickremesinghe dissolve parliament': a demand or appeal is aimed at
        whoever is to act."""
        if m.pattern.code[:2] not in ("10", "02"):
            return []
        for c in verb.children:
            if c.dep_ == "ccomp":
                for g in c.children:
                    if g.dep_ in ("nsubj", "nsubjpass"):
                        return [a for a in actors.actors(g) if known(a)]
        return []

    def claimed_against(self, verb: Token, actors: DocActors, m: Match,
                        earlier: Sequence[Event] = ()) -> list[Actor]:
        """'claimed responsibility for an attack on a mall in Kenya's capital': a claim is
        aimed where the attack was: its target, else the country it happened in."""
        if not m.pattern.code.startswith("015"):
            return []
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for p in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "for"):
                for attack in (g for g in p.children if g.dep_ == "pobj"):
                    got = prep_objects([attack], TARGET_PREPS, actors)
                    if got:
                        return got
                    where = actors.place_country(attack, deep=True)
                    if where:
                        return [country_actor(where)]
                    if any(d.lower_ == "the" for d in attack.children):
                        # "claimed responsibility for the raid": the raid told before
                        for e in reversed(earlier):
                            if e.root in ("18", "19", "20") and e.target is not None and \
                                    e.modality == "asserted":
                                return [e.target]
        return []

    def promised_by(self, noun: Token, actors: DocActors, m: Match) -> list[Actor]:
        """'He promised that more sanctions would follow': sanctions, aid or talks that an
        actor promises or threatens, with no one else named, are that actor's."""
        if m.pattern.code[:2] not in PROMISED_ROOTS or noun.dep_ not in ("nsubj", "nsubjpass"):
            return []
        clause = noun.head
        promised = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall")
                       for c in clause.children)
        if promised and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in PROMISERS:
            return self.subject(clause.head, actors)
        return []

    def has_object(self, tok: Token, preps: tuple[str, ...] = VERB_TARGET_PREPS,
                   skip: set[int] | None = None) -> bool:
        """Does the text name an actor in the target position that could not be resolved?
        ("an Islamic State target", "the soldiers"); things ("roads", "a curfew") are not."""
        for c in tok.children:
            if skip and c.i in skip:
                continue
            if c.dep_ in ("dobj", "dative"):
                if self.actor_like(c):
                    return True
            if c.dep_ == "prep" and c.lower_ in preps:
                if any(g.dep_ == "pobj" and self.actor_like(g) for g in c.children):
                    return True
        return False

    def has_subject(self, verb: Token) -> bool:
        for c in verb.children:
            if c.dep_ == "nsubj" and self.actor_like(c):
                return True
            if c.dep_ == "agent" and any(self.actor_like(g) for g in c.children):
                return True
        return False

    def actor_like(self, tok: Token) -> bool:
        """A named entity of a kind that acts, or a noun phrase with a role word."""
        if tok.ent_type_ in ("DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL"):
            return False
        if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        words = [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod")]
        return any(w.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for w in words[1:]) or any(
            w.lower_ in self.roles or w.lemma_.lower() in self.roles for w in words[:1])

    def noun_sources(self, noun: Token, light: Token | None, actors: DocActors,
                     modifier: str | None = None) -> list[Actor]:
        for c in noun.children:
            if c.lower_ == modifier or c.lower_ in self.roles:
                continue  # "military exercises": part of the event's name, not its actor
            if c.dep_ == "compound" and any(e.kind == "metonym" for e in actors.entries_at(c)):
                continue  # "the Paris summit": where, not who
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
                if c.pos_ == "PRON" and noun.dep_ in ("dobj", "nsubjpass"):
                    # "X announced their sanctions", "X and Y concluded their summit": X (and Y),
                    # not whatever "their" last named.
                    got = self.subject(noun.head, actors)
                    if got:
                        return got
                got = actors.actors(c)
                if got:
                    return got
        if light is not None:
            return self.subject(light, actors)
        return []

    def noun_targets(self, noun: Token, light: Token | None, actors: DocActors) -> list[Actor]:
        holders = [noun] + ([light] if light is not None else [])
        if light is not None:
            for c in light.children:
                # "civilians were killed in shelling": the light verb's object or patient
                if c.dep_ in ("dobj", "nsubjpass") and c.i != noun.i:
                    got = actors.actors(c)
                    if got:
                        return got
        return prep_objects(holders, TARGET_PREPS, actors)

    # Events -------------------------------------------------------------------------------

    def referred(self, verb: Token, earlier: list[Event], by: list[Actor],
                 strict: bool = False, actors: DocActors | None = None) -> list[Actor]:
        """'denied the accusation': the sources of the last earlier event it refers to (not one
        by the same actor: "Minsk denounced the measures" means someone else's measures).
        `strict`: only a violent act named with the very word of an earlier one ("condemned
        the killing of two civilians" is aimed at the killers, not the civilians)."""
        refers = self.derived.get("refers", {})

        def actors_of(tok: Token) -> list[Actor]:
            return [a for a in (actors.actors(tok) if actors else []) if a.country]
        for c in verb.children:
            roots = refers.get(c.lemma_.lower()) if c.dep_ in ("dobj", "nsubjpass") else None
            if strict and roots and not set(roots) <= {"18", "19", "20"}:
                continue
            if not roots or not any(d.lower_ in ("the", "this", "these", "those", "such", "both")
                                    for d in c.children):
                continue
            fits = [e for e in earlier if e.root in roots and e.source is not None
                    and e.modality == "asserted" and all(distinct(e.source, a) for a in by)]
            # "condemned the attack": the event told with that word ("attacked") before any
            # other of its kind (the army's counter-operation)
            word = c.lemma_.lower()[:5]
            named = [e for e in fits if e.trigger.lower().startswith(word)]
            if strict:
                # "the killing of the two civilians": an attack on those named, by whoever
                victims = {a.country for g in pobjs(c, "of") for a in actors_of(g)}
                named = [e for e in (named or fits) if e.target is not None
                         and (not victims or e.target.country in victims)]
                if not named:
                    continue
            for e in reversed(named or fits):
                same = [x.source for x in earlier if x.sentence == e.sentence
                        and x.root == e.root and x.source is not None]
                return list({a.code: a for a in same}.values())
        return []

    def answered(self, earlier: list[Event], by: list[Actor], m: Match) -> list[Actor]:
        """'Zakharova denied that the diplomats had any link to sabotage': a denial with no one
        named answers the last accusation against the denier's country; 'Moscow vows response'
        the last hostile act against it."""
        code = m.pattern.code
        returned = code[:2] in ("18", "19", "20") and m.trigger.lemma_.lower() in RETURNING
        if not (code.startswith("016") or code[:2] == "13" or returned) or not by:
            return []
        # a denial answers an accusation; a vow of response, any hostile act; returned fire,
        # the attack it returns
        roots = {"11"} if code.startswith("016") else {"18", "19", "20"} if returned else {
            str(r) for r in range(11, 21)}
        own = {a.country for a in by if a.country}
        for e in reversed(earlier):
            if e.root in roots and e.modality == "asserted" and e.source is not None and \
                    e.target is not None and e.target.country in own and \
                    all(distinct(e.source, a) for a in by):
                return [e.source]
        return []

    def reporting_verb(self, tok: Token) -> Token | None:
        """The verb of saying whose complement the clause of `tok` is ("Russia's defence
        ministry said that ...", "Tokyo said Japan would send aid"), if any."""
        v = tok
        for _ in range(4):
            if v.dep_ not in ("ccomp", "parataxis", "conj", "xcomp", "advcl") or v.head.i == v.i:
                return None
            v = v.head
            if v.lemma_.lower() in self.cues.reporting_verbs:
                return v
        return None

    def speaker_country(self, tok: Token, actors: DocActors) -> str | None:
        """The country of a state that reports the clause `tok` is in."""
        verb = self.reporting_verb(tok)
        for a in self.subject(verb, actors) if verb is not None else []:
            if a.country and (a.role is None or a.role in STATE_ROLES):
                return a.country
        return None


def condition(verb: Token) -> Token | None:
    """The verb of the condition put on `verb`: "... if Minsk continued", "... should it
    invade" (which the parser sometimes makes the main clause, with `verb` under it)."""
    def inverted(v: Token) -> bool:  # "should it invade"
        subj = [c.i for c in v.children if c.dep_ == "nsubj"]
        return any(c.lower_ == "should" and c.dep_ == "aux" and subj and c.i < subj[0]
                   for c in v.children)
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("nsubj", "nsubjpass"):
        verb = verb.head  # "sanctions would follow if ..."
    for c in verb.children:
        if c.dep_ == "advcl" and (inverted(c) or any(
                g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)):
            return c
    if verb.dep_ == "ccomp" and inverted(verb.head):
        return verb.head
    return None


def pobjs(tok: Token, *preps: str) -> list[Token]:
    """The objects of `tok`'s prepositions `preps` ("fired from Gaza": Gaza)."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def passive_attack(verb: Token, m: Match) -> bool:
    """A violent event told in the passive ("were killed", "was struck")."""
    return m.pattern.code[:2] in ("18", "19", "20") and any(
        c.dep_ == "nsubjpass" for c in verb.children)


def prep_objects(holders: list[Token], preps: tuple[str, ...], actors: DocActors) -> list[Actor]:
    """The actors named by the first object of one of `preps` hanging on one of `holders`."""
    for h in holders:
        for c in h.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj":
                        if c.lower_ == "at" and (g.lemma_.lower() in VENUES or g.ent_type_ == "FAC"
                                                 or (g.pos_ == "PROPN" and any(
                                                     p.dep_ == "prep" and p.lower_ == "in"
                                                     for p in g.children))):
                            continue  # "signed at State House in Nairobi": where, not with whom
                        if go_between(g):
                            continue
                        got = actors.actors(g) or [  # "fired artillery at its positions"
                            a for p in g.children if p.dep_ == "poss" and p.pos_ == "PRON"
                            for a in actors.actors(p)]
                        if not got and (g.tag_ == "CD" or g.lemma_.lower() in QUANTITIES):
                            got = [  # "on hundreds of Chinese products"
                                a for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                                for q in p.children if q.dep_ == "pobj" for a in actors.actors(q)]
                        if got:
                            return got
    return []


def distinct(a: Actor, b: Actor) -> bool:
    """Two different parties: not the same code, nor a country and its own government."""
    if a.code == b.code:
        return False
    if a.country and a.country == b.country and (a.role is None or b.role is None):
        return False
    return True


def placed(a: Actor, country: str, roles: set[str] | None = None) -> Actor:
    """A bare role (one of `roles`, if given) given the country it acts in."""
    if known(a) or (roles is not None and a.role not in roles):
        return a
    return a.model_copy(update={"country": country, "code": country + (a.role or "")})


# "killed by Pakistani fire", "hit by Russian shelling": a country's weapons are its forces'
FIRE = {"fire", "gunfire", "shelling", "shell", "rocket", "missile", "drone", "airstrike",
        "bombardment", "artillery", "mortar", "sniper", "bomb", "strike", "barrage"}


def armed(weapon: Token, actors: DocActors) -> list[Actor]:
    """The military of the country whose weapon it was ("Pakistani fire": PAKMIL)."""
    if weapon.lemma_.lower() not in FIRE:
        return []
    for c in weapon.children:
        if c.dep_ in ("amod", "compound") and c.i < weapon.i:
            for a in actors.actors(c, coded_only=False):
                if a.country and a.role is None:
                    return [Actor(text=f"{c.text} {weapon.text}", name=f"{a.country} (MIL)",
                                  code=a.country + "MIL", country=a.country, role="MIL")]
    return []


def country_actor(country: str) -> Actor:
    """A country as an actor, with no role ("an attack on a place in Afghanistan": AFG)."""
    return Actor(text=country, name=country, code=country, country=country)


def abroad(a: Actor) -> bool:
    """'regional leaders', 'foreign ministers', 'Western diplomats': not the story's own."""
    return any(w in FOREIGN_WORDS for w in (a.text or "").lower().split())


def state_voice(a: Actor) -> bool:
    """A government, or a country speaking as one ("Poland"), not its people ("Poles")."""
    return a.role == "GOV" or (a.role is None and a.country is not None
                               and not (a.text or "").endswith("s"))


def known(a: Actor | None) -> bool:
    """An actor with a country or an organisation code, not a bare role ("ministers")."""
    return a is not None and (a.country is not None or a.code != a.role)


def _code(a: Actor | None) -> str | None:
    return a.code if a else None
