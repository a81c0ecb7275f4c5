"""The word lists the contradiction rules read, as one frozen, extensible value.

Every rule in ``alignment.conflicts`` is a word list or a parse pattern over these lists; none
knows any story. A caller adds words with :meth:`Lexicon.extended` (for example from a config
file) and passes the result to ``find_conflicts(a, b, lexicon=...)``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    """Word lists of the contradiction rules. Words are matched case-insensitively; single
    words also match their inflections ("offer" matches "offered", "offers", "offering").

    Attributes:
        negations: words that negate what follows in their clause ("not", "never", "no").
        denials: verbs that deny what follows ("deny", "reject", "dispute", "refuse").
        negative_words: words that are a negation of another word, as "word:base" pairs
            ("unwilling:willing"); they negate what follows, like "not willing".
        antonyms: "word:base" pairs where ``word`` states the opposite of ``base``
            ("lose:win"); they flip only themselves.
        not_negating: phrases that start with a negation word but negate nothing
            ("not only", "not the first", "whether or not").
        hedges: words or phrases after which a clause is uncertain ("unclear", "may",
            "whether", "reportedly"); a hedged claim contradicts nothing.
        irrealis: words or phrases after which a clause is hypothetical, a purpose, a duty or an
            ability ("would", "in exchange for", "if", "must", "can"); treated like hedges.
        reporting_verbs: verbs that credit what follows to their subject ("claim", "report",
            "say"); the claim belongs to that party, not to the source.
        quote_verbs: verbs, as lemmas, whose subject speaks the direct quote they introduce or
            close ('"...," she warned', 'he vowed: "..."'); with the reporting verbs.
        generic_claimants: words that never name a party on their own ("report", "article").
        claim_nouns: nouns for a claim itself; a denial of "reports that X" bears on X.
        existence_verbs: verbs that say an event happened ("held", "took place").
        synonyms: groups of words that count as the same word when comparing claims; the
            first word names the group.
        counted_synonyms: groups of nouns that count one thing ("homes", "houses",
            "properties"); the first word names the group.
        members: "member:body" pairs: the members of a body acting together are the body
            ("senators rejected the bill" / "the Senate approved the bill").
        measures: groups naming what a number counts; the first word is the label shown in
            reasons ("arrests"), the rest are the words that point to it.
        harms: the measures (labels of ``measures``) that tell what befell whom they count
            ("five miners were killed": deaths): such a figure of a specific noun is a toll,
            which a figure of "people" also counts ("won 10 games" is no such measure).
        degrees: groups of words that narrow what a number counts to a part of it
            ("seriously injured", "in critical condition"); the first word names the group.
            A figure with one counts another quantity than a figure without.
        complement_predicates: "verb complement:predicate" for a verb whose complement
            names the predicate ("find guilty:convict": "was found guilty" is a conviction).
        lasting_states: "state:event" pairs: a state told as lasting ("remains closed", "is
            still missing", "remains at large") denies the event that would end it
            ("reopened", "was found", "was arrested"); a state may be a word or a
            preposition and its noun ("at large").
        intentions: verbs and nouns of meaning, asking or needing something done ("try",
            "plan", "offer", "urge", "need"): what follows them ("offered to plead guilty",
            "asked the minister to resign") is intended, not done; "plans to" in the present
            is announced, as "will" is.
        beliefs: verbs of belief; what follows a negated one ("does not believe he had a
            gun") or "doubt" is uncertain, like a hedge.
        region_parts: place nouns of a part of a region ("district", "county"): a figure
            told of a named one that the other passage never names is a part of its whole.
        place_nouns: other nouns that name a place ("province", "school"): a figure told
            "in" one (or in a region part) counts there; two figures of two places are two
            quantities.
    """

    negations: tuple[str, ...] = (
        "not",
        "n't",
        "never",
        "no",
        "none",
        "without",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "cannot",
    )
    denials: tuple[str, ...] = (
        "deny",
        "denies",
        "denied",
        "denial",
        "reject",
        "dispute",
        "refute",
        "rebut",
        "dismiss",
        "refuse",
        "rule out",
        "decline to",
        "declined to",
        "declines to",
        "fail to",
        "failed to",
        "fails to",
        "rule out",
        "ruled out",
        "rules out",
    )
    negative_words: tuple[str, ...] = (
        "unwilling:willing",
        "unable:able",
        "untrue:true",
        "unfounded:founded",
        "unsuccessful:successful",
        "unaware:aware",
        "unharmed:injure",
        "unhurt:injure",
        "uninjured:injure",
    )
    antonyms: tuple[str, ...] = (
        "lose:win",
        "lost:win",
        "loser:winner",
        "decrease:increase",
        "fall:rise",
        "drop:rise",
        "lower:raise",
        "acquit:convict",
        "clear of:convict",
        "forbid:allow",
        "prohibit:allow",
        "ban:allow",
        "oppose:support",
        "absent:present",
        "absent:attend",
        "boycott:attend",
        "withhold:pay",
        "false:true",
        "impose:lift",
        "loss:profit",
        "deficit:surplus",
        "guilty:innocent",
        "overturn:uphold",
        "quash:uphold",
        "reject:approve",
        "veto:approve",
        "survive:die",
        "alive:dead",
        "cancel:hold",
        "call off:hold",
        "fall through:complete",
        "scrap:hold",
        "bar:allow",
        "block:approve",
        "sit out:play",
        "stay away:attend",
        "turn down:approve",
        "stay on:leave",
        "vote down:approve",
        "skip:attend",
        "fail:pass",
    )
    not_negating: tuple[str, ...] = (
        "not only",
        "not just",
        "not least",
        "not the first",
        "not for the first",
        "not unlike",
        "no doubt",
        "without a doubt",
        "without doubt",
        "no matter",
        "nothing but",
        "whether or not",
        "if not",
        "not to mention",
    )
    hedges: tuple[str, ...] = (
        "unclear",
        "uncertain",
        "unconfirmed",
        "not clear",
        "not known",
        "unknown",
        "whether",
        "may",
        "might",
        "could",
        "possibly",
        "perhaps",
        "probably",
        "likely",
        "unlikely",
        "reportedly",
        "allegedly",
        "alleged",
        "rumor",
        "rumour",
        "speculation",
        "possibility",
        "possible",
        "considering",
        "open to",
        "suggest",
        "appear",
        "seem",
    )
    irrealis: tuple[str, ...] = (
        "would",
        "should",
        "must",
        "can",
        "if",
        "unless",
        "in exchange for",
        "in return for",
        "in order to",
        "so that",
        "aimed at",
        "designed to",
        "meant to",
        "to encourage",
        "to persuade",
        "to convince",
    )
    reporting_verbs: tuple[str, ...] = (
        "say",
        "said",
        "says",
        "claim",
        "report",
        "allege",
        "suggest",
        "state",
        "announce",
        "declare",
        "proclaim",
        "insist",
        "maintain",
        "estimate",
        "tell",
        "told",
        "add",
        "stress",
        "assert",
        "assure",
        "write",
        "testify",
        "according to",
    )
    quote_verbs: tuple[str, ...] = (
        "say",
        "add",
        "state",
        "stress",
        "tell",
        "explain",
        "note",
        "insist",
        "write",
        "declare",
        "continue",
        "argue",
        "warn",
        "ask",
        "admit",
        "concede",
        "complain",
        "recall",
        "vow",
        "promise",
        "pledge",
        "reply",
        "respond",
        "answer",
        "tweet",
        "post",
        "remark",
        "acknowledge",
        "confirm",
        "comment",
        "observe",
        "joke",
        "quip",
        "shout",
        "exclaim",
        "predict",
        "urge",
        "plead",
        "boast",
        "lament",
        "caution",
        "reiterate",
        "emphasise",
        "emphasize",
        "announce",
        "claim",
        "testify",
        "assert",
        "maintain",
    )
    generic_claimants: tuple[str, ...] = (
        "report",
        "article",
        "story",
        "piece",
        "statement",
        "account",
        "news",
        "claim",
        "source",
        "people",
        "person",
        "someone",
        "it",
        "this",
        "that",
    )
    claim_nouns: tuple[str, ...] = (
        "report",
        "claim",
        "rumor",
        "rumour",
        "allegation",
        "suggestion",
        "speculation",
        "accusation",
        "assertion",
        "statement",
        "article",
        "story",
        "idea",
        "notion",
    )
    existence_verbs: tuple[str, ...] = (
        "held",
        "took place",
        "happened",
        "occurred",
        "convened",
        "were conducted",
        "was conducted",
        "there were",
        "there was",
        "there have been",
        "there has been",
    )
    synonyms: tuple[tuple[str, ...], ...] = (
        ("offer", "propose", "proposal", "proffer"),
        ("amnesty", "pardon", "clemency", "immunity", "absolve", "absolution"),
        ("meeting", "talks", "summit"),
        ("arrest", "detain", "detention", "detainee", "jail"),
        ("kill", "death", "die", "dead", "fatality", "pass away", "drown"),
        ("injure", "injury", "wound", "hurt"),
        ("leave", "step down", "relinquish", "resign", "cede", "quit"),
        ("win", "winner", "victory", "beat", "defeat"),
        ("protest", "demonstration", "rally"),
        ("find", "discover", "unearth", "locate"),
        ("begin", "start", "commence"),
        ("fire", "blaze", "inferno"),
        ("burn", "scorch", "char", "blacken", "consume"),
        ("ceasefire", "truce", "armistice"),
        ("explosion", "blast", "detonation"),
        ("close", "shut", "shut down"),
        ("election", "poll", "polls"),
        ("arrive", "land", "touch down"),
        ("cut", "lower", "reduce", "slash"),
        ("open", "reopen"),
        ("collapse", "give way", "cave in"),
        ("suspend", "halt", "pause"),
        ("resume", "restart"),
        ("ship", "vessel"),
        ("sack", "dismiss", "oust"),
        (
            "approve",
            "clear",
            "authorize",
            "authorise",
            "allow",
            "permit",
            "accept",
            "pass",
            "vote through",
        ),
    )
    members: tuple[str, ...] = (
        "senator:senate",
        "councillor:council",
        "councilor:council",
        "juror:jury",
        "legislator:legislature",
        "trustee:board",
        "director:board",
    )
    counted_synonyms: tuple[tuple[str, ...], ...] = (
        ("home", "house", "property", "dwelling", "household"),
        ("millimetre", "millimeter", "mm"),
        ("centimetre", "centimeter", "cm"),
        ("kilogram", "kilo", "kg"),
        ("tonne", "ton"),
        ("litre", "liter"),
        ("job", "position"),
        ("violation", "breach"),
        ("fighter", "insurgent", "militant", "rebel", "guerrilla", "militiaman"),
        ("car", "vehicle"),
    )
    measures: tuple[tuple[str, ...], ...] = (
        (
            "arrests",
            "arrest",
            "detain",
            "detention",
            "detainee",
            "jail",
            "imprison",
            "custody",
            "take into custody",
        ),
        (
            "deaths",
            "death",
            "dead",
            "die",
            "drown",
            "kill",
            "killing",
            "fatality",
            "fatalities",
            "slain",
            "toll",
            "body",
            "bodies",
            "lose life",
            "claim life",
            "take life",
            "cost life",
        ),
        ("injuries", "injury", "injure", "wound", "hurt"),
        ("votes", "vote", "ballot", "win", "won", "beat", "margin", "winner"),
        (
            "displaced",
            "displace",
            "refugee",
            "evacuate",
            "flee",
            "fled",
            "homeless",
            "force from home",
            "drive from home",
            "flee home",
            "leave home",
            "move out",
            "force out",
        ),
        ("cases", "case", "infection", "infect"),
        ("turnout", "turn out", "take part", "participate", "walk out", "go on strike"),
        ("jobs", "job", "layoff", "redundancy", "redundancies", "post", "lose job", "lay off"),
        ("seats", "seat"),
        ("value", "worth", "valuation"),
        ("unemployment", "unemployment", "jobless", "unemployed", "joblessness"),
    )
    harms: tuple[str, ...] = ("deaths", "injuries", "arrests", "displaced", "cases")
    degrees: tuple[tuple[str, ...], ...] = (
        ("serious", "seriously", "critically", "critical", "severely", "severe", "badly"),
        ("serious", "gravely", "grave", "life-threatening"),
        ("slight", "slightly", "lightly", "minor", "mildly", "mild"),
    )
    complement_predicates: tuple[str, ...] = (
        "find guilty:convict",
        "declare dead:die",
        "pronounce dead:die",
        "find dead:die",
        "find alive:survive",
        "plead guilty:admit",
    )
    lasting_states: tuple[str, ...] = (
        "closed:open",
        "shut:open",
        "missing:find",
        "at large:arrest",
        "in force:lift",
        "in custody:release",
        "in office:leave",
        "in post:leave",
        "in charge:sack",
    )
    intentions: tuple[str, ...] = (
        "try",
        "attempt",
        "seek",
        "plan",
        "intend",
        "intent",
        "want",
        "hope",
        "aim",
        "offer",
        "propose",
        "negotiate",
        "bid",
        "effort",
        "ask",
        "urge",
        "demand",
        "request",
        "need",
        "press",
        "struggle",
    )
    beliefs: tuple[str, ...] = ("believe", "think", "expect", "doubt", "feel")
    region_parts: tuple[str, ...] = (
        "district",
        "county",
        "village",
        "town",
        "township",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "borough",
        "regency",
        "municipality",
        "prefecture",
        "commune",
    )
    place_nouns: tuple[str, ...] = (
        "area",
        "camp",
        "church",
        "hospital",
        "market",
        "mine",
        "mosque",
        "prison",
        "school",
        "capital",
        "city",
        "country",
        "island",
        "province",
        "region",
        "state",
        "ward",
    )

    @property
    def negated_states(self) -> frozenset[str]:
        """The first words of ``negative_words`` ("unharmed"): each denies its base."""
        return frozenset(pair.partition(":")[0] for pair in self.negative_words)

    def extended(self, **extra: Iterable[str] | Iterable[tuple[str, ...]]) -> Lexicon:
        """A copy with more words: each keyword names a field, its value is appended.

        Raises:
            TypeError: on a keyword that is not a field.
        """
        names = {f.name for f in dataclasses.fields(self)}
        changes: dict[str, tuple[object, ...]] = {}
        for name, words in extra.items():
            if name not in names:
                raise TypeError(f"Lexicon has no word list {name!r}")
            changes[name] = tuple(getattr(self, name)) + tuple(words)
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


DEFAULT_LEXICON = Lexicon()

__all__ = ["DEFAULT_LEXICON", "Lexicon"]
