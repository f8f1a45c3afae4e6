"""French grammar the drafts need: an organisation's article and its prepositions, role titles in running text.

The rule followed is the usual one (Office québécois de la langue française, *Banque de
dépannage linguistique*): « chez » only before a name without an article (« chez Desjardins »);
a name that takes an article contracts with « à » and « de » (« au CHU », « à la Banque
Nationale », « de l'Université Laval », « aux Industries Dorel »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rebond.resources import load_data
from rebond.text import fold

_VOWEL_START = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]", re.IGNORECASE)
# "L'Oréal", "l’Université": an elided article glued to the name.
_ELIDED = re.compile(r"^([lL])['’](\S.*)$")
_ARTICLE = re.compile(r"^(la|le|les|La|Le|Les) (\S.*)$")


@cache
def _heads() -> dict[str, str]:
    """Nouns that head an institution's name, with their gender: « université » f, « centre » m."""
    return dict(load_data("french.yaml")["institution_heads"])


def starts_with_vowel_sound(word: str) -> bool:
    """Whether « de »/« le » elide before this word: a vowel, or a mute h (« d'Hydro-Québec », « d'HEC »).

    An h is taken as aspirated (« de Honda », « de Hewlett-Packard ») unless the word starts like one of
    the mute-h words listed in ``prompts/french.yaml``.
    """
    if not word:
        return False
    if _VOWEL_START.match(word):
        # A y before a vowel is a consonant (« de Yahoo »); before a consonant, a vowel (« d'Yves Rocher »).
        return not (word[0] in "yY" and len(word) > 1 and fold(word[1]) in "aeiou")
    folded = fold(word)
    return folded.startswith("h") and any(folded.startswith(start) for start in load_data("french.yaml")["mute_h_starts"])


@dataclass(frozen=True)
class Organisation:
    """An organisation's name as the user typed it, read for French grammar.

    ``article`` is « la », « le », « l' », « les » or empty; ``name`` is the rest (« Banque Nationale »).
    """

    article: str
    name: str
    # A name without an article takes « à » when it names an institution (« Sorbonne Université »,
    # « Revenu Québec »), « chez » when it names a company (« chez Desjardins »).
    at_a: bool = False

    @classmethod
    def parse(cls, typed: str) -> Organisation:
        # « Le Quai Nord, scène conventionnée »: the words after the comma describe the place, the name ends there.
        text = re.split(r",\s+(?=[a-zà-ÿ])", typed.strip(), maxsplit=1)[0]
        if match := _ARTICLE.match(text):
            # « la Banque Nationale » takes its article; a capital article on a name that is not an
            # institution's (« Les Productions d'Ici ») belongs to a brand: « chez Les Productions d'Ici ».
            first_word = fold(re.split(r"[\s-]", match.group(2))[0])
            if match.group(1).islower() or first_word in _heads():
                return cls(match.group(1).lower(), match.group(2))
            return cls("", text)
        if match := _ELIDED.match(text):
            first_word = fold(re.split(r"[\s-]", match.group(2))[0])
            # « l'Université Laval » (lower-case article, or a head noun) takes the article;
            # « L'Oréal » is a brand whose article belongs to the name: « chez L'Oréal ».
            if match.group(1) == "l" or first_word in _heads():
                return cls("l'", match.group(2))
            return cls("", text)
        # « Ville de Gatineau », « Clinique Saint-Louis »: an institution named by its head noun takes
        # an article even when none was typed; a brand (« Desjardins », « SNCF ») does not.
        first_word = fold(re.split(r"[\s-]", text)[0])
        known = load_data("french.yaml")["names_with_article"].get(first_word)
        if known:
            return cls("l'" if starts_with_vowel_sound(text) else known, text)
        gender = _heads().get(first_word)
        if gender and " " in text:
            # (« Relais », « Palais »: a singular in « s »; « Ateliers », « Pompes »: a plural.)
            if first_word.endswith(("s", "x")) and first_word not in ("cours", "bureaux", "relais", "palais", "marais", "mas", "clos"):
                return cls("les", text)  # « Ateliers Jean Dupont », « Pompes funèbres Roblot »: aux…
            article = "l'" if starts_with_vowel_sound(text) else "la" if gender == "f" else "le"
            return cls(article, text)
        words = [fold(word) for word in re.split(r"[\s-]+", text)]
        data = load_data("french.yaml")
        institution = (any(word in data["heads_anywhere"] for word in words[1:]) or words[0] in data["a_names"]
                       or (words[-1] in ("quebec", "canada", "france") and words[0] in data["quebec_agencies"]))  # « à Emploi et Développement social Canada », « à Santé publique France »
        return cls("", text, at_a=institution)

    @property
    def typed(self) -> str:
        """The name with its article, as it reads inside a sentence (« la Banque Nationale »)."""
        if not self.article:
            return self.name
        return f"{self.article}{self.name}" if self.article == "l'" else f"{self.article} {self.name}"

    @property
    def at(self) -> str:
        """Where one works: « chez Desjardins », « à la Banque Nationale », « au CHU », « aux Industries »."""
        return {"": f"{'à' if self.at_a else 'chez'} {self.name}", "la": f"à la {self.name}", "l'": f"à l'{self.name}",
                "le": f"au {self.name}", "les": f"aux {self.name}"}[self.article]

    @property
    def of(self) -> str:
        """« de » + the name: « de Desjardins », « d'Ubisoft », « de la Banque », « du CHU », « des Industries »."""
        if not self.article:
            return f"d'{self.name}" if starts_with_vowel_sound(self.name) else f"de {self.name}"
        return {"la": f"de la {self.name}", "l'": f"de l'{self.name}", "le": f"du {self.name}",
                "les": f"des {self.name}"}[self.article]

    @property
    def subject(self) -> str:
        """The name opening a sentence: the article capitalised (« La Banque Nationale »)."""
        return capitalise(self.typed)


