"""What the notes say the candidate means to ask or say, ready to be said to the recruiter.

Notes often list what the candidate wants to ask (« À demander : est-ce que le poste est encore ouvert? »,
"Want to ask: would a PastPerfect course be enough?"), what to mention (« Mentionner que je suis dispo dès janvier »)
and when an answer was promised (« elle a dit réponse avant la mi-décembre »): readers marked drafts that left these
out "notes ignored". Here they are found and turned to the recruiter (« ils » → « vous », "they" → "you"), or left out
when they cannot be said as is (note-speak, a fragment, a verb the tables do not know).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rebond.text import written_out

# The recruiter in the third person, turned to « vous »: the verb agrees.
_VOUS_FORMS = {"peut": "pouvez", "pourrait": "pourriez", "peuvent": "pouvez", "pourraient": "pourriez", "a": "avez", "ont": "avez",
               "aurait": "auriez", "auraient": "auriez", "est": "êtes", "sont": "êtes", "serait": "seriez", "seraient": "seriez",
               "va": "allez", "vont": "allez", "veut": "voulez", "voudrait": "voudriez", "prend": "prenez", "prendrait": "prendriez",
               "garde": "gardez", "garderait": "garderiez", "reprendrait": "reprendriez", "reprendraient": "reprendriez",
               "cherche": "cherchez", "embauche": "embauchez", "recrute": "recrutez", "fait": "faites", "ferait": "feriez",
               "finance": "financez", "financerait": "financeriez", "accepte": "acceptez", "accepterait": "accepteriez",
               "compte": "comptez", "pense": "pensez", "sait": "savez", "connaît": "connaissez", "offre": "offrez", "offrirait": "offririez",
               # (plurals, for « est-ce qu'ils prennent des stagiaires ? »)
               "prennent": "prenez", "prendraient": "prendriez", "reprennent": "reprenez", "reprend": "reprenez",
               "engage": "engagez", "engagent": "engagez", "engagerait": "engageriez", "embauchent": "embauchez",
               "recrutent": "recrutez", "cherchent": "cherchez", "acceptent": "acceptez", "offrent": "offrez",
               "font": "faites", "ouvre": "ouvrez", "ouvrent": "ouvrez", "gardent": "gardez", "connaissent": "connaissez",
               "pensent": "pensez", "savent": "savez", "financent": "financez", "paie": "payez", "paye": "payez",
               "paient": "payez", "donne": "donnez", "donnent": "donnez", "considère": "considérez",
               "considérerait": "considéreriez", "considéreraient": "considéreriez"}
_YOU_FORMS = {"has": "have", "is": "are", "was": "were", "does": "do", "wants": "want", "needs": "need", "knows": "know",
              "thinks": "think", "plans": "plan", "hires": "hire", "offers": "offer", "takes": "take", "pays": "pay"}


# Verbs whose « vous » form no ending rule gives (« ils doivent » → « vous devez »): the table or nothing.
_IRREGULAR = {"doit", "doivent", "peut", "peuvent", "veut", "veulent", "vient", "viennent", "tient", "tiennent", "dit", "disent",
              "voit", "voient", "boit", "boivent", "reçoit", "reçoivent", "prend", "prennent", "comprend", "comprennent",
              "apprend", "apprennent", "met", "mettent", "sait", "savent", "vaut", "fait", "font", "va", "vont", "est", "sont",
              "a", "ont", "ment", "sent", "part", "sort", "court", "lit", "écrit", "vit", "suit", "croit", "croient"}


def vous_form(verb: str) -> str | None:
    """The « vous » form of a verb said of the recruiter in the third person, or None when no rule is sure.

    The table first; then the endings every verb shares: the imperfect and the conditional (« -ait », « -aient » →
    « -iez »), the future (« -ra », « -ront » → « -rez »), and the present of « -er » verbs (« utilise »,
    « utilisent » → « utilisez »)."""
    verb = verb.lower()
    if verb in _VOUS_FORMS:
        return _VOUS_FORMS[verb]
    if verb in _IRREGULAR or not re.fullmatch(r"[a-zà-ÿ]{3,}", verb):
        return None
    if verb.endswith("aient"):
        return verb[:-5] + "iez"
    if verb.endswith("ait"):
        return verb[:-3] + "iez"
    if verb.endswith("ront"):
        return verb[:-4] + "rez"
    if verb.endswith("ra") and len(verb) > 4:
        return verb[:-1] + "ez"
    if re.search(r"(?:vient|tient)$", verb) or verb in ("ment", "dément", "sent", "ressent", "consent", "pressent"):
        return None  # « il revient », « il ressent »: a singular, not the « -ent » of a plural
    if re.search(r"(?:ell|ett|è[a-z]+)e(?:nt)?$", verb):
        return None  # « appelle » → « appelez », « achète » → « achetez »: the stem changes
    if verb.endswith("ent") and len(verb) > 5:
        return verb[:-3] + "ez"  # (« -ent » of an « -er », « -ir » or « -ire » verb: utilisent, finissent, lisent)
    if re.search(r"[^é]e$", verb) and len(verb) > 3:
        return verb + "z"
    return None


def _refuse(verb: str) -> str:
    raise ValueError(verb)


def turn_to_recruiter(clause: str, lang: str) -> str | None:
    """A clause about the recruiter in the third person, said to them (« s'il peut » → « si vous pouvez », "if they'd"
    → "if you'd"); None when it cannot be turned safely."""
    if lang == "en":
        if re.search(r"(?i)\b(his|her)\b", clause):
            return None  # "her team" or "give her a call": not safely the recruiter's
        clause = re.sub(r"(?i)\b(?:they|he|she)('d|'re|'ve|'ll)\b", lambda m: "you" + m.group(1), clause)
        clause = re.sub(r"(?i)\b(?:he|she)'s\b", "you're", clause)  # "if he's hiring again"
        clause = re.sub(r"(?i)\b(?:he|she)\s+(\w+)", lambda m: "you " + _YOU_FORMS.get(m.group(1).lower(), m.group(1)), clause)
        clause = re.sub(r"(?i)\bthey\b", "you", clause)
        clause = re.sub(r"(?i)\b(?:them|him)\b", "you", clause)
        clause = re.sub(r"(?i)\btheir\b", "your", clause)
    else:
        if re.search(r"(?i)\bils? (?:est|serait|sera|était|va|allait) (?:possible|question|temps|prévu|trop tard|utile|nécessaire|y)\b|\b(?:leur|lui) [a-zà-ÿ]+(?:er|ir|re)\b", clause):
            return None  # « s'il est possible de », « s'il va y avoir »: impersonal; « leur envoyer »: a pronoun, not « votre »

        def to_vous(m: re.Match) -> str:
            verb = m.group(4).lower()
            if verb in ("y", "faut", "fallait", "faudrait", "s'agit", "reste", "existe", "existerait", "vaut", "vaudrait"):
                return m.group(0)  # « s'il y aurait », « s'il faut »: impersonal
            form = vous_form(verb)
            if form is None:
                raise ValueError(verb)
            return f"{m.group(1) or ''}vous {m.group(2) or ''}{m.group(3) or ''}{form}"
        def turn(m: re.Match) -> str:
            said = to_vous(m)
            if m.group(1) is None or said == m.group(0):
                return said
            return {"s'": "si ", "qu'": "que "}.get(m.group(1).lower(), m.group(1)) + said[len(m.group(1)):]  # « s'il » → « si vous »

        try:
            # (Not the « -t-il » of an inversion: « le permis a-t-il joué ? » asks about the permit.) A negation and
            # an object pronoun stay before the verb: « qu'il ne me rappellerait » → « que vous ne me rappelleriez ».
            clause = re.sub(r"(?i)(?<!-)\b(s'|si |qu'|que )?ils?\s+(ne\s+|n')?((?:me|m'|nous|lui|les|la|le|l')\s*)?(\w+'?\w*)", turn, clause)
            if not re.match(r"(?i)(?:le|la|les|l'|un|une|mon|ma|mes|ce|cette|ces)\b", clause):
                # « quelles formations me conseillent-ils ? »: they are the recruiters (not « le permis a-t-il joué ? »,
                # whose subject is the permit)
                # (Not « y a-t-il », « faut-il », « reste-t-il »: impersonal.)
                clause = re.sub(r"(?i)(?<!\by )(?<![\w-])(?!(?:faut|fallait|faudrait|reste|vaut|vaudrait|existe|suffit|suffirait)\b)([a-zà-ÿ]+)-(?:t-)?ils?\b",
                                lambda m: (vous_form(m.group(1)) or _refuse(m.group(1))) + "-vous", clause)
        except ValueError:
            return None  # a verb the table does not know: better unsaid than misconjugated
        clause = re.sub(r"(?i)\b(chez|pour|avec|selon|d'après) eux\b", r"\1 vous", clause)  # (round 55: « suffirait pour eux »)
        # « un test d'anglais les aiderait-il ? »: « les » before the verb is the organisation, « vous » (round 55)
        clause = re.sub(r"(?i)\bles (aider\w*|intéresser\w*|rassurer\w*|convaincre|convaincrai\w*|convainc\w*)\b", r"vous \1", clause)
        clause = re.sub(r"(?i)\bleurs\b", "vos", re.sub(r"(?i)\bleur\b(?=\s+[a-zà-ÿ])", "votre", clause))
        if re.search(r"(?i)(?<!-)\b(elle|elles)\s+\w", clause):  # (not an inversion: « Ma présentation était-elle trop longue »)
            return None
    return clause


# A label that opens what the candidate wants to ask: « À demander : », « Questions : », « Veux savoir : »,
# "Want to ask:", "Ask:", "Want precise feedback:". What follows, up to the first sentence that is no question, is
# the candidate's list.
_LABEL = {
    "fr": re.compile(r"(?im)(?:^|(?<=[.!?\n])\s*|\b)(?:[-•*]\s*)?(?:(?:feedback|retour|questions?|q)\s+)?(?:à\s+)?(?:demander|poser|ask|"
                     r"questions?|q|(?:je\s+)?(?:veux|voudrais|voulais)\s+(?:savoir|demander|lui\s+demander|leur\s+demander)|"
                     r"savoir)(?:\s+(?:à|pour)\s+(?:lui|leur|elle|eux|la\s+rh|poser|[A-ZÀ-Ý][\w-]+))?\s*:\s*"),  # (« À demander à Julien : », round 39; « Questions pour elle : », round 40)
    "en": re.compile(r"(?im)(?:^|(?<=[.!?\n])\s*|\b)(?:[-•*]\s*)?(?:(?:i\s+)?want(?:ed)?\s+(?:to\s+)?(?:ask|know)(?:\s+(?:him|her|them|(?:mr|ms|mrs|miss|dr)\.?\s+[A-Z][\w'-]+|[A-Z][\w'-]+))?|qs|"
                     r"(?:also\s+)?ask(?:\s+(?:him|her|them|[A-Z][\w-]+))?|to\s+ask|q|questions?(?:\s+to\s+ask)?|want(?:\s+precise\s+feedback)?|"
                     r"(?:i\s+)?want\s+(?:precise\s+|specific\s+)?(?:feedback|answers))\s*:\s*"),
}
# How a question that can be sent opens: a question word, an inversion, « est-ce que », « si … , », "if …".
_OPENS = {
    "fr": re.compile(r"(?i)^(?:est-ce|qu'est-ce|que\b|qu'|quel\w*|(?:à|a|de|pour|avec|dans|sur|par) quel\w*|sur quoi\b(?=[^?]*-(?:je|vous|il|elle|on)\b)|comment|où|quand|pourquoi|combien|au bout de combien|à partir de quand|jusqu'à quand|à qui|si\b|s'|y a-t-il|y (?:aura-t-il|aurait-il|avait-il|aurait-t-il)|c'est\b|c'était\b|"
                     r"(?:me|m'|nous|lui)\s*[a-zà-ÿ]+-(?:vous|il|elle|on)\b|une fois [^,?]{2,60},\s*(?:est-ce|y a-t-il|pourr\w+|serait|faut-il|vaut-il|vaudrait-il)\b|"
                     r"[a-zà-ÿ]+-(?:vous|il|elle|ils|on|je|ce)\b|(?:le|la|les|un|une|mon|ma|mes|ce|cette)\b[^?]*-(?:t-)?(?:il|elle|ils|elles)\b)"),
    "en": re.compile(r"(?i)^(?:is|was|are|were|am|would|could|will|can|should|do|does|did|have|has|how|what|which|when|where|why|who|if|any|anything|anyone|might"
                     r"|apart from [^,?]{2,40}, (?:was|is|were|are|did|do|does|could|would)\b)\b"),
}
# Note-speak a message does not send as is.
_NOTE_SPEAK = re.compile(r"(?i)\b(?:pis|genre|c'est quoi|xp|lol|gonna|wanna|kinda|btw|tbh|dispo|rh)(?![\w-])|\bw/|[→+=@#&*]|\?\?|"
                         r"[\U0001F300-\U0001FAFF\u2600-\u27BF]")


# What the notes say to mention (« Mentionner que je reste intéressé », "Mention I can start Jan 4"): the candidate's.
# (At a sentence's start only: « elle pouvait pas me dire pourquoi » reports the call.)
# (Or after « + », a comma or « et »: "Want to follow up + mention I've completed…")
_MENTION = re.compile(r"(?im)(?:^|(?<=[.!?\n+,;]))\s*(?:[-•*]\s*)?(?:(?:and|et|puis)\s+)?(?:(?:à|a|to)\s+)?(?:mentionner|dire|préciser|rappeler|mention|say|tell (?:him|her|them))"
                      r"(?:\s+(?:que|qu'|that)\b|\s*:|\s+(?=i\b|i'm\b|i've\b))")


def agenda_start(text: str, lang: str) -> int:
    """Where the candidate's own agenda starts in ``text`` (a label of questions to ask, « Mentionner que … »), or
    its length when it has none."""
    starts = [m.start() for m in (_LABEL["en" if lang == "en" else "fr"].search(text), _MENTION.search(text)) if m]
    return min(starts, default=len(text))


def own_questions(notes: str, lang: str) -> tuple[str, ...]:
    """The questions the notes list for the recruiter, said to them (at most three)."""
    return tuple(question for question, _ in _own_questions(notes, lang))


def own_questions_to_the_organisation(notes: str, lang: str) -> tuple[str, ...]:
    """The own questions whose « vous » is the organisation (from « ils », « leur »): a draft in « tu » keeps it."""
    return tuple(question for question, plural in _own_questions(notes, lang) if plural)


def _own_questions(notes: str, lang: str) -> tuple[tuple[str, bool], ...]:
    """The questions the notes list for the recruiter (after « À demander : », "Ask:"), said to them; at most three.

    Each is capitalised, ends with the language's question mark, and speaks to the recruiter. A question that cannot
    be said as is (note-speak, a fragment with no verb, a pronoun the tables cannot turn) is left out: a generic
    question is better than a broken one.
    """
    lang = "en" if lang == "en" else "fr"
    found: list[str] = []
    for label in _LABEL[lang].finditer(notes):
        rest = notes[label.end():]
        # "how long is the cert good for / do they ever pay for the test?": two questions, not one or the other
        rest = re.sub(r"(?i)\s+/\s+(?=(?:do|does|did|is|are|was|were|can|could|will|would|should|how|what|when|where|why|who|est-ce|y a-t-il|"
                      r"comment|quand|où|pourquoi|qu'est-ce|quel\w*|combien)\b)", "? ", rest)
        # « quel score ils attendent + est-ce qu'un poste … pourrait convenir? » (round 50): two questions
        rest = re.sub(r"(?i)\s+\+\s+(?=(?:est-ce|y a|quel\w*|comment|quand|combien|pourquoi|qu'est-ce|is|are|do|does|would|could|can|will|how|what|when)\b[^\n]*\?)",
                      "? ", rest)
        if lang == "en":
            rest = re.sub(r"(?<=\w) / (?=\w)", " or ", rest)  # "is there a list / a pool?": one or the other
        rest = written_out(rest, lang)  # (« h/sem. » first: its full stop is no sentence's end)
        rest = re.sub(r"(?<=\w)\.(?=\w)", "\u2024", rest)  # "the D1.1 test": a dot inside a name ends no sentence
        # An aside in brackets that asks (« (accessibilité ?) », "(Terrebonne?)") is the candidate's doubt, not a question.
        # (One that ends the question keeps its question mark: « ouvrent en 2027 (Terrebonne?). »)
        rest = re.sub(r"\s*\([^()]*\?\s*\)(?:\s*[.?])?", "?", rest)
        rest = re.sub(r"(?i)\s*\(\s*(?:j'|je |moi|i |i'm |i've )[^()]*\)", "", rest)
        previous_end = 0
        for chunk in re.finditer(r"\s*([^?.!\n]+?)\s*\?", rest):
            between = rest[previous_end: chunk.start()]
            # The list ended at a new line, or at a sentence that is no question and no short note of the list (round 41:
            # « …un critère? Conseils pour structurer une leçon modèle la prochaine fois. Y a-t-il des charges… ? »).
            if "\n" in between or re.search(r"[.!]", between) and (previous_end == 0 or len(between.split()) > 12):
                break
            previous_end = chunk.end()
            for asked in _two_questions(chunk.group(1)):
                question = _sendable(asked, lang).replace("\u2024", ".")
                if question and question not in [q for q, _ in found]:
                    plural = bool(re.search(r"(?i)\b(?:ils|leurs?|eux|they|them|their)\b", asked))
                    found.append((question, plural))
        if not found and not re.match(r"\s*[^\n]*\?", rest):
            # « À demander : si c'est négociable … et si mon estimation … » (no question mark): reported speech, said
            # directly; « lui demander » makes « elle » the recruiter.
            line = re.split(r"\n|(?<=[a-zà-ÿ)])\.(?:\s|$)", rest, maxsplit=1)[0]
            to_her = re.search(r"(?i)\blui\b|\bà (?:elle|lui)\b", label.group(0))
            line = line.replace("\u2024", ".")
            # (« si ils vont engager d'autres compagnons »: « ils » is the organisation, whose « vous » a draft in « tu »
            # keeps, round 53)
            plural = bool(re.search(r"(?i)\b(?:ils|leurs?|eux|they|them|their)\b", line))
            found = [(q, plural) for q in (indirect_questions_en(line) if lang == "en" else
                                           indirect_questions(line, recruiter_is="elle" if to_her else ""))]
        if found:
            break
    return tuple(found[:3])


def _two_questions(text: str) -> list[str]:
    """A note's question that is two, joined by a comma (round 52: « c'est quoi la note de passage pour Excel, est-ce
    que mon nom reste sur la liste… », "how far off was I, would he let me come back…"), as two; else as it is. (Not
    "If I pass A214, can I apply…": a condition and its question.)"""
    if m := re.match(r"(?i)^((?:c'est quoi|quel\w*|comment|est-ce|how|what|was it|is it)\b[^,]{3,80}),\s+((?:est-ce que|would (?:you|he|she|they)|could (?:you|he|she|they)|can I)\b.{3,})$", text):
        return [m.group(1), m.group(2)]
    return [text]


def bare_questions(notes: str, lang: str) -> tuple[str, ...]:
    """The questions of the notes' last line made of questions alone, with no label, said to the recruiter (at most three)."""
    return tuple(question for question, _ in _bare_questions(notes, "en" if lang == "en" else "fr"))[:3]


