"""Whether the candidate's news since the interview answers the reason the recruiter gave.

Round 52's readers: "the licence reason has just been fixed, yet the draft says nothing of it and asks for advice".
The draft says such news right after the reason and asks whether it changes anything; the checks count it as the
reason used. Read once here, for the engine and the checks alike.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rebond.text import fold

if TYPE_CHECKING:
    from rebond.situation import StatedReason

# News that changes the candidate's availability or place (« je serai disponible dès janvier », "my company has agreed
# to release me in 45 days", « je peux déménager dès mars »).
_PRACTICAL_NEWS = {"availability": re.compile(r"(?i)\b(?:disponible|commencer|préavis|contrat|libér\w*|available|start|release\w*|notice|contract|"
                                                r"rotatif|quarts?|nuits|soirs|fins de semaine|week-ends|libres|shifts?|nights|weekends|evenings)\b"),
                   "location": re.compile(r"(?i)\b(?:déménag\w*|m'installer|relocat\w*|mov(?:e|ed|ing)|plus près|closer)\b")}
# News that says a reason no longer holds, not that it is under way: « j'ai réussi », "I passed", « j'ai déménagé »,
# « je peux maintenant faire le rotatif » (« je suis inscrite à la formation » is still "working on it").
_DONE_NEWS = re.compile(r"(?i)\b(?:réussi\w*|obtenu\w*|décroché\w*|reçu\w*|validé\w*|déménagé\w*|passed|got|obtained|earned|received|"
                        r"moved|relocated|maintenant|now|libres|free|réglé|sorted|je peux|I can)\b")
# Words too common to say that the news and the reason speak of the same thing.
_COMMON_WORDS = {"poste", "experience", "candidat", "candidate", "annees", "years", "travail", "work", "equipe", "team", "valide",
                 "valid", "current", "currently", "cours", "course", "avant", "before", "depuis", "since"}


def news_answers_reason(reason: StatedReason | None, mention: str) -> bool:
    """Whether the news changes the practical reason given (availability, place)."""
    if reason is None or not mention:
        return False
    practical = _PRACTICAL_NEWS.get(reason.gap)
    return bool(practical and practical.search(mention))


def news_settles_reason(reason: StatedReason | None, mention: str) -> bool:
    """Whether the news says the reason no longer holds: a practical reason the news changes, or the credential the
    reason names now obtained ("a full NZ driver licence (Class 1)" and "I passed my full licence test")."""
    if reason is None or not mention or not _DONE_NEWS.search(mention) or reason.gap in ("internal", "capacity", "salary", "explained", "hire"):
        return False
    return news_answers_reason(reason, mention) or mention_answers_reason(mention, reason.term or reason.evidence) or (
        reason.gap not in ("availability", "location") and news_shares_words(reason, mention))


def news_shares_words(reason: StatedReason | None, mention: str) -> bool:
    """Whether the news names what the reason names, in a word of five letters or more (« anglais » in « votre anglais
    oral » and « le cours d'anglais intensif », round 53), not a word any two sentences share."""
    if reason is None or not mention:
        return False

    def words(text: str) -> set[str]:
        return {fold(word) for word in re.findall(r"[^\W\d_]{5,}", text)} - _COMMON_WORDS
    return bool(words(" ".join((reason.term, reason.topic))) & words(mention))


def mention_answers_reason(mention: str, reason: str) -> bool:
    """Whether the candidate's news speaks of what the reason names: a name with a capital inside or a digit (« OW-2 »,
    « ETAIE », "Class 2", « grandMA3 ») in both. (Not a long common word: « pharmacie » in « le logiciel de la
    pharmacie » and « mon DEP en pharmacie » speak of two things.)"""
    def names(text: str) -> set[str]:
        return {fold(word) for word in re.findall(r"[\w-]+", text) if re.search(r"[A-Z0-9]", word[1:]) or re.search(r"\d", word)}
    return bool(names(mention) & names(reason))