def of_phrase(phrase: str) -> str:
    """« de » + a noun phrase, contracted: « du diplôme », « des outils », « de la certification », « d'un titre »."""
    for article, contracted in (("le ", "du "), ("les ", "des "), ("Le ", "du "), ("Les ", "des ")):
        if phrase.startswith(article):
            return contracted + phrase[len(article):]
    return f"d'{phrase}" if starts_with_vowel_sound(phrase) else f"de {phrase}"


def fix_organisation_grammar(text: str, company: str) -> str:
    """A French text with the prepositions before the organisation made right.

    A model writing with the organisation masked (« de [COMPANY] ») cannot know its article or
    elision; once the name is back, « de Atelier Verne » becomes « d'Atelier Verne », « chez la Banque
    Nationale » becomes « à la Banque Nationale », « de le CHU » becomes « du CHU ».
    """
    org = Organisation.parse(company)
    name = re.escape(org.name)
    if org.article:
        typed = re.escape(org.typed)
        article = re.escape(org.article) + ("" if org.article == "l'" else r"\s+")
        text = re.sub(rf"\bchez\s+(?:{article})?{name}", lambda _: org.at, text, flags=re.IGNORECASE)
        text = re.sub(rf"\b[àa]\s+(?:{article}){name}", lambda _: org.at, text)
        text = re.sub(rf"\bde\s+(?:{article}){name}", lambda _: org.of, text)
        text = re.sub(rf"\b(?<![A-Za-zÀ-ÿ'’])de\s+{name}", lambda _: org.of, text)
        text = re.sub(rf"(^|[.!?]\s+|\n\s*){typed}", lambda m: m.group(1) + org.subject, text)
    elif starts_with_vowel_sound(org.name) and not org.name.startswith(("L'", "L’")):
        text = re.sub(rf"\b([dD])e\s+{name}", lambda m: f"{m.group(1)}'{org.name}", text)
    return text


def capitalise(text: str) -> str:
    """The first letter in upper case, the rest untouched."""
    return text[:1].upper() + text[1:]


@cache
def _keep_capitals() -> frozenset[str]:
    return frozenset(fold(word) for word in load_data("french.yaml")["role_words_keep_capital"])


@lru_cache(maxsize=2048)  # pure, and read several times per draft (compose and three checks)
def role_in_sentence(role: str, *, keep_marks: bool = False) -> str:
    """A job title as it reads inside a French sentence: common nouns in lower case, acronyms and names kept.

    « Analyste de Données » → « analyste de données »; « Développeur Python » and « Analyste BI » keep
    Python and BI. With ``keep_marks``, the posting's inclusive marks stay (« gérant(e) adjoint(e) »).
    """
    out = []
    for word in clean_role(role, keep_marks=keep_marks).split(" "):
        letters = [c for c in word if c.isalpha()]
        capitalised_only = bool(letters) and letters[0].isupper() and not any(c.isupper() for c in letters[1:])
        if capitalised_only and fold(word.strip(".,()")) not in _keep_capitals():
            word = word[:1].lower() + word[1:]
        out.append(word)
    return " ".join(out)