def _bare_questions(notes: str, lang: str) -> list[tuple[str, bool]]:
    """The questions of a line of the notes made of questions alone, with no label (round 52: « quelles parties du
    test étaient faibles? ressources recommandées? délai avant de repostuler? », "how did the demo lesson come
    across? was it the classroom management?"): the candidate's list, as a label would open it."""
    for line in reversed([line.strip() for line in notes.splitlines() if "?" in line]):
        chunks = [c.strip() for c in re.findall(r"[^?.!]+\?", line)]
        rest = re.sub(r"[^?.!]+\?", "", line).strip(" .!")
        if not chunks or len(rest.split()) > 12 or any(c.count("(") != c.count(")") for c in chunks):
            continue  # questions inside a sentence of the notes' story, not a list; or an aside cut by its « ? »
        found: list[tuple[str, bool]] = []
        for chunk in chunks:
            if re.search(r"(?i)\b(?:ça|ca|cela|that|this)\b", chunk) and not re.match(r"(?i)(?:si|if)\s", chunk):
                continue  # « Est-ce que c'était ça le problème ? »: what « ça » is, the line before says (« si je
                # déménage à Angers, ça change qq chose ? » says it itself)
            question = _sendable(chunk.rstrip("?"), lang)
            if question and question not in [q for q, _ in found]:
                found.append((question, bool(re.search(r"(?i)\b(?:ils|leurs?|eux|they|them|their)\b", chunk))))
        if found:
            return found
    return []


# A note's question with no verb, said as a question (round 35): « d'autres CDD prévus sur le projet ? » → « Y a-t-il
# d'autres CDD prévus… ? », « conseils pour me mettre à niveau ? » → « Auriez-vous des conseils pour… ? », « quel niveau
# visé exactement ? » → « Quel niveau visez-vous exactement ? », « ça vaut la peine de réappliquer ? » → « Me
# conseilleriez-vous de postuler de nouveau ? ».
_VERBLESS = [
    # (« Des conseils pour l'animation … ? » asks for advice, not whether there is some: before « des », round 47)
    (r"(?i)^(?:des\s+)?conseils?\s+(pour|sur|afin de)\b", r"Auriez-vous des conseils \1"),
    (r"(?i)^(d'autres|de nouveaux|de nouvelles|des)\s+(?=\w)", lambda m: f"Y a-t-il {m.group(1).lower()} "),
    # (round 53: « un poste en attendant ? », « un financement possible par la clinique ? »)
    (r"(?i)^(un|une)\s+(?=(?:autre\s+)?(?:poste|contrat|financement|stage|remplacement|place|mission|CDD|CDI|emploi|job|possibilité|ouverture|"
     r"liste|formation|aide|prise en charge)\b)(?![^?]*(?:-(?:il|elle|ils|elles|on|vous)\b|\b(?:est|sont|peut|peuvent|serait|pourrait|a|ont|existe|"
     r"suffit|suffirait|compte|change|aide|vaut|sert|reste|manque)\b))",
     lambda m: f"Y aurait-il {m.group(1).lower()} "),
    (r"(?i)^(quel(?:le)?s?\s+[a-zà-ÿ-]+)\s+([a-zà-ÿ]+)é(?:e|s|es)?\b(?!-)", r"\1 \2ez-vous"),
    (r"(?i)^(?:est-ce que\s+)?(?:ça|ca|cela)\s+(?:vaut|vaudrait)\s+(?:le coup|la peine)\s+(?:de\s+|d')", "Me conseilleriez-vous de "),
    # (rounds 40–41: « délai avant de repostuler ? », « Autre chose à améliorer dans l'étude de cas ? »)
    (r"(?i)^(?:le )?délai (avant de|pour)\b", r"Quel est le délai \1"),
    (r"(?i)^autre chose (à|a) ", "Y a-t-il autre chose à "),
    (r"(?i)^combien de temps (pour|avant d'|avant de)", r"Combien de temps faut-il \1"),  # (round 44)
    # (round 44: « passer l'AMF avant de repostuler ? », « Commencer par un poste de conseiller particuliers, c'est une
    # bonne voie ? »): a course of action the candidate weighs, asked as advice
    (r"(?i)^(passer|commencer|faire|suivre|prendre|viser|chercher|attendre|refaire|repasser|obtenir|apprendre|"
     r"travailler|contacter|relancer|postuler|déménager|reprendre|continuer|miser|cibler|tenter)\b([^?]*?)"
     r"(?:,\s*(?:c'est|ce serait|serait-ce)\s+(?:une\s+)?(?:bonne|meilleure)\s+(?:voie|idée|option|approche|stratégie|porte d'entrée))?$",
     lambda m: "Me conseilleriez-vous de " + m.group(1).lower() + m.group(2)),
]
_WORDING = [(r"(?i)\bdans 1 an\b", "dans un an"), (r"(?i)\bde (?=[aeiouhéè])", "d'"),
            (r"(?i),?\s*(?:d'après|selon) (?:lui|elle|eux)\b", ", selon vous")]
# Spoken questions of the notes turned into the questions a message asks (round 40: « j'étais où dans le classement? »,
# « Mon jeu de rôle, ça a passé comment? », « mon test, c'était quoi le point faible? »,
# "how did presentation land?", "any openings on 3rd shift?", "feedback on the case study?"), before the opener check.
_SPOKEN_TO_ASKED = {
    "fr": [(r"(?i)^j'(?:étais|suis) où dans (le|la|les)\b", r"Quelle était ma position dans \1"),
           (r"(?i)^(mon|ma|mes) ([^,?]{2,40}), ça (?:a passé|s'est passé|a été|a marché|a été perçu) comment$",
            lambda m: f"Comment avez-vous trouvé {m.group(1).lower()} {m.group(2)}"),
           (r"(?i)^(mon|ma|mes) ([^,?]{2,40}), c'était quoi le ([^?]{2,40})$", lambda m: f"Quel était le {m.group(3)} de {m.group(1).lower()} {m.group(2)}"),
           (r"(?i)^(mon|ma|mes) ([^,?]{2,40}), c'était quoi la ([^?]{2,40})$", lambda m: f"Quelle était la {m.group(3)} de {m.group(1).lower()} {m.group(2)}"),
           (r"(?i)^(?:est-ce que )?(?:ça|ca) vaut la peine que\b", "Est-ce que ça vaudrait la peine que"),
           (r"(?i)^le ([^?]{2,40}?) s'est (bien |mal )?passé\b", r"Le \1 s'est-il \2passé"),
           (r"(?i)^la ([^?]{2,40}?) s'est (bien |mal )?passée\b", r"La \1 s'est-elle \2passée"),
           (r"(?i)\bprojet perso\b", "projet personnel"), (r"(?i)\bpair prog\b", "pair programming"),
           # (round 41: « Autre chose à améliorer dans l'étude de cas? », « Un poste d'adjointe serait possible ? »)
           # (round 42: « ça vaut-tu la peine de … », « ils offrent de la formation … ? », « c'est quoi le niveau … »,
           # « ce qui les a fait hésiter », « l'AMF, c'est possible de la passer avant … »)
           (r"(?i)^(ça|ca|c'est|il|elle|on) (\w+)-tu\b", r"Est-ce que \1 \2"),
           (r"(?i)^(ils|elles) (?=\w)(?![^?]*\b(?:quoi|où|quand|comment|combien|pourquoi)\b)", "Est-ce qu'ils "),
           (r"(?i)^c'est quoi le\b", "Quel est le"), (r"(?i)^c'est quoi la\b", "Quelle est la"), (r"(?i)^c'est quoi les\b", "Quels sont les"),
           (r"(?i)^ce qui (?:les|l') a fait\b", "Qu'est-ce qui vous a fait"),
           (r"(?i)^(l'|le |la |les )([^,?]{2,30}), c'est possible de (?:la|le|les|l') ?(\w+)", r"Est-ce possible de \3 \1\2"),
           (r"(?i)^(l'|le |la |les )([^?]{2,50}?) c'est suffisant ou (?:il )?faut(?:-il)?\b", r"Est-ce que \1\2 suffit, ou faut-il"),
           # (round 43: « Quel niveau d'anglais il faudrait exactement ? », « Quel score il fallait au test ? »,
           # « Comment j'ai fait dans la mise en situation ? »)
           (r"(?i)^((?:quel\w*|combien d[e'])\s?[^?]{2,40}?) (?:il|y) (faut|faudrait|fallait|faudra|aurait fallu)\b",
            lambda m: f"{m.group(1)} " + {"faut": "faut-il", "faudrait": "faudrait-il", "fallait": "fallait-il",
                                          "faudra": "faudra-t-il", "aurait fallu": "aurait-il fallu"}[m.group(2).lower()]),
           (r"(?i)^comment (?:j'ai fait|je m'en suis sorti[\w·]*|j'ai performé|j'ai été|je me suis débrouillé\w*) (?=dans|à|au|aux|en|sur|pendant|lors|durant)",
            "Comment avez-vous trouvé ma prestation "),
           # (round 46: « Est-ce qu'un cours d'anglais intensif ça changerait … ? », « Si c'est uniquement le réseau
           # local, ou aussi la partie billetterie ? », « Est-ce plutôt seulement le statut … »)
           (r"(?i)^(est-ce qu'(?:un|une) [^?]{2,40}?),? ça (\w+)", r"\1 \2"),
           (r"(?i)^si c'est ([^?]{2,60}?,? ou (?:aussi |plutôt |encore )?[^?]{2,60})$", r"Est-ce \1"),
           (r"(?i)\bplutôt seulement\b", "seulement"),
           (r"(?i)^un ([^?]{2,50}?) serait (possible|envisageable|une option|ouvert)\b", r"Un \1 serait-il \2"),
           (r"(?i)^une ([^?]{2,50}?) serait (possible|envisageable|une option|ouverte)\b", r"Une \1 serait-elle \2")],
    "en": [(r"(?i)^how did (?!(?:my|the|your|our|it|i|they|we|you|that|this|he|she)\b)(\w+)", r"how did my \1"),
           (r"(?i)^any ((?:[\w-]+ )?(?:openings|positions|roles|jobs|vacancies|spots|shifts|postings))\b", r"are there any \1"),
           (r"(?i)^any chance\b", "is there any chance"),
           (r"(?i)^(?:any )?(?:specific |particular |more )?feedback on (the|my)\b", r"do you have any feedback on \1"),
           (r"(?i)^apart from ([^,?]{2,40}), anything (about|on|in)\b", r"apart from \1, was there anything \2")],
}


# What the notes ask in reported speech (« À demander : si c'est négociable dans quelques mois et si mon estimation
# était dans la bonne fourchette », « Je veux savoir si c'est la rémunération ou la technique, et comment le test a été
# lu »): each question said directly (round 44's readers: "make the real ones the questions").
# How each reported question opens: « si », a question word, « ce que ».
_REPORTED_OPENS = r"si|s'|comment|quand|combien|où|pourquoi|quel\w*|ce qu\w*|au bout|à partir|à qui|jusqu'à quand|dans quel\w*|est-ce|quoi|sur quoi"
_INDIRECT_SPLIT = re.compile(rf"(?i)\s*(?:\s\+\s|;|,?\s+(?:et|pis|ou)\s+(?=(?:{_REPORTED_OPENS})\b)"
                             r"|,\s+(?=(?:comment|quand|combien|pourquoi|quel\w*|au bout|à partir|à qui|jusqu'à quand)\b))\s*")
# Reported speech that is no question to send as is: a condition on the answer (« si c'est non, … »), a note to self
# (« c'est tout », « sans le brusquer »), a second clause of the candidate's own (« …, j'avais dit que … »).
_INDIRECT_NOT = re.compile(r"(?i)\bsi (?:c'est )?(?:non|oui)\b|c'est tout\b|sans (?:le|la|les) brusquer|,\s*(?:je|j'|moi)\b")
_INDIRECT_TO_DIRECT = [
    (r"(?i)^s'il y a\b", "Y a-t-il"), (r"(?i)^s'il y aura\b", "Y aura-t-il"), (r"(?i)^s'il y aurait\b", "Y aurait-il"),
    (r"(?i)^s'il y avait\b", "Y avait-il"),
    (r"(?i)^si c'est (les|des|mes|vos|ses|ces) (.{2,60}?) qui\b", r"Est-ce que ce sont \1 \2 qui"),
    (r"(?i)^si c'(?:est|était) (.{2,60}?) qui\b", r"Est-ce \1 qui"),
    (r"(?i)^si c'est (.{2,60}?) ou (.{2,60})$", r"Est-ce plutôt \1 ou \2 qui a joué"),  # « si c'est la rémunération ou la technique »
    (r"(?i)^si c'est\b", "Est-ce"), (r"(?i)^si c'était\b", "Était-ce"),
    (r"(?i)^si vous (auriez|pourriez)\b", lambda m: f"{m.group(1).capitalize()}-vous"),  # « si vous auriez un retour … »
    (r"(?i)^s'(ils?)\b", r"Est-ce qu'\1"), (r"(?i)^si (?=[aeiouhéèê])", "Est-ce qu'"), (r"(?i)^si\b", "Est-ce que"),
    # (round 50: « lui demander quoi travailler côté vitesse », « Veux savoir ce qui a fait pencher »)
    (r"(?i)^(?:sur )?quoi travailler\b", "Sur quoi devrais-je travailler"), (r"(?i)^quoi (améliorer|faire|revoir|changer|retravailler)\b", r"Que devrais-je \1"),
    (r"(?i)^ce qui a fait pencher$", "Qu'est-ce qui a fait pencher la balance"),
    (r"(?i)^ce qu'", "Qu'est-ce qu'"), (r"(?i)^ce que\b", "Qu'est-ce que"), (r"(?i)^ce qui\b", "Qu'est-ce qui"),
    # « au bout de combien de temps je peux repostuler » → « … puis-je postuler de nouveau »
    (r"(?i)^((?:au bout de |dans )?combien de temps|à partir de quand|jusqu'à quand|quand|comment|où|pourquoi) je peux\b", r"\1 puis-je"),
    (r"(?i)^((?:au bout de |dans )?combien de temps|à partir de quand|jusqu'à quand|quand|comment|où|pourquoi) on peut\b", r"\1 peut-on"),
    (r"(?i)^(quel\w* [^?]{2,40}?) j'ai (\w+)", r"\1 ai-je \2"),  # « quelle partie des tests j'ai ratée » → « … ai-je ratée »
]
# « Comment le test de personnalité a été lu ? » → « Comment le test de personnalité a-t-il été lu ? » (after the turn to
# the recruiter, which would read « -t-il » as them)
_WH_INVERSION = (r"^(Comment|Pourquoi|Quand|Où) (le|la|un|une|mon|ma|ce|cette) ((?:(?!qui\b|que\b|qu')[^\s,?]+ ){0,5}?)(a|est|était|sera|serait)\b",
                 lambda m: f"{m.group(1)} {m.group(2)} {m.group(3)}{m.group(4)}-{'t-' if m.group(4)[-1] in 'ae' else ''}"
                           f"{'elle' if m.group(2).lower() in ('la', 'une', 'ma', 'cette') else 'il'}")
_INDIRECT_OPENS = re.compile(rf"(?i)^(?:{_REPORTED_OPENS})\b")


def indirect_questions(clause: str, *, recruiter_is: str = "") -> tuple[str, ...]:
    """The questions a French clause in reported speech asks, each said directly to the recruiter; () when one of
    them cannot be said (better the candidate's clause, or a question of ours, than a broken one).

    ``recruiter_is`` « elle » or « il »: the notes say « lui demander », so that pronoun is the recruiter."""
    clause = re.sub(r"(?i)\s*\(\s*(?:j'|je |moi)[^()]*\)", "", clause)  # « (je pourrais déménager en 2027) »: an aside
    clause = re.sub(r"\s+/\s+(?=si\b|s')", " ou ", clause)  # « … en janvier / si je peux … »: two questions
    if _INDIRECT_NOT.search(clause) or re.search(r"(?i)\b(?:confirmer|mentionner|préciser|rappeler|dire) (?:que|qu')", clause):
        return ()  # (« …, et confirmer que je reste intéressée »: a note to self, round 44)
    clause = _ANOTHER_CHANCE.sub(" pour la prochaine fois", clause)
    parts = [p.strip(" ,.;:") for p in _INDIRECT_SPLIT.split(clause.strip()) if p and p.strip(" ,.;:")]
    if not parts or not all(_INDIRECT_OPENS.match(p) or _said_whole(p) != p for p in parts):
        return ()
    asked = []
    for part in parts:
        if recruiter_is:
            part = re.sub(rf"(?i)\b{recruiter_is}\b(?=\s)", "il", part)
        for pattern, direct in _INDIRECT_TO_DIRECT:
            turned = re.sub(pattern, direct, part, count=1)
            if turned != part:
                part = turned
                break
        question = _sendable(part, "fr")
        if not question:
            return ()
        # « Quels logiciels vous utilisez … » → « Quels logiciels utilisez-vous … »
        question = re.sub(r"^(Quel\w*\s+\S+(?:\s+\S+)?)\s+vous\s+(\w+ez)\b", r"\1 \2-vous", question)
        asked.append(re.sub(r"\s{2,}", " ", re.sub(*_WH_INVERSION, question)))
    return tuple(dict.fromkeys(asked))[:3]


# The same for English (round 50: "Want to ask politely if language was a factor and whether I could be considered for
# Mumbai branches", "Ask if they run trainee intakes", "ask what I could've done better + if part-time weekend dispatch
# is open"): each reported question said directly, its auxiliary before its subject.
_EN_WH = r"(?:what|which|how|when|where|why|who|whom|whose)"
_EN_SPLIT = re.compile(rf"(?i)\s*(?:,?\s+(?:and|or)\s+|\s*[+&;]\s*|,\s+)(?=(?:(?:also|honestly|maybe|perhaps)\s+)?(?:if|whether|{_EN_WH}|(?:can|could|would|will|should|do|does|is|are)\s+(?:I|you|we|they|there|he|she)\s)\b)")
_EN_AUX = r"(?:am|is|was|are|were|could|would|can|will|should|might|must|may|has|have|had|did|does|do)"
_EN_CONTRACTED = [(r"(?i)\b(could|would|should|might|must)'ve\b", r"\1 have"), (r"(?i)\b(I|you|we|they|he|she|it)'d\b", r"\1 would"),
                  (r"(?i)\b(I|you|we|they)'re\b", r"\1 are"), (r"(?i)\b(I|you|we|they)'ve\b", r"\1 have"),
                  (r"(?i)\b(I|you|we|they|he|she|it)'ll\b", r"\1 will"), (r"(?i)\bI'm\b", "I am"),
                  (r"(?i)\b(there|it|that|he|she)'s\b", r"\1 is")]
# A subject: a pronoun, or a short noun phrase with no verb of its own ("part-time weekend dispatch", "language").
_EN_NOT_SUBJECT = rf"(?!(?:if|whether|to|for|in|on|at|who|that|{_EN_AUX})\b)"
_EN_SUBJECT = (rf"(?:I|you|we|there|it|this|that|(?:(?:the|a|an|my|your|our|any|some|this|that)\s+)?{_EN_NOT_SUBJECT}[\w'/-]+"
               rf"(?:\s+{_EN_NOT_SUBJECT}[\w'/-]+){{0,4}})")
_EN_PAST = {"did": "do", "went": "go", "got": "get", "made": "make", "came": "come", "saw": "see", "thought": "think",
            "felt": "feel", "took": "take", "gave": "give", "chose": "choose", "knew": "know", "found": "find"}


_EN_ED_BASE = frozenset({"need", "feed", "proceed", "succeed", "exceed", "speed", "breed", "bleed", "plead", "seed", "shed", "embed"})


def indirect_questions_en(clause: str) -> tuple[str, ...]:
    """The questions an English clause in reported speech asks ("if they'd take me on … and whether …"), each said
    directly to the recruiter; () when one of them cannot be said."""
    # (An aside of the candidate's, or one that guesses: "(I reckon …)", "(senior vs staff?)".)
    clause = re.sub(r"(?i)\s*\((?:\s*(?:I |I'm |I've |me\b)[^()]*|[^()]*\?\s*)\)", "", clause).strip(" ,.;:")
    clause = _ANOTHER_CHANCE.sub(" next time", re.sub(r"(?i),?\s*no hard feelings$", "", clause))
    parts = [q.strip(" ,.;:") for p in _EN_SPLIT.split(_as_written(clause, "en")) for q in _two_questions(p.strip(" ,.;:")) if q.strip(" ,.;:")]
    asked = []
    if re.search(r"(?i)\b(?:ask|mention|tell|say|remind)\b|\bif (?:so|not)\b|\bif (?:it's|it is) not\b", clause):
        return ()  # "if it's still open, ask about the timeline, and if it's not me, …": notes to self, not questions
    for part in parts:
        part = re.sub(r"(?i)^(?:(?:and|also|honestly|politely|maybe|perhaps|then)\s+)+", "", part)
        turned = turn_to_recruiter(part, "en")
        question = _direct_en(turned) if turned else ""
        if not question or _note_speak_in(question) or not 3 <= len(question.split()) <= 30:
            return ()
        asked.append(question)
    return tuple(dict.fromkeys(asked))[:3]