@lru_cache(maxsize=2048)  # pure, and read several times per draft (compose and three checks)
def clean_role(role: str, *, keep_marks: bool = False) -> str:
    """A job title without the job ad's labels: « Technicien H/F (CDD saison) » → « Technicien »; with
    ``keep_marks``, « Préparateur(trice) » keeps its mark (the posting's own inclusive title)."""
    for label in load_data("french.yaml")["role_labels"]:
        role = role.replace(label, " ")
    # « (CDD saison) » goes; « chargé(e) » keeps its ending
    role = re.sub(r"\s+\([^)]{4,}\)" if keep_marks else r"\s*\([^)]{4,}\)", " ", role)
    role = re.sub(r"\s*\(\s*\)", " ", role)  # what a removed label leaves: « ( ) »
    # « technicien ou technicienne », « Vendeur/Vendeuse », « technicien·ne »: one title in a sentence, the first form typed.
    role = re.sub(r"(?i)\b(\w{4,})(?:\s+ou\s+|/)(\w{4,})\b", lambda m: m.group(1) if m.group(2).lower()[:4] == m.group(1).lower()[:4] else m.group(0), role)
    if not keep_marks:
        role = re.sub(r"(\w)[·•](?:ne|e|es|nes|rice|euse|fe)\b", r"\1", role)
        role = re.sub(r"(\w)\((?:e|ne|le|se|ère|rice|euse|fe|es)\)", r"\1", role)  # « technicien(ne) »
    role = re.split(r"\s[–—-]\s", role)[0]  # « gérance adjointe – magasin X »: the title, not the posting's label
    # « cariste / préparateur de commandes », "acheteuse / approvisionnement": a sentence holds the first title;
    # a slash inside a word (« SQL/Tableau », « conseiller/ère ») stays.
    role = re.split(r"\s+/\s+", role)[0]
    return re.sub(r"\s+", " ", role).strip(" -–,") or role.strip()


# Legal endings a voice does not read out: "Greyhaven Brewing Co." is said "Greyhaven Brewing".
# (Not after « & » or "and": "Crumb & Co." is the name itself, said whole.)
# (round 48: "Kirkwood Valley Citrus (Pty) Ltd", "Zentrix Software Solutions Pvt. Ltd." said whole; LLP, Pte Ltd too)
_LEGAL_ENDING = re.compile(r"(?<!&)(?<!\band),?\s+(?:\(Pty\)\s+Ltd\.?|Pty\.?\s+Ltd\.?|Pvt\.?\s+Ltd\.?|Pte\.?\s+Ltd\.?|Sdn\.?\s+Bhd\.?|"
                           r"Co\.|Inc\.?|Ltd\.?|LLC|LLP|Corp\.?|Ltée|ltée|inc\.|enr\.|S\.A\.S\.?|SAS|SARL|S\.A\.)$")


# A letterhead's descriptor after a comma, not said in a sentence: « l'Étude Vasseur-Delorme, notaires ».
_DESCRIPTOR = re.compile(r",\s+(?:notaires?|avocats?|avocates?|architectes?|comptables?|huissiers?|ingénieurs?(?:-conseils)?|"
                         r"attorneys(?: at law)?|lawyers|accountants|architects|engineers|consultants)$")


def without_descriptor(company: str) -> str:
    """The organisation's name without the letterhead's descriptor (« , notaires », ", attorneys at law")."""
    return _DESCRIPTOR.sub("", company.strip())


def spoken_name(company: str) -> str:
    """An organisation's name as said aloud, without its legal ending."""
    return _LEGAL_ENDING.sub("", company.strip()) or company.strip()


# (Not after a hyphen or a middle dot: « pourrais-je acquérir », « technicien·ne en ».)
_ELIDABLE = re.compile(r"(?<![-·•\w'])([LlDdMmTtSsJjNn])e ([A-Za-zÀ-ÿ][\w-]*)|(?<![-·•\w'])([Ll])a ([A-Za-zÀ-ÿ][\w-]*)")


def elide(text: str) -> str:
    """« la habilitation » → « l'habilitation », « me inscrire » → « m'inscrire »: the elision a slot's words can
    miss when they are joined (an article or a pronoun before a phrase taken from the recruiter's words)."""
    def one(m: re.Match) -> str:
        letter, word = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        # (« le onze », « le oui » and « la une » keep theirs; a capital acronym keeps « de »: « de AMF » is rare.)
        if not starts_with_vowel_sound(word) or fold(word) in ("onze", "oui", "une", "un", "uns", "ouistiti"):
            return m.group(0)
        return f"{letter}'{word}"
    return _ELIDABLE.sub(one, text)