def _direct_en(part: str) -> str:
    """One reported English question said directly, or "" when its shape is not one the rules know."""
    for pattern, written in _EN_CONTRACTED:
        part = re.sub(pattern, written, part)
    part = re.sub(r"\s+/\s+|(?<=[^\W\d])/(?=\w)|(?<=\w)/(?=[^\W\d])", " or ", part)  # (not a score: "a 3/5")
    if re.match(rf"(?i){_EN_WH}\b(?:\s+\w+){{0,3}}?\s+{_EN_AUX}\s+(?:I|you|we|it|they|there|this|that|the|my|your|being)\b", part):
        return part[:1].upper() + part[1:] + "?"  # already direct: "what does being on the panel mean in practice"
    if re.match(rf"(?i){_EN_AUX}\s+(?:I|you|we|it|there)\b", part):
        return part[:1].upper() + part[1:] + "?"  # "would you let me come back …": already asked
    if m := re.match(r"(?i)(?:if|whether)\s+(any|any other|another|other)\s+([\w-]+)\b\s*(.*)$", part):
        # "if any other project without BFSI requirement" → "Is there any other project without BFSI requirement?" (round 53)
        quantifier, head, rest = m.groups()
        plural = head.lower().endswith("s") and not head.lower().endswith("ss") or quantifier.lower() == "other"
        return f"{'Are' if plural else 'Is'} there {quantifier.lower()} {head} {rest}".strip() + "?"
    if m := re.match(rf"(?i)(?:if|whether)\s+({_EN_SUBJECT})\s+({_EN_AUX})\b\s*(.*)$", part):
        subject, aux, rest = m.groups()
        if aux.lower() in ("have", "has", "had") and not re.match(r"(?i)(?:\w+(?:ed|en|wn)|been|got|done|made|had|heard|met|seen|found|kept|left|filled|won|begun)\b", rest):
            # "if you have room for an apprentice": « have » the verb, asked with « do »
            aux, rest = {"have": "do", "has": "does", "had": "did"}[aux.lower()], f"have {rest}"
        if subject.lower() == "there":
            return f"{aux.capitalize()} there {rest}".strip() + "?"
        return f"{aux.capitalize()} {subject} {rest}".strip() + "?"
    if (m := re.match(r"(?i)(?:if|whether)\s+((?:the|my|your|a|an)\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s+([a-z]+s)\b\s*(.*)$", part)) \
            and m.group(2).lower() not in ("is", "was", "has", "does", "always", "sometimes", "this") and not m.group(2).lower().endswith("ss"):
        # "whether the fintech experience counts at all" → "Does the fintech experience count at all?"
        verb = m.group(2)
        base = verb[:-3] + "y" if verb.endswith("ies") else verb[:-2] if re.search(r"(?:ch|sh|x|ss|zz)es$", verb) else verb[:-1]
        return f"Does {m.group(1)} {base} {m.group(3)}".strip() + "?"
    if m := re.match(r"(?i)(?:if|whether)\s+(I|you|we)\s+([a-z]+)\b\s*(.*)$", part):
        subject, verb, rest = m.groups()
        if verb.lower() in _EN_PAST:
            return f"Did {subject} {_EN_PAST[verb.lower()]} {rest}".strip() + "?"
        if (re.search(r"ed$", verb) and verb.lower() not in _EN_ED_BASE or re.search(r"(?<![su])s$", verb)
                or verb.lower() in ("not", "ever", "still", "also", "really")):
            return ""  # (a past or a third person the rules cannot turn back; not "need", "discuss", "focus")
        return f"Do {subject} {verb} {rest}".strip() + "?"
    if m := re.match(rf"(?i)({_EN_WH}(?:\s+(?:kind|sort|type|part|parts|area|areas|level|stage|round|skills?|much|many|long|often|else)\b(?:\s+of)?"
                     rf"(?:\s+(?!(?:I|you|we|they|he|she|it|there)\b)[\w&'/-]+){{0,3}})?)\s+(I|you|we|they|it|there|the \w+(?: \w+)?)\s+({_EN_AUX})\b\s*(.*)$", part):
        wh, subject, aux, rest = m.groups()
        if aux.lower() == "did" and re.match(r"(?i)(?:\w+ly|in|on|at|with|during|for|wrong|well|better|right|there|that|it)?\b", rest) and (
                not rest or re.match(r"(?i)(?:\w+ly|in|on|at|with|during|for|wrong|well|better|right|there|that|it)\b", rest)):
            rest = f"do {rest}"  # "how I did on the fault finding": « did » the verb, not its auxiliary
        elif aux.lower() in ("had", "has", "have", "do", "does") and not re.match(r"\w+(?:ed|en|n)\b|been\b|to\b", rest):
            return ""
        return f"{wh[:1].upper()}{wh[1:]} {aux} {subject} {rest}".strip() + "?"
    if m := re.match(rf"(?i)({_EN_WH})\s+(I|you|we)\s+([a-z]+)\b\s*(.*)$", part):
        wh, subject, verb, rest = m.groups()
        if verb.lower() in _EN_PAST:
            return f"{wh.capitalize()} did {subject} {_EN_PAST[verb.lower()]} {rest}".strip() + "?"
    if m := re.match(rf"(?i)({_EN_WH}(?:\s+[\w'-]+){{0,3}}?)\s+to\s+([a-z]+\b.*)$", part):
        return f"{m.group(1)[:1].upper()}{m.group(1)[1:]} should I {m.group(2)}?"  # "which specific areas to improve"
    if re.match(r"(?i)any\b", part):  # "any other openings in Pune": the notes' own shorthand, asked
        return _sendable(part, "en")
    if (m := re.match(r"(?i)about ((?:the|my) [^?]{2,60})$", part)) and not re.search(
            r"(?i)\b(?:openings?|roles?|positions?|jobs?|shifts?|vacanc\w+|pool|list|timeline|salary|pay|contract|intakes?)\b", part):
        return f"Do you have any feedback on {m.group(1)}?"  # "ask about the logframe": the moment the feedback is on
    if re.match(rf"(?i)(?:what|who)\s+(?:{_EN_AUX}|\w+ed|{'|'.join(_EN_PAST)})\b", part):
        return part[:1].upper() + part[1:] + "?"  # "what tipped it": the question word is the subject
    if re.match(rf"(?i){_EN_WH}\b", part) and re.search(r"(?i)\b(?:did|was|were|had|made|got|went|\w+ed)\b", part):
        return f"Could you tell me {part}?"  # "what the strongest candidate did differently": asked as it was noted
    return ""


def _said_whole(text: str) -> str:
    """A note's verbless question (French) made a sentence, or the text unchanged."""
    for pattern, replacement in _VERBLESS:
        turned = re.sub(pattern, replacement, text, count=1)
        if turned != text:
            for pattern2, replacement2 in _WORDING:
                turned = re.sub(pattern2, replacement2, turned)
            return turned
    return text


# « si j'ai une autre chance », "if I get another shot": a plea; the question asks for next time (round 51)
_ANOTHER_CHANCE = re.compile(r"(?i)\s+(?:si j'ai|si j'avais|si on me donne) une (?:autre|deuxième|seconde|nouvelle) chance\b|"
                             r"\s+if I (?:get|got|had|have) (?:another|a second) (?:chance|shot|go)\b")


_FR_MONTH_SHORT = {"janv": "janvier", "févr": "février", "fév": "février", "avr": "avril", "juil": "juillet", "sept": "septembre",
                   "oct": "octobre", "nov": "novembre", "déc": "décembre"}


def months_written_fr(text: str) -> str:
    """« en nov », « le 29 sept » written « en novembre », « le 29 septembre » (round 54); a name is left as typed."""
    return re.sub(r"(?i)(\ben |\d )(" + "|".join(_FR_MONTH_SHORT) + r")\.?(?=[\s,;:!?)]|$)",
                  lambda m: m.group(1) + _FR_MONTH_SHORT[m.group(2).lower()], text)


def _sendable(text: str, lang: str) -> str:
    text = re.sub(r"^(?:and|also|et|aussi|puis)\s+", "", text.strip(" ,;:-–—"), flags=re.IGNORECASE)
    text = _ANOTHER_CHANCE.sub(" next time" if lang == "en" else " pour la prochaine fois", text)
    if lang == "en":
        text = re.sub(r"\s+/\s+", " or ", text)  # "an eligibility list / casual pool": one or the other
    text = _as_written(re.sub(r"\s{2,}", " ", text), lang)  # "hrs/week" is "hours a week", not "hrs or week"
    if lang != "en":
        text = months_written_fr(text)
    if lang != "en":  # « j'ai pas de formation » → « je n'ai pas de formation »: a message writes the « ne »
        text = re.sub(r"(?i)\bj'ai pas\b", "je n'ai pas", re.sub(r"(?i)\bje suis pas\b", "je ne suis pas", re.sub(r"(?i)\bc'est pas\b", "ce n'est pas", text)))
    else:
        text = re.sub(r"(?i)\bin next (?=\d|few|couple)", "in the next ", text)  # "any openings in next 3 months"
    # « la banque de candidatures = est-ce que je serais rappelée ? », "talent pool -> would I be called?": the note's
    # topic, then its question (round 48) → « Concernant la banque de candidatures, est-ce que je serais rappelée ? »
    if topic := re.match(r"(?i)^((?:la|le|les|l'|mon|ma|mes|votre|vos|the|my|your)\b[^=?→]{2,50}?)\s*(?:=|→|->)\s*"
                         r"(?=(?:est-ce|y a|comment|quand|combien|pourquoi|qu'est-ce|is|are|do|does|would|will|can|could|how|when|what)\b)", text):
        asked = _sendable(text[topic.end():], lang)
        about = topic.group(1)[:1].lower() + topic.group(1)[1:]
        if not asked or len(about.split()) + len(asked.split()) > 30:
            return ""
        return f"{'About' if lang == 'en' else 'Concernant'} {about}, {asked[:1].lower() + asked[1:]}"
    for pattern, asked in _SPOKEN_TO_ASKED[lang]:
        text = re.sub(pattern, asked, text)
    # « si je déménage à Angers en mars ça change qq chose », "if I retake it in June would that change anything": the
    # condition, then the question it asks (round 52)
    text = re.sub(r"(?i)^si (.{4,80}?),?\s+(?:est-ce que\s+)?(?:ça|ca|cela)\s+(?:change|changerait|changera)\w*\s+(?:quelque chose|quelques chose|qq chose|qqch|de quoi)$",
                  r"Si \1, est-ce que ça changerait quelque chose", text)
    text = re.sub(r"(?i)^if (.{4,80}?),?\s+(?:would|will|does|could) (?:that|it) (?:change|make a difference to) anything$",
                  r"If \1, would that change anything", text)
    # "Waiting period before reapplying?": the notes' noun, asked (round 52)
    text = re.sub(r"(?i)^(?:the |a |any )?(?:waiting|cooling-off|stand-down) period (?:before|to) (?:re-?applying|re-?apply|applying again)$",
                  "Is there a waiting period before I can apply again", text)
    if lang == "en":  # "where you DO sponsor": the notes' emphasis, not the letter's
        text = re.sub(r"\b(DO|DOES|DID|NOT|IS|ARE|REALLY|ALL|ANY|NEVER|EVER|ONLY)\b", lambda m: m.group(1).lower(), text)
    if lang != "en":
        text = _said_whole(text)
        if re.match(r"(?i)combien d", text) and not re.search(r"(?i)\b(?:vous|ils?|elles?|on|je|j')\b|-(?:vous|il|on|t-il)\b", text):
            return ""  # « Combien d'heures par semaine sur la liste ? »: no verb, nothing a letter can send
    if _NOTE_SPEAK.search(text) or not 4 <= len(text.split()) <= 30 or not _OPENS[lang].search(text):
        return ""
    if lang == "en" and re.match(r"(?i)any(?:thing|one)?\b", text) and not re.search(r"(?i)\b(?:I|should|could|would|is|are|was|were|do|did|can|need)\b", text):
        return ""  # "Anything else besides SVOP?": a note's fragment, not a question to send
    turned = turn_to_recruiter(text, lang)
    if turned is None:
        return ""
    # (Not inside a name: « PSS/E », "A/B", round 51's « PSS ou E »)
    turned = re.sub(r"(?<![A-Z0-9])/|/(?![A-Z0-9])", " or " if lang == "en" else " ou ", turned)
    if lang == "en":
        # "if I'm certified by March would you…": the if-clause ends before the question.
        # (The question's own verb comes before its subject: "…45 days will you reconsider", not "if I can get".)
        turned = re.sub(r"(?i)^(if\b[^,]+?)\s+((?:would|could|will|can|is|are|do|does|should|might)\s(?:you|I|we|they|it|there|he|she|that|this)\b)",
                        r"\1, \2", turned)
        turned = re.sub(r"\bok$", "OK", turned)
        # asking to be considered again, not to reverse the decision (round 39: "…will you reconsider?")
        turned = re.sub(r"(?i)\b(?:will|would|can|could) you reconsider(?: me| my application| it)?$", "would you consider me again", turned)
        # "Was it the scenario?": what « it » is asked of, said (round 50's reader: "HR can't tell what 'it' refers to")
        turned = re.sub(r"(?i)^(was it (?:the|my) (?:(?!that\b|which\b|who\b)[^?\s]+ ?){1,6})$", r"\1 that made the difference", turned.rstrip())
        return turned[0].upper() + turned[1:] + "?"
    # « si je change mes disponibilités est-ce qu'on peut me recontacter » (round 39): the si-clause ends before the
    # question, and « on » there is the organisation asked.
    turned = re.sub(r"(?i)^(si\b[^,]+?)\s+(est-ce\b|y a-t-il\b|peut-on\b|pourr\w+-\w+\b|puis-je\b)", r"\1, \2", turned)
    turned = re.sub(r"(?<=, )est-ce qu'on peut (?=m'|me\b)", "pourriez-vous ", turned)
    turned = re.sub(r"(?<=, )est-ce qu'on peut\b", "pourrions-nous", turned)
    # « Est-ce que c'est le DEP ou le simulateur ? »: what « c' » is asked of, said (round 50: "HR can't tell what
    # « c' » refers to")
    turned = re.sub(r"(?i)^(?:est-ce que c'est|est-ce|c'est) ((?:le|la|les|l'|mon|ma|mes)\s?(?:(?!qui\b|que\b|qu')[^?\s]+ ?){1,6})$",
                    lambda m: f"Est-ce {m.group(1).rstrip()} qui a fait la différence", turned.rstrip())
    turned = re.sub(r"(?i)^(combien d[e'][^?]{2,40}?|quel\w*\s+\S+(?:\s+\S+)?) vous (\w+ez)\b", r"\1 \2-vous", turned)  # « combien d'expérience attendez-vous », « quel score attendez-vous »
    return turned[0].upper() + turned[1:] + " ?"


# A question about where the process stands (« Est-ce que le poste est encore ouvert ? », "Has a decision been made?"):
# a follow-up already asks it.
_STATUS = re.compile(r"(?i)\b(?:décision|decision|encore ouvert|toujours ouvert|toujours en cours|où en est|still open|"
                     r"timeline|status|still (?:being )?considered|still in the running|toujours dans la course)\b")
# « Si oui, … », "If so, …", "if it's not me, …": a condition on the decision, which a follow-up says itself.
_IF_DECIDED = re.compile(r"(?i)^(?:si oui|si non|si c'est non|si c'est le cas|if so|if not(?: me)?|if it's not me|if it's a no),\s*")


def asks_status(question: str) -> bool:
    return bool(_STATUS.search(question))


def past_the_decision(question: str) -> str:
    """An own question without its condition on the decision (« Si oui, qu'est-ce qui manquait ? » → « Qu'est-ce
    qui manquait ? »): the follow-up's sentence before it already says « si ma candidature n'a pas été retenue »."""
    rest = _IF_DECIDED.sub("", question)
    return rest[:1].upper() + rest[1:]


# The candidate's news since the interview, told in the notes without a label (« Je fais la formation loi ALUR ce
# mois-ci », "I'm writing my Class 1 exam in Jan.", "I finish my RTPI-accredited MSc in Feb."): a credential, a course
# or a change of availability, with when. Readers of round 32 found it left out of 13 drafts of 48, often the very
# answer to the reason given.
_NEWS_WHAT = {
    "en": re.compile(r"(?i)\b(?:licen[cs]e|certif\w*|course|classes|exam|degree|MSc|BSc|MBA|diploma|training|first aid|WHMIS|"
                     r"qualification|ticket|lectures|semester|available|availability|rotations?|weekends|Saturdays|Sundays|nights|evenings|"
                     r"enrolled|registered|booked)\b"),
    "fr": re.compile(r"(?i)\b(?:permis|certif\w*|cours|formation|examen|diplôme|DEP|DEC|AEC|BTS|CAP|BPJEPS|CACES|recyclage|carte|"
                     r"licence|master|attestation|disponible|samedis|dimanches|fins de semaine|week-ends|soirs|nuits|"
                     # (round 48: « Je suis inscrit au DU d'IRM à Montpellier, de janvier à juin 2027. »)
                     r"inscrite?|DU|habilitation|session|rotatif|quarts?)\b"),
}
_NEWS_WHEN = {
    "en": re.compile(r"(?i)\b(?:since|last (?:week|month)|this (?:week|month)|next (?:week|month)|(?:in|by|from|starting|as of) "
                     r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*|from then|came through|arrived|just (?:finished|completed|passed|got))\b"),
    "fr": re.compile(r"(?i)\b(?:depuis|entre-temps|la semaine (?:passée|dernière)|ce mois-ci|le mois (?:passé|dernier|prochain)|"
                     r"(?:en|dès|à partir de|d'ici|début|fin) (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|"
                     r"prévu le|vient de|viens de|(?:à|dès) l'(?:automne|hiver|été)|au printemps|cet (?:automne|hiver|été)|ce printemps|"
                     r"(?:de|du \d{1,2}(?: au \d{1,2})?|le \d{1,2}) (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre))\b"),
}
_NEWS_START = {"en": re.compile(r"^(?:I\b|I'm\b|I've\b|I'll\b|My\b)"), "fr": re.compile(r"(?i)^(?:je\b|j'|mon\b|ma\b|mes\b)")}
# Not news: what was said before, a feeling, a guess, the interview itself.
# « J'ai ma carte de compagnon depuis 2022 »: held for years, not news since the interview (round 53).
_HELD_SINCE = r"\b(?:depuis|since)\s+(?:\d{4}|des années|plusieurs|longtemps|toujours|years|ages|\d+\s+(?:ans|years))"
_HELD_FOR_YEARS = re.compile(rf"(?i){_HELD_SINCE}")
_NOT_NEWS = re.compile(r"(?i)\b(?:had|avais|avait|said|dit|think|feel|felt|pense|crois|hope|espère|guess|worried|stressé\w*|"
                       r"interview|entrevue|entretien|panel|jury|test|asked|demandé|expir\w*|échu\w*|lapsed|obligatoire|required|"
                       r"pas|not|never|jamais|no|demander|savoir si|ask|wonder)\b|n't\b|[?–—]|" + _HELD_SINCE)
_MONTHS_EN = {"jan": "January", "feb": "February", "mar": "March", "apr": "April", "jun": "June", "jul": "July", "aug": "August",
              "sep": "September", "sept": "September", "oct": "October", "nov": "November", "dec": "December"}
_DAYS_EN = {"mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "thur": "Thursday",
            "thurs": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}