def tutoyer(text: str, keep: tuple[str, ...] = ()) -> str | None:
    """``text`` with « tu » for « vous » where « vous » is the person; None when a « vous » would be left over.

    All or nothing: a draft that mixes « tu » and « vous » to one person reads worse than one in « vous ». The
    sentences in ``keep`` speak to the organisation (« Est-ce que vous prenez des stagiaires ? ») and keep « vous ».
    """
    data = load_data("french.yaml")
    kept = {f"\x00{i}\x00": sentence for i, sentence in enumerate(keep) if sentence in text}
    for mark, sentence in kept.items():
        text = text.replace(sentence, mark)
    for formal, familiar in data["tutoiement"]:
        text = text.replace(formal, familiar)
    # A sentence about the organisation's choice keeps its « vous » throughout: « J'ai bien compris que vous avez
    # privilégié un profil dont le rythme colle mieux à vos sprints. »
    rest = " ".join(sentence for sentence in re.split(r"(?<=[.!?])\s+|\n+", text)
                    if not any(choice in sentence for choice in data["tutoiement_choice"]))
    for plural in data["tutoiement_plural"]:
        rest = rest.replace(plural, "")
    rest = re.sub(data["tutoiement_organisation"], "", rest)  # « Votre clinique m'intéresse »: the organisation
    if re.search(r"(?i)\b(vous|votre|vos)\b", rest):
        return None
    for mark, sentence in kept.items():
        text = text.replace(mark, sentence)
    return text


__all__ = ["Organisation", "tutoyer", "capitalise", "clean_role", "fix_organisation_grammar", "of_phrase", "role_in_sentence", "spoken_name", "starts_with_vowel_sound", "without_descriptor"]


# ---- a job title by the writer's gender ------------------------------------------------

# « coordonnateur(trice) », « chargé(e) », « technicien·ne », « conseiller/ère »: the ending the posting gives the feminine.
_MARKED = re.compile(r"(\w+)(?:\((e|ne|le|se|ère|ière|rice|trice|euse|fe|es|ive)\)|[·•](e|ne|le|se|ère|rice|trice|euse|fe|ive)\b|/(e|ne|ère|ière|rice|trice|euse|ive)\b)")


def _with_ending(word: str, ending: str) -> str:
    """The feminine of ``word`` by the ending a posting gives: (e), (ne), (trice), (euse), (ère), (ive)."""
    if ending in ("e", "ne", "le", "se", "fe", "es"):
        return word + ending
    if ending in ("rice", "trice") and word.endswith("teur"):
        return word[:-3] + "rice"
    if ending == "euse" and word.endswith("eur"):
        return word[:-3] + "euse"
    if ending in ("ère", "ière") and word.endswith("er"):
        return word[:-2] + "ère"
    if ending == "ive" and word.endswith("if"):
        return word[:-2] + "ive"
    return word


def _feminine_word(word: str, *, head: bool) -> str:
    """The feminine of one word of a French title, or the word itself when it has none (or we cannot tell).

    The head takes the usual endings (directeur → directrice, technicien → technicienne, chargé → chargée);
    other words only when they are adjectives a title carries (adjoint, principal, associé).
    """
    data = load_data("french.yaml")["role_feminine"]
    lower = word.lower()
    if lower in data["exceptions"]:
        return _match_case(word, data["exceptions"][lower])
    if not head and lower not in data["adjectives"]:
        return word
    if "-" in word:  # « aide-soignant »: the last part agrees
        first, _, last = word.rpartition("-")
        return f"{first}-{_feminine_word(last, head=head)}"
    for masculine, feminine in data["endings"]:
        if lower.endswith(masculine) and not any(lower.endswith(keep) for keep in data["keep_endings"]):
            return word[: len(word) - len(masculine)] + feminine
    return word