def _months_written_en(text: str) -> str:
    """English month abbreviations written out anywhere ("booked for Oct 2026" → "October 2026")."""
    return re.sub(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?", lambda m: _MONTHS_EN[m.group(1).lower()], text)


def _note_speak_in(text: str) -> bool:
    """Whether ``text`` still has note-speak, a name such as « M&E » or "Q&A" aside (its « & » is no note's)."""
    return bool(_NOTE_SPEAK.search(re.sub(r"\b[A-Z]&[A-Z]\b", "", text)))


def _spelled_out(text: str, lang: str) -> str:
    """Month and weekday abbreviations written out ("in Feb" → "in February", "Tue/Thu" → "Tuesday and Thursday")."""
    if lang != "en":
        return text
    text = re.sub(r"\b(" + "|".join(_DAYS_EN) + r")/(" + "|".join(_DAYS_EN) + r")\b",
                  lambda m: f"{_DAYS_EN[m.group(1).lower()]} and {_DAYS_EN[m.group(2).lower()]}", text, flags=re.I)
    text = re.sub(r"\b(" + "|".join(_MONTHS_EN) + r")\.? (\d{1,2})\b", lambda m: f"{_MONTHS_EN[m.group(1).lower()]} {m.group(2)}",
                  text, flags=re.I)  # "Jan 4" → "January 4"
    return re.sub(r"(?i)\b(in|by|from|starting|since|early|late|mid-?|after|before|until|till|over|end of)\s?(" + "|".join(_MONTHS_EN) + r")\b\.?",
                  lambda m: f"{m.group(1)} {_MONTHS_EN[m.group(2).lower()]}", text)


def _as_written(text: str, lang: str) -> str:
    """The notes' words as a message writes them: note-speak written out (« dispo », "w/"), then months and weekdays."""
    return _spelled_out(written_out(text, lang), lang)


def news_since(notes: str, lang: str) -> str:
    """The candidate's news since the interview, told in the notes without a label, in the first person, or ""."""
    lang = "en" if lang == "en" else "fr"
    # « … en ligne (niveau 1) la semaine passée → à dire »: the aside and the label after the arrow are the notes'.
    notes = re.sub(r"\s*\((?!moi\b|me\b|perso\b)[^()\n]{1,40}\)(?=[^\n]*\w)", "", notes)
    notes = re.sub(r"(?i)\s*(?:→|->|=>)\s*(?:à\s+|to\s+)?(?:dire|mentionner|préciser|say|mention)\b[ .!]*", ". ", notes)
    # (« la qualif. eau de surface »: its abbreviation's full stop is no sentence's end; what follows an arrow is
    # another note: « … à l'automne → demander si … ».)
    notes = written_out(notes, lang)
    for raw in re.split(r"(?<=[.!?])\s+|\n|!!+|\s\(|\)|\s*(?:→|->|=>)\s*", notes):
        # What follows a comma is usually another note (« …depuis juin, stage chez Uniprix », « …, je veux qu'il le
        # sache »): the news ends there, unless « et » goes on with it.
        # (Nor a time that says when: « …à Montpellier, de janvier à juin 2027 ».)
        sentence = re.split(r",\s+(?!(?:et|and|mais|but|de|du|dès|en|from|in|starting)\s)", raw.strip(" .!;,"))[0]
        if not _NEWS_START[lang].match(sentence) or _NOT_NEWS.search(sentence) or ":" in sentence:
            continue
        if not (_NEWS_WHAT[lang].search(sentence) and _NEWS_WHEN[lang].search(sentence)):
            continue
        sentence = _spelled_out(sentence, lang)  # (the note-speak is already written out, above)
        if _NOTE_SPEAK.search(sentence) or not 4 <= len(sentence.split()) <= 22:
            continue
        sentence = re.sub(r"(?i)\s+(?:depuis|since)$", "", sentence)  # « j'ai commencé des cours … depuis »: since the interview
        # Said after « que » / "that": lower case, the pronoun « je » kept; "I" stays capital.
        return sentence if lang == "en" and re.match(r"I\b|I'", sentence) else sentence[:1].lower() + sentence[1:]
    return ""


# The candidate's news written as a note's fragment (round 48: most news came so), and the sentence that says it.
_MASCULINE_NEWS = frozenset({"cours", "examen", "stage", "test", "permis", "recyclage"})
_FR_MONTH = r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
_EN_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_FRAGMENTS = {
    "fr": [
        # « Formation SS4 amiante prévue en janvier » → « ma formation SS4 amiante est prévue en janvier »
        # (« Cours … prévu en mars » → « mon cours … est prévu en mars »: the noun gives the gender.)
        (re.compile(rf"(?i)^(formation|session|certification|habilitation|attestation|évaluation|cours|examen|stage|test|permis)"
                    rf"\s+((?:(?!\bet\b|\bpuis\b|\+)[^,.:;()]){{2,50}}?)\s+prévue?\s+((?:en|le|du|début|fin|à la mi-|mi-)\s*[^,.:;()]*{_FR_MONTH}[^,.:;()]*)"),
         lambda m: (f"mon {m.group(1).lower()} {m.group(2)} est prévu {m.group(3)}" if m.group(1).lower() in _MASCULINE_NEWS
                    else f"ma {m.group(1).lower()} {m.group(2)} est prévue {m.group(3)}")),
        # « PMP obtenu en août » → « j'ai obtenu le PMP en août »
        (re.compile(rf"^([A-Z][A-Z0-9]{{1,9}}(?:\s[A-Z0-9]{{1,5}})?)\s+(?:obtenu|réussi)e?\s+((?:en|le|début|fin)\s[^,.:;()]*{_FR_MONTH}[^,.:;()]*)"),
         lambda m: f"j'ai obtenu le {m.group(1)} {m.group(2)}"),
        # « CISSP en préparation, examen le 15 janvier » → « je prépare le CISSP, avec un examen le 15 janvier »
        (re.compile(rf"^([A-Z][A-Z0-9]{{1,9}})\s+en\s+(?:préparation|cours)\s*,\s*examen\s+((?:le|en|début|fin)\s[^,.:;()]*{_FR_MONTH}[^,.:;()]*)"),
         lambda m: f"je prépare le {m.group(1)}, avec un examen {m.group(2)}"),
        # « Préavis : 3 mois (cadre), mais mon employeur accepte 6 semaines » → « mon préavis est de 3 mois, mais mon
        # employeur accepte de le ramener à 6 semaines »
        (re.compile(r"(?i)^préavis\s*:?\s*(?:de\s+)?(\S+\s+(?:mois|semaines?))[^,]*,\s*mais\s+(mon\s+(?:employeur|boss|patron|gestionnaire)|ma\s+(?:gestionnaire|patronne))"
                    r"\s+(?:accepte|est\s+(?:ok|d'accord|disponible)\s+pour)\s+(\S+\s+(?:mois|semaines?))"),
         lambda m: f"mon préavis est de {m.group(1)}, mais {m.group(2).replace('boss', 'employeur')} accepte de le ramener à {m.group(3)}"),
    ],
    "en": [
        # "ACLS course booked 12-13 Dec at …" → "my ACLS course is booked for 12-13 December at …"
        (re.compile(rf"(?i)^([\w()/-]+(?:\s[\w()/-]+){{0,3}}\s(?:course|exam|test|retest|module|training|assessment))\s+(?:is\s+)?(?:booked|scheduled)"
                    rf"\s+(?:for\s+)?([^,+;()]*?\b{_EN_MONTH}(?:\s\d{{4}})?)"),
         lambda m: f"my {re.sub(r'(?i)^my ', '', m.group(1))} is booked for {m.group(2)}"),
        # "Already booked a retest for Feb" → "I've already booked a retest for February"
        (re.compile(rf"(?i)^already\s+(booked|enrolled in|registered for|signed up for)\s+([^,+;()]*?\b{_EN_MONTH}(?:\s\d{{4}})?)"),
         lambda m: f"I've already {m.group(1).lower()} {m.group(2)}"),
        # "Notice is 4 wks, could do 2" → "my notice period is 4 weeks, but I could make it 2"
        (re.compile(r"(?i)^notice(?:\s+period)?\s*(?:is|:)\s*(\d+\s+(?:weeks|months))\s*,?\s*(?:but\s+)?(?:I\s+)?(?:could|can)\s+(?:do|make it)\s+(\d+)(\s+(?:weeks|months))?"),
         lambda m: f"my notice period is {m.group(1)}, but I could make it {m.group(2)}{m.group(3) or ' ' + m.group(1).split()[1]}"),
    ],
}


_DONE_VERB_FR = {"obten": "obtenu", "réuss": "réussi", "pass": "passé", "valid": "validé", "reç": "reçu", "fait": "suivi", "termin": "terminé", "fini": "fini"}
_FEMININE_NEWS = ("certif", "formation", "habilitation", "attestation", "carte", "licence")


def _done_fragment_fr(m: re.Match[str]) -> str:
    """« certif AWS Developer Associate obtenue le 14 » → « j'ai obtenu la certification AWS Developer Associate le 14 »."""
    noun = re.sub(r"(?i)^certif(?:ication)?\.?(?=\s|$)", "certification", m.group(1).strip())
    verb = next(said for stem, said in _DONE_VERB_FR.items() if m.group(2).lower().startswith(stem))
    article = ("l'" if noun[:1].lower() in "aeéèiou" else "la " if noun.lower().startswith(_FEMININE_NEWS) else "le ")
    tail = f" {m.group(3).strip()}" if m.group(3).strip() else ""
    score = f", avec un score de {m.group(4).strip()}" if m.group(4) else ""
    return f"j'ai {verb} {article}{noun}{tail}{score}"


def _done_fragment_en(m: re.Match[str]) -> str:
    """"cleared ISTQB Advanced last week" → "I cleared ISTQB Advanced last week"; with no time, "I've …"."""
    verb, what = m.group(1).lower(), m.group(2).strip()
    timed = re.search(rf"(?i)\b(?:last|this|yesterday|ago|on \d|{_EN_MONTH})", what)
    if timed or verb == "sat":
        said = f"I {verb} {what}"
    else:
        said = "I've " + {"did": "done", "got": "got", "sat": "sat", "cleared": "cleared", "earned": "earned", "obtained": "obtained",
                          "received": "received", "achieved": "achieved"}[verb] + f" {what}"
    return said + (" and passed" if m.group(3) else "")


# News the notes set under a label (« Depuis : inscrite à Excel intermédiaire … », "Since: CKA exam booked for Dec 6"):
# round 50's writer gave 7 of 48 requests so, and the drafts told none of it (readers: "the news is the whole point").
_NEWS_LABEL = re.compile(r"(?im)^\s*(?:depuis(?: l'entre(?:vue|tien))?|entre-temps|since(?: then| the interview)?|update|meanwhile)\s*:\s*(.+)$")
_FR_DATE_TAIL = rf"(?:(?:le|en|début|fin|mi-|à partir de|dès|du)\s*[^,.:;()+]*?{_FR_MONTH})"
# What a note says was done, with no subject (« fini mon cours … », « certif AWS obtenue le 14 », "cleared ISTQB … last
# week"): news under a « Depuis : » label only (unlabelled, « TOEIC passé en janvier : 780 » is what came before).
_DONE_FRAGMENTS = {
    "fr": [
        # (round 53) « fini mon cours Excel intermédiaire au cégep », « réussi le TOEIC » → « j'ai fini mon cours … »
        (re.compile(r"(?i)^(fini|terminé|complété|réussi|obtenu|passé|suivi|validé|décroché|reçu)\s+((?:le|la|les|l'|mon|ma|mes|un|une|des)\b\s*[^,.:;()+!?]{2,80})"),
         lambda m: f"j'ai {m.group(1).lower()} {m.group(2).strip()}"),
        # « inscription au cours d'anglais intensif du soir » (no gender to agree with): « j'ai fait mon inscription … »
        (re.compile(r"(?i)^inscription\s+((?:à|au|aux|en)\s+[^,.:;()+]{3,80})"), lambda m: f"j'ai fait mon inscription {m.group(1).strip()}"),
        # « certif AWS Developer Associate obtenue le 14 », « TOEIC passé le 3/10 → 905 », « formation faite le 23 août »
        (re.compile(r"(?i)^((?:certif(?:ication)?\.?|formation|habilitation|attestation|carte|licence|cours|permis|diplôme|examen|test|module|MOOC)\b[^,.:;()+]{0,60}?|"
                    r"(?-i:[A-Z][A-Z0-9]{1,9}\b)(?:\s(?-i:[A-Z0-9][\w-]*)){0,4})\s+"
                    r"(obtenue?s?|réussie?s?|passée?s?|validée?s?|reçue?s?|faite?s?|terminée?s?|finie?s?)\b\s*([^,.:;()+→]*)(?:→\s*(\d[\d ]*))?"),
         _done_fragment_fr),
    ],
    "en": [
        # (round 53) "cleared ISTQB Advanced … last week", "did the SMSTS 5-day course, passed 17 Sept"
        (re.compile(r"(?i)^(did|cleared|got|earned|obtained|sat|received|achieved)\s+((?:(?!\band\b)[^,.:;()+!?]){3,70})(,\s*passed\b)?"),
         _done_fragment_en),
    ],
}
_LABELLED = {
    "fr": [
        # « inscrite à Excel intermédiaire au centre de formation continue, début 3 nov. » → « je me suis inscrite à … »
        (re.compile(r"(?i)^(inscrite?s?)\s+((?:à|au|aux|en)\s+(?:(?!\bet\b)[^,.:;()+]){3,70})"),
         lambda m: f"je me suis {m.group(1).lower()} {m.group(2).strip()}"),
        # « révisions pour la certif Microsoft MD-102, examen réservé le 15 décembre » → « je prépare la certification
        # Microsoft MD-102, avec un examen le 15 décembre »
        (re.compile(rf"(?i)^(?:révisions?|préparation)\s+(?:pour|de|du)\s+(?:la\s+|le\s+|l')?(?:certif(?:ication)?\.?\s+)?([^,.:;()+]{{2,40}}?),\s*examen\s+(?:réservé|prévu|fixé)?\s*({_FR_DATE_TAIL})"),
         lambda m: f"je prépare la certification {m.group(1).strip()}, avec un examen {m.group(2).strip()}"),
        # « formation CACES R489 cat. 5 réservée à l'AFPA, session du 16 au 18 décembre » → « j'ai réservé une formation
        # CACES R489 catégorie 5 à l'AFPA, du 16 au 18 décembre »
        (re.compile(rf"(?i)^(formation|cours|stage)\s+([^,:;()+]{{2,50}}?)\s+réservée?s?\s*([^,:;()+]{{0,30}}?)\s*,\s*(?:session\s+)?({_FR_DATE_TAIL})"),
         lambda m: f"j'ai réservé {'une' if m.group(1).lower() == 'formation' else 'un'} {m.group(1).lower()} {m.group(2).strip()}"
                   f"{(' ' + m.group(3).strip()) if m.group(3).strip() else ''}, {m.group(4).strip()}"),
        # « cours d'anglais des affaires 2x/semaine (CPF), TOEIC prévu le 9 janvier » → « je suis des cours d'anglais des
        # affaires, et je passe le TOEIC le 9 janvier »; « cours du soir … à partir de janvier » → « je suivrai des cours … »
        (re.compile(rf"(?i)^cours\s+((?:du soir\s+)?(?:d'|de\s+)(?:(?!\bet\b)[^,.:;()+]){{2,50}}?)(\s+(?:à partir de|dès)\s+(?:(?!\bet\b)[^,.:;()+])+?)?\s*(?:(?:,|\+|\bet\b)\s*(?:(?:je vise|visé)\s+le\s+|)([A-Z][A-Z0-9-]{{1,9}})\s+(?:prévu\s+|visé\s+)?({_FR_DATE_TAIL}))?\s*$"),
         lambda m: (f"je suivrai des cours {m.group(1).strip()}{m.group(2)}" if m.group(2) else f"je suis des cours {m.group(1).strip()}")
                   + (f", et je passe le {m.group(3)} {m.group(4).strip()}" if m.group(3) else "")),
    ],
    "en": [
        # "CKA exam booked for Dec 6" → "my CKA exam is booked for December 6"
        (re.compile(rf"(?i)^([\w&/-]+(?:\s[\w&/-]+){{0,3}}\s(?:course|exam|test|retest|module|training|assessment))\s+(?:is\s+)?(?:booked|scheduled)"
                    rf"\s+(?:for\s+)?((?:{_EN_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?!\d)|\d{{1,2}}(?:st|nd|rd|th)?\s{_EN_MONTH}|{_EN_MONTH})(?:,?\s\d{{4}})?)"),
         lambda m: f"my {re.sub(r'(?i)^my ', '', m.group(1))} is booked for {m.group(2)}"),
        # "enrolled in an online M&E short course (starts mid-Nov)" → "I've enrolled in an online M&E short course"
        (re.compile(r"(?i)^(enrolled in|signed up for|registered for|booked|started|begun|completed|passed|finished)\s+((?:(?!\band\b)[^,.:;()+]){3,70})"),
         lambda m: f"I've {m.group(1).lower()} {m.group(2).strip()}"),
    ],
}


def labelled_news(notes: str, lang: str) -> str:
    """The news the notes set under « Depuis : », "Since:", as the candidate's own clause, or "" in a shape not read."""
    lang = "en" if lang == "en" else "fr"
    for match in _NEWS_LABEL.finditer(notes):
        line = written_out(re.sub(r"\s*\([^()\n]{1,60}\)", "", match.group(1)), lang).strip(" .!;-–—")
        # (« cat. 5 »: an abbreviation's full stop is no sentence's end; « 2x/sem. » is note-speak)
        line = re.sub(r"(?i)\bcat\.\s*(?=\d)", "catégorie " if lang == "fr" else "category ", line)
        line = re.sub(r"(?i)\s*\b(\d)\s*x\s*/\s*sem\w*\.?", lambda m: " " + {"1": "une", "2": "deux", "3": "trois"}.get(m.group(1), m.group(1)) + " fois par semaine", line)
        line = re.sub(r"(?i)\s*\b(\d)\s*x\s*/\s*(?:wk|week)\b", lambda m: f" {m.group(1)} times a week", line)
        if told := _told_by(line, [*_DONE_FRAGMENTS[lang], *_LABELLED[lang]], lang, names_with_ampersand=True):  # (« M&E » is a name)
            return told
    return ""


def _told_by(sentence: str, patterns: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]], lang: str, *,
             names_with_ampersand: bool = False) -> str:
    """``sentence`` told by the first of ``patterns`` that reads it, months spelt out in English, or "" when none does
    or what it tells is still note-speak or of no sentence's length."""
    for pattern, said in patterns:
        if match := pattern.match(sentence):
            told = re.sub(r"\s{2,}", " ", said(match)).strip(" ,")
            if lang == "en":  # "Dec" → "December"
                told = _months_written_en(told)
            spoken = _note_speak_in(told) if names_with_ampersand else _NOTE_SPEAK.search(told)
            if not spoken and 4 <= len(told.split()) <= 25:
                return told
    return ""


def news_fragment(notes: str, lang: str) -> str:
    """The candidate's news told in a note's fragment (« Formation SS4 amiante prévue en janvier », "ACLS course booked
    12-13 Dec", "Notice is 4 wks, could do 2"), as the candidate's own sentence, or ""."""
    lang = "en" if lang == "en" else "fr"
    notes = written_out(re.sub(r"\s*\([^()\n]{1,60}\)", "", notes), lang)  # (the asides are the notes')
    for raw in re.split(r"(?<=[.!?])\s+|\n|\s\+\s", notes):
        sentence = re.sub(r"(?i)^(?:mention|à mentionner|à dire|depuis)\s*:\s*", "", raw.strip(" .!;-–—"))
        if told := _told_by(sentence, _FRAGMENTS[lang], lang):
            return told
    return ""


# The news since the interview in any shape round 51's notes gave it (« Depuis : examen CFA niveau II réservé pour le 22
# août », « Depuis l'entrevue je me suis inscrit au cours de conduite de classe 3 (début le 2 juin) », « Je passe l'AMF
# le 14 avril », « Inscrit à l'école IBODE de Toulouse pour sept. », "Since then I've booked the MSK injection therapy
# course for November", "Sitting A213 in June", "RPP exam booked for Oct 2026", "Update: my company has agreed to release
# me in 45 days"): readers found it left out of 27 of 48 drafts.
_SINCE_LABEL = re.compile(r"(?i)^(?:depuis(?:\s+l'entre(?:vue|tien))?|entre-temps|ma situation a changé|bonne nouvelle|nouveau|"
                          r"since(?: then| the interview)?|update|meanwhile|good news|news)\s*[:,]?\s+")
_NEWS_ACT = {
    "fr": re.compile(r"(?i)^(?:je me suis inscrite?|je suis inscrite?|j'ai réservé|j'ai commencé|je commence|j'ai passé|je passe|je repasse|"
                     r"j'ai réussi|j'ai obtenu|je prépare|je suivrai|je suis|je serai disponible|je suis disponible|je peux (?:commencer|déménager|bouger)|"
                     r"je finis|je termine|mon (?:contrat|préavis|employeur)|j'ai déménagé|j'ai (?:maintenant )?(?:ma|mon) (?:carte|permis|certificat|diplôme|attestation|licence)|je peux (?:faire|travailler) (?:le |les )?(?:rotatif|nuits?|soirs?|fins? de semaine|week-ends?)|"
                     r"mes (?:fins de semaine|week-ends|soirées|soirs|nuits) sont (?:maintenant )?libres)\b"),
    "en": re.compile(r"(?i)^(?:I've (?:booked|enrolled|registered|signed up|started|passed|completed|finished|got|earned)|I'm (?:sitting|taking|doing|enrolled|registered|booked|available)|"
                     r"I (?:booked|enrolled|registered|signed up|started|passed|completed|finished|got|earned|sat|sit|start|take|can start|will be available|'ll be available|"
                     r"can (?:now )?(?:do|work) (?:rotational |rotating |night |weekend )?(?:shifts|nights|weekends|rotations))|"
                     r"my (?:company|employer|manager|notice|contract|\w+ (?:exam|course|test|licen[cs]e|certification))\b)"),
}
_NEWS_FRAGMENT = {
    "fr": [
        # « Inscrit à l'école IBODE de Toulouse pour septembre » → « je suis inscrit à l'école IBODE … »
        (re.compile(r"(?i)^(inscrite?s?|admise?s?|acceptée?s?)\s+((?:à|au|aux|en|pour)\s+[^,;:()+]{3,80})$"), lambda m: f"je suis {m.group(1).lower()} {m.group(2)}"),
        # « examen pratique prévu le 15 juillet à la SAAQ » → « mon examen pratique est prévu le 15 juillet à la SAAQ »
        (re.compile(rf"(?i)^(examen|cours|formation|session|stage|test|certification|recyclage)\s+((?:(?!\bet\b|\bpuis\b)[^,;:()+]){{2,60}}?)\s+prévue?s?\s+((?:le|en|début|fin|du|à partir)\b[^,;:()+]*?(?:{_FR_MONTH}|\d{{4}})[^,;:()+]*)$"),
         lambda m: (f"mon {m.group(1).lower()} {m.group(2)} est prévu {m.group(3)}" if m.group(1).lower() in _MASCULINE_NEWS
                    else f"ma {m.group(1).lower()} {m.group(2)} est prévue {m.group(3)}")),
        # « examen CFA niveau II réservé pour le 22 août » → « j'ai réservé l'examen CFA niveau II pour le 22 août »
        (re.compile(rf"(?i)^(examen|cours|formation|session|stage|test|certification)\s+((?:(?!\bet\b|\bpuis\b)[^,;:()+]){{2,60}}?)\s+réservée?s?\s+((?:pour\s+)?(?:le|en|début|fin|du|à partir)\b[^,;:()+]*?(?:{_FR_MONTH}|\d{{4}})[^,;:()+]*)$"),
         lambda m: f"j'ai réservé {'l' + chr(39) if m.group(1).lower()[0] in 'aeéiou' else ('le ' if m.group(1).lower() in _MASCULINE_NEWS else 'la ')}"
                   f"{m.group(1).lower()} {m.group(2)} {m.group(3) if m.group(3).lower().startswith('pour') else 'pour ' + m.group(3)}"),
    ],
    "en": [
        # "Sitting A213 in June", "writing A211 in June", "Writing my CSMLS exam May 10" → "I'm sitting A213 in June"
        (re.compile(rf"(?i)^(sitting|writing|taking|resitting)\s+([^,;:()+]{{2,40}}?)\s+((?:in|on|this|next)\s[^,;:()+]*)$"), lambda m: f"I'm {m.group(1).lower()} {m.group(2)} {m.group(3)}"),
        (re.compile(rf"(?i)^(sitting|writing|taking|resitting)\s+([^,;:()+]{{2,40}}?)\s+({_EN_MONTH}\s\d{{1,2}}\b[^,;:()+]*)$"), lambda m: f"I'm {m.group(1).lower()} {m.group(2)} on {m.group(3)}"),
        # "Sat my full licence test last week and passed" → "I sat my full licence test last week and passed"
        (re.compile(r"(?i)^(sat|passed|got|completed|finished|booked)\s+(my\s[^,;:()+]{3,70})$"), lambda m: f"I {m.group(1).lower()} {m.group(2)}"),
        (re.compile(rf"(?i)^sitting\s+([^,;:()+]{{2,40}}?)\s+((?:in|on|this|next)\s[^,;:()+]*)$"), lambda m: f"I'm sitting {m.group(1)} {m.group(2)}"),
        # "Enrolled in Spanish 1 at Laney College starting June" → "I've enrolled in Spanish 1 at Laney College, starting in June"
        (re.compile(rf"(?i)^(enrolled in|signed up for|registered for|booked|started|passed|completed|finished)\s+([^,;:()+]{{3,70}}?)(?:,?\s+starting\s+(?:in\s+)?({_EN_MONTH}[^,;:()+]*))?$"),
         lambda m: f"I've {m.group(1).lower()} {m.group(2)}" + (f", starting in {m.group(3)}" if m.group(3) else "")),
    ],
}
# What news speaks of, past the words of ``_NEWS_WHAT``: a school, a move, a contract or notice, a name in capitals
# (« CKAD », "A213").
_NEWS_MORE = {
    "fr": re.compile(r"(?i)\b(?:école|déménag\w*|bouger|contrat|préavis|test|stage|réserv\w*|(?-i:[A-Z]{2,}[\w-]*))"),
    "en": re.compile(r"(?i)\b(?:classes?|exams|courses|release|notice|contract|enrol\w*|(?-i:[A-Z]{2,}[\w-]*|[A-Z]\d+))"),
}
_NOT_OWN_NEWS = re.compile(r"(?i)\?|\b(?:demander|savoir|ask|know|wonder|pense|crois|think|felt|feel|entrevue|entretien|interview|panel|réussi à|liste|list|"
                           r"jury|avais dit|had said|told them|j'ai dit|I said|si je|if I|ils|they|elle|she|he|il)\b")


def news_told(notes: str, lang: str) -> str:
    """The candidate's news since the interview, in any shape the notes give it, as the candidate's own clause (at
    most two, joined), or ""."""
    lang = "en" if lang == "en" else "fr"
    # « j'ai passé la CKAD le 3 fév (réussie !!) »: passed, not only taken
    notes = re.sub(r"(?i)\bj'ai passé ([^()\n]{2,40}?)\s*\(\s*réussie?s?\b[^()]*\)", r"j'ai réussi \1", notes)
    notes = re.sub(r"(?i)\bj'ai booké\b", "j'ai réservé", notes)  # (a Québec anglicism)
    text = written_out(re.sub(r"\s*\([^()\n]{1,60}\)", "", notes), lang)
    # « J'AI MA CARTE maintenant »: the notes' shout, said in a sentence's case (not an acronym: two words or more)
    text = re.sub(r"\b(?:J'AI|JE|MA|MON|MES)(?:\s+[A-ZÀ-Ý']{2,})+\b", lambda m: m.group(0).lower(), text)
    told: list[str] = []
    named = ""  # the last credential named (« TOEIC passé en janvier : 780. Je le repasse le 28 juin. »)
    for raw in re.split(r"(?<=[a-zà-ÿ0-9)!])[.!]+\s+|\n|\s/\s|\s\+\s|;\s", text):
        labelled = bool(_SINCE_LABEL.match(raw.strip()))
        sentence = _SINCE_LABEL.sub("", raw.strip(" .!;-–—")).strip(" .!;,")
        if named:
            sentence = re.sub(r"(?i)^je l[ea] (repasse|passe|prépare)\b", lambda m: f"je {m.group(1)} le {named}", sentence)
            sentence = re.sub(r"^I'm (retaking|resitting|sitting|taking) it\b", lambda m: f"I'm {m.group(1)} the {named}", sentence)
        if acronym := re.search(r"\b[A-Z]{3,}[\w-]*\b", sentence):
            named = acronym.group(0)
        for clause in re.split(r",\s+(?!(?:et|and|mais|but|de|du|dès|en|from|in|starting|pour|for|à \d+|within \d+)\b)", sentence):
            clause = re.sub(r"(?i)^(?:donc|so|and so|alors|moi,?|pis|and)\s+", "", clause.strip(" .!;,"))
            speaks_of_news = _NEWS_WHAT[lang].search(clause) or _NEWS_MORE[lang].search(clause)
            if _NOT_OWN_NEWS.search(clause) or not speaks_of_news or not 3 <= len(clause.split()) <= 22 or _HELD_FOR_YEARS.search(clause):
                continue
            said = ""
            if _NEWS_ACT[lang].match(clause):
                said = clause
            else:
                for pattern, turn in [*_NEWS_FRAGMENT[lang], *(_DONE_FRAGMENTS[lang] if labelled else []), *_LABELLED[lang], *_FRAGMENTS[lang]]:
                    if match := pattern.match(clause):
                        said = turn(match)
                        break
            if not said:
                continue
            # (A fact with no time is news only under a label or with a verb that says it happened since: « J'ai
            # commencé des cours d'anglais », not « je suis bachelière ».)
            timed = re.search(rf"(?i)\b(?:{_FR_MONTH}|{_EN_MONTH}|maintenant|now|libres|déménagé|rotatif|nights|last week|la semaine dernière|\d{{1,2}}\s?(?:jours|semaines|days|weeks)|dès|starting|from|pour la rentrée|"
                              r"\d{4}|prévue?|réservée?|booked|inscrite?|enrolled|registered|commencé|started|passé|réussi|obtenu|passed|"
                              r"completed|sitting|agreed)\b", said)
            if not (timed or labelled):
                continue
            said = _spelled_out(said, lang)
            if lang == "en":  # "booked for Oct 2026" → "October 2026"
                said = _months_written_en(said)
            else:
                said = months_written_fr(said)
            if _note_speak_in(said):
                continue
            said = re.sub(r"(?i)\bje peux bouger\b", "je peux déménager", said)
            said = re.sub(r"(?i)\b(j'ai \w+é) depuis\b", r"\1", said)  # « j'ai déménagé depuis à Saint-Hyacinthe »
            if lang != "en" or not re.match(r"I\b|I'", said):
                said = said[:1].lower() + said[1:]
            if said not in told:
                told.append(said)
        if len(told) >= 2:
            break
    if len(told) == 2 and len(" ".join(told).split()) <= 30:
        return f"{told[0]}, {'and' if lang == 'en' else 'et'} {told[1]}"
    return told[0] if told else ""


def to_mention(notes: str, lang: str) -> str:
    """What the notes say to tell the recruiter, or the candidate's news (see ``_to_mention``), in a letter's words:
    « booké » is the notes' anglicism for « réservé » (round 54)."""
    told = _to_mention(notes, lang)
    return re.sub(r"(?i)\bbook(é|ée|és|ées)\b", r"réserv\1", told) if lang != "en" else told


def _to_mention(notes: str, lang: str) -> str:
    """What the notes say to tell the recruiter (« Mentionner que je suis dispo pour les nuits dès janvier », "Mention
    I can start Jan 4"), in the candidate's first person, or "" when it is not said so; else the candidate's news
    since the interview, when the notes tell it (``news_since``)."""
    match = _MENTION.search(notes)
    if not match:
        return news_since(notes, lang) or labelled_news(notes, lang) or news_fragment(notes, lang) or news_told(notes, lang)
    clause = re.split(r"(?<=[.!?;])\s|\n|\s[-–—]\s", notes[match.end():].strip(" :"), maxsplit=1)[0].strip(" .;!?")
    clause = _as_written(clause, lang)
    # (« ma fille commence la garderie en janvier », "my licence came through": the candidate's own news too)
    first_person = r"^(?:I\b|I'm\b|I've\b|I'll\b|[Mm]y\b)" if lang == "en" else r"(?i)^(?:je\b|j'|ma\b|mon\b|mes\b)"
    if not re.match(first_person, clause) or _NOTE_SPEAK.search(clause) or not 3 <= len(clause.split()) <= 25:
        return news_fragment(notes[match.start():], lang)  # (« À mentionner : CISSP en préparation, examen le 15 janvier »)
    clause = re.sub(r"\s*\([^)]*\)", "", clause)  # « validé depuis vendredi (dernier jury) »: the aside is the notes'
    clause = re.sub(r"(?i)\s+(?:depuis|since)$", "", clause)  # « j'ai commencé des cours … depuis »: since the interview
    # « inscrite à la formation OW-2 au cégep, début en mai »: note-speak for « qui commence en mai »
    clause = re.sub(r"(?i),\s+(?:début|départ)\s+(?=(?:en|le|dès|à|au|la semaine)\b)", ", qui commence ", clause)
    # Two clauses joined by a comma read as a splice after « que »: « …en janvier ; je peux maintenant… ».
    return re.sub(r",\s+(?=(?:je|j'|I|I'm|I've|I'll)\b)", "; " if lang == "en" else " ; ", clause)