def _match_case(word: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if word[:1].isupper() else replacement


@lru_cache(maxsize=2048)  # pure, and read several times per draft (compose and three checks)
def role_forms(role: str) -> tuple[str, str]:
    """The title as it reads in a sentence, masculine and feminine (the same when the title is epicene).

    The feminine comes from the posting's own marks (« Coordonnateur(trice) ») or, failing that, from the usual
    endings of the words before the first complement (« directeur adjoint de magasin » → « directrice adjointe
    de magasin »). Words after « de », « en »… are left as typed, except the adjectives a title carries.
    """
    if doublet := _doublet(role):
        # « Agente ou agent de recouvrement », « Préposée ou préposé à l'accueil »: the posting gives both forms,
        # the feminine first; each writer takes theirs (round 37: « agente » for Samuel).
        masculine, feminine, rest = doublet
        words = role_in_sentence(feminine + rest).split(" ")
        for index, word in enumerate(words[1:], 1):  # « conductrice receveuse »: what qualifies the head agrees
            if fold(word) in ("de", "d'", "du", "des", "en", "au", "aux", "a", "pour", "chez", "sur") or word.startswith(("d'", "l'")):
                break
            words[index] = _feminine_word(word, head=True)  # (an apposed noun agrees as the head does)
        return role_in_sentence(masculine + rest), " ".join(words)
    masculine_raw = _MARKED.sub(lambda m: m.group(1), role)
    feminine_raw = _MARKED.sub(lambda m: _with_ending(m.group(1), m.group(2) or m.group(3) or m.group(4)), role)
    masculine = role_in_sentence(masculine_raw)
    marked = _MARKED.search(role) is not None
    words = role_in_sentence(feminine_raw).split(" ")
    out, complement = [], False
    for index, word in enumerate(words):
        if fold(word) in ("de", "d'", "du", "des", "en", "au", "aux", "a", "pour", "chez", "sur") or word.startswith(("d'", "l'")):
            complement = True
        if not marked:
            if not complement:
                word = _feminine_word(word, head=index == 0)
            elif fold(word) in {fold(a) for a in load_data("french.yaml")["role_feminine"]["person_adjectives"]}:
                # After « de … », only an adjective that can only qualify the person agrees (« analyste d'affaires
                # principale »); « du service commercial », « en génie civil » qualify the complement.
                word = _feminine_word(word, head=False)
        out.append(word)
    return masculine, " ".join(out)


def _doublet(role: str) -> tuple[str, str, str] | None:
    """(masculine, feminine, the rest) of a title that opens with both forms of its head word (« Agente ou agent de
    recouvrement », « Directeur ou directrice des ventes »), else None."""
    match = re.match(r"\s*([\w-]+) (?:ou|/) ([\w-]+)\b(.*)$", role, flags=re.S)
    if not match:
        return None
    a, b, rest = match.groups()
    if fold(a) == fold(b) or fold(a)[:4] != fold(b)[:4]:
        return None
    masculine, feminine = (a, b) if len(fold(a)) < len(fold(b)) else (b, a)
    return masculine, feminine, rest


def role_for(role: str, gender: str) -> str:
    """The title for a writer of this gender (« masculine », « feminine »); when it is not given, the post's title
    as the posting gives it, inclusive marks and all (« le poste de gérant(e) adjoint(e) », « le poste de
    cuisinier »): it names the post, not the writer. (Readers found « chargé ou chargée de projets » read like a
    form, and a posting's « Gérant(e) » turned masculine read as a guess.)"""
    masculine, feminine = role_forms(role)
    if gender == "feminine":
        return feminine
    if gender == "masculine":
        return masculine
    if _doublet(role):
        # (Both forms, the feminine first, and no gender given: the post's generic name, not a guess about the writer.)
        return masculine
    return role_in_sentence(role, keep_marks=True)


def role_compact(role: str) -> str:
    """Both forms in the posting's short writing (« chargé(e) de clientèle », « directeur ou directrice »): how a
    draft written by a model may name the post, which the role check accepts."""
    masculine, feminine = role_forms(role)
    m, f = masculine.split(" "), feminine.split(" ")
    if masculine == feminine or len(m) != len(f):
        return role_for(role, "")
    words = []
    for a, b in zip(m, f):
        if a == b:
            words.append(a)
        elif b.startswith(a):
            words.append(f"{a}({b[len(a):]})")  # chargé(e), technicien(ne)
        elif (ending := next((fe for me, fe in _COMPACT_ENDINGS if a.endswith(me) and b.endswith(fe)), "")):
            words.append(f"{a}({ending})")  # répartiteur(trice), vendeur(euse), conseiller(ère)
        else:
            return role_for(role, "")
    return " ".join(words)


_COMPACT_ENDINGS = (("teur", "trice"), ("eur", "euse"), ("er", "ère"), ("if", "ive"))


def role_spoken_acronym(role: str) -> str:
    """« d'AED »: the post by the acronym its posting gives in brackets, which a voice says more easily than the
    title (« le poste d'AED »); "" when it has none, or when the brackets name something else than the post
    (« Responsable qualité (HACCP) »: HACCP is a food-safety system, not the title's initials)."""
    acronym = re.search(r"\(([A-ZÉ]{2,6})\)", role)
    if not acronym:
        return ""
    # The title's initials, small words included (AED: « Assistant d'éducation »): the acronym starts with the
    # title's first letter and uses only its initials.
    initials = [w[0] for w in re.split(r"[\s'’-]+", fold(role[:acronym.start()])) if w]
    letters = fold(acronym.group(1))
    if not initials or letters[0] != initials[0] or not set(letters) <= set(initials):
        return ""
    return of_phrase(acronym.group(1))