# Spoken words a formal letter does not ask in (« C'est le fond ou la forme qui a coincé ? »).
_COLLOQUIAL = re.compile(r"(?i)^(?:c'est|c'était)\b|\b(?:ça|ca|coincé\w*|bosser|boulot|truc\w*|job|ok|gonna|kinda|stuff)\b")


# « Est-ce que … ? » turned into the inversion a formal letter asks with (round 33: « Est-ce qu'il y aurait des
# contrats de remplacement ? » to a town hall's HR director at formality 100).
# Object pronouns said before the verb in either order: « vous me conseilleriez », « j'y reviendrais ».
_CLITIC = r"(?:me |m'|nous |lui |leur |y |en |le |la |l')?"
_PERSON = r"(vous |je |j'|on |il |nous )"
_INVERSIONS = [
    (r"^Est-ce qu'il y a\b", "Y a-t-il"), (r"^Est-ce qu'il y aurait\b", "Y aurait-il"), (r"^Est-ce qu'il y aura\b", "Y aura-t-il"),
    (r"^Est-ce qu'il y avait\b", "Y avait-il"),
    # « Est-ce que vous me recommanderiez … » → « Me recommanderiez-vous … » (the object pronoun stays before the verb)
    (rf"^Est-ce (?:que |qu'){_PERSON}({_CLITIC})(\w+)\b", lambda m: _pronoun_inverted("", m)),
    # « Qu'est-ce que vous me conseilleriez » → « Que me conseilleriez-vous », « Qu'est-ce que j'aurais pu » → « Qu'aurais-je pu »
    (rf"^Qu'est-ce (?:que |qu'){_PERSON}({_CLITIC})(\w+)\b", lambda m: _pronoun_inverted("Que ", m)),
    # « Comment est-ce que je pourrais » → « Comment pourrais-je »; « Quel niveau est-ce que vous visez » → « …visez-vous »
    (rf"^((?:Comment|Pourquoi|Où|Quand|Combien(?: de \w+)?|(?:À |Sur |Pour |Dans |De |En )?(?:quoi|quel|quelle|quels|quelles|Quel|Quelle|Quels|Quelles)(?: \w+)?) )"
     rf"est-ce (?:que |qu'){_PERSON}({_CLITIC})(\w+)\b",
     lambda m: _pronoun_inverted(m.group(1), m, offset=1)),
    # « Est-ce que ma réponse sur l'AMM a pesé ? » → « Ma réponse sur l'AMM a-t-elle pesé ? », « Est-ce qu'un TOEIC ou un
    # certificat pourrait compter ? » → « Un TOEIC ou un certificat pourrait-il compter ? » (round 43): the subject's
    # gender from its determiner or a known noun; a relative clause or a comma in it leaves the question as it is.
    (r"^Est-ce (?:que |qu')((?:le|la|un|une|mon|ma|ce|cet|cette|votre) (?:(?!qui\b|que\b|qu'|où\b|dont\b)[^\s,?]+ ){0,6}?)"
     r"(a|est|était|sera|serait|peut|pourrait|doit|devrait|va|vaut|vaudrait|compte|compterait|suffit|suffirait|reste|change|changerait"
     r"|[a-zéèêû]{3,}(?:ait|rait))\b",
     lambda m: _subject_inverted(m.group(0), m.group(1), m.group(2))),
]
# The verbs a first person inverts without sounding archaic (« pourrais-je », « dois-je », « ai-je »; never « travaillé-je »).
_JE_INVERTS = re.compile(r"(?i)^(?:\w+ais|ai|dois|puis|peux|suis|sais|vais)$")
# Nouns whose determiner hides their gender (« mon expérience », « votre dossier »): known ones only.
_FEMININE = frozenset("""expérience attitude approche analyse entrevue évaluation étude intervention aisance expertise écoute
argumentation orthographe expression attestation offre équipe habilitation inscription annonce adéquation candidature
présentation réponse lettre formation prestation performance maîtrise connaissance mise démarche motivation""".split())
_MASCULINE = frozenset("""dossier cv profil parcours niveau test anglais français entretien oral écrit portfolio examen échange
projet stage diplôme certificat permis résultat manque retard accent exposé essai""".split())


def _subject_inverted(whole: str, subject: str, verb: str) -> str:
    """« Ma réponse a-t-elle », « Le poste est-il », « Votre dossier mettait-il »; ``whole`` unchanged when neither the
    determiner nor a known noun gives the gender (« mon idée »), or when the subject is a clause (« le fait que »)."""
    if len(subject.split()) < 2:
        return whole  # « Est-ce que le reste de l'entretien était bon ? »: « reste » is the noun, not the verb (round 51)
    determiner, noun = (word.lower() for word in subject.split()[:2])
    if noun == "fait":
        return whole
    if noun in _FEMININE or noun in _MASCULINE:
        pronoun = "elle" if noun in _FEMININE else "il"
    elif determiner == "votre" or determiner == "mon" and re.match(r"[aeiouyhâéèêîôû]", noun):
        return whole
    else:
        pronoun = "elle" if determiner in ("la", "une", "ma", "cette") else "il"
    return subject[:1].upper() + subject[1:] + verb + ("-t-" if verb[-1] in "ae" else "-") + pronoun


def _pronoun_inverted(head: str, match: re.Match[str], *, offset: int = 0) -> str:
    """A personal subject put after its verb: « Me recommanderiez-vous », « Que pourrais-je », « Comment avez-vous »;
    the question as it was when a first person cannot invert (« est-ce que je travaille »)."""
    pronoun, clitic, verb = (match.group(i + offset) for i in (1, 2, 3))
    pronoun = "je" if pronoun == "j'" else pronoun.strip()
    if pronoun == "je" and not _JE_INVERTS.match(verb):
        return match.group(0)
    if pronoun == "je" and verb == "peux":
        verb = "puis"
    joint = "-t-" if pronoun in ("il", "on") and verb[-1] in "ae" else "-"
    said = f"{clitic}{verb}{joint}{pronoun}"
    if head == "Que " and not clitic and re.match(r"[aeiouyhâéèêîôû]", verb):
        return f"Qu'{said}"  # « Qu'aurais-je pu », « Qu'avez-vous pensé »
    text = head + said
    return text[:1].upper() + text[1:]


# Spoken turns a formal letter writes otherwise (round 38: « C'est l'aveugle ou l'anglais qui a fait la différence ? »,
# « Est-ce qu'on peut s'entraîner ou c'est inutile ? » pasted in a letter at formality 85).
_WRITTEN_TURNS = [
                  # « C'est quel niveau exact qui est exigé ? » → « Quel niveau exact est exigé ? » (round 53: « Est-ce quel
                  # niveau… qui »); « C'était quoi le point faible dans le test ? » → « Quel était le point faible… ? »
                  (r"^C'(?:est|était) (quel(?:le)?s? [^?]{2,50}?) qui (est|sont|était|étaient|a|ont|avait|avaient)\b", lambda m: m.group(1)[:1].upper() + m.group(1)[1:] + " " + m.group(2)),
                  (r"^C'(est|était) quoi (le|la|les|l') ?", lambda m: ("Quel" + ("le" if m.group(2) == "la" else "s" if m.group(2) == "les" else "") + " "
                                                                   + ("est" if m.group(1) == "est" else "était") + " " + m.group(2) + ("" if m.group(2) == "l'" else " "))),
                  (r"^C'est qui qui\b", "Qui"), (r"^C'était qui qui\b", "Qui"),
                  (r"^C'est (.{3,60}?) qui\b", r"Est-ce \1 qui"), (r"^C'était (.{3,60}?) qui\b", r"Était-ce \1 qui"),
                  # (round 43: « Est-ce que c'est l'étude de cas qui a pesé ? » at formality 95)
                  (r"^Est-ce que c'est (.{3,60}?) qui\b", r"Est-ce \1 qui"), (r"^Est-ce que c'était (.{3,60}?) qui\b", r"Était-ce \1 qui"),
                  (r"^Est-ce que c'est possible d(e |')", r"Serait-il possible d\1"), (r"^Est-ce qu'il existe\b", "Existe-t-il"),
                  (r"^Est-ce qu'on peut\b", "Peut-on"), (r"\bou c'est\b", "ou est-ce")]


def formal_question(question: str) -> str:
    """A question of the notes as a formal letter asks it: « Y aurait-il des contrats de remplacement ? »."""
    # (After a si-clause, the question that follows it: « Si je déménage plus près, pourrais-je … ? », round 39.)
    if (condition := re.match(r"(?i)(si\b[^,?]{3,80},\s)(?=est-ce\b|c'est\b)", question)):
        rest = formal_question(question[condition.end():][:1].upper() + question[condition.end() + 1:])
        return condition.group(1) + rest[:1].lower() + rest[1:]
    for pattern, written in _WRITTEN_TURNS:
        question = re.sub(pattern, written, question)
    for pattern, inverted in _INVERSIONS:
        turned = re.sub(pattern, inverted, question)
        if turned != question:
            return turned
    return question


def formal_enough(question: str) -> bool:
    """Whether a question from the notes can go in a formal letter as written."""
    return not _COLLOQUIAL.search(question)


# When the notes say an answer was promised (« Elle a dit réponse « avant la mi-décembre » », "Marcus said decision by
# Nov 20", "she said we'd hear back 'in a week or two'"): the time, in the recruiter's words.
_PROMISED = {
    "fr": re.compile(r"(?i)(?:\b(?:dit|indiqué|annoncé|promis|parlé d')\s*(?:qu'on aurait |que j'aurais |qu'il y aurait |qu'ils donneraient )?|"
                     r"\b(?:devait|devais|devions|devaient|aurait dû|aurais dû) (?:avoir|recevoir|donner) )(?:des |une |d'une |un )?(?:«\s*)?"
                     r"(?:nouvelles|réponse|retour|décision)\s*(?:«\s*|\"\s*)?((?:d'ici|avant|sous|dans|au plus tard|en fin de|à la fin de|cette|la semaine)\s[^»\".,;:!?()\n]{2,30})"
                     r"|«\s*(?:on|je|nous)\s+(?:te|vous|se)\s+(?:revien\w*|écri\w*|rappel\w*|recontact\w*|reparle\w*|donne\w* des nouvelles)\s+"
                     r"((?:d'ici|dans|avant|sous)\s[^».,;:!?\n]{2,30}|la semaine prochaine|cette semaine|sous peu|demain)"
                     # « Elle devait me répondre « en fin de semaine » »
                     r"|\b(?:devait|devaient|devais) (?:me |nous |te )?(?:répondre|rappeler|revenir|écrire|recontacter)\s*(?:«\s*|\"\s*)?"
                     r"((?:d'ici|avant|sous|dans|au plus tard|en fin de|à la fin de|cette|la semaine)\s[^»\".,;:!?()\n]{2,30})"
                     # « Il a dit qu'ils décideraient d'ici la fin du mois » (round 35)
                     r"|\b(?:dit|indiqué|annoncé)\s+qu'(?:ils|elles?|il|on)\s+(?:décideraient|déciderait|trancheraient|trancherait)\s+"
                     r"((?:d'ici|avant|sous|dans|au plus tard|en fin de|à la fin de|cette|la semaine)\s[^»\".,;:!?()\n]{2,30})"),
    "en": re.compile(r"(?i)\b(?:said|told me|promised|mentioned)\s+(?:we'd|i'd|i would|we would|they'd|they would|she'd|he'd)?\s*"
                     r"(?:hear(?: back)?|get an answer|know|have a decision|a decision|decision|an answer|decide|make a decision)?\s*['\"“]?"
                     r"((?:by|within|in|before|next|end of)\s[^'\"”.,;:!?\n]{2,30}|\d+(?:\s*[-–]\s*\d+)?\s+(?:days|weeks|business days))"),
}


def promised_answer(notes: str, lang: str) -> str:
    """When the notes say an answer was promised (« avant la mi-décembre », "by Nov 20"), or ""."""
    match = _PROMISED["en" if lang == "en" else "fr"].search(notes)
    if not match:
        return ""
    when = next(g for g in match.groups() if g).strip(" ,«»\"'")
    if re.match(r"\d", when):
        when = "within " + when  # "HR said 4-6 weeks"
    # Recalled afterwards, "next week" is the week after the interview: « pour la semaine suivante », "the following week".
    when = re.sub(r"(?i)^(?:pour )?la semaine prochaine$", "pour la semaine suivante", when)
    when = re.sub(r"(?i)^next week$", "the following week", when)
    when = re.sub(r"(?i)^by end of (?:the )?(month|week)$", r"by the end of the \1", when)  # "by end of month", noted
    return when if 1 <= len(when.split()) <= 8 and not _NOTE_SPEAK.search(when) else ""
