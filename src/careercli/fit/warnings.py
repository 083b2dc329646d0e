"""What a ranking cannot tell: a thin profile, and roles whose scores tie.

Said before the table and carried in `quiz --json` as "warnings"; tied roles share a rank
("2=") instead of being ordered by their ids as if one fitted better.
"""

from __future__ import annotations

from careercli.fit.score import RoleFit
from careercli.profile.model import Profile

THIN_SKILLS = 3  # fewer rated skills than this: the skills part rests on too little
DETAILED = 3  # ties among the best three are named; further down the table shows them ("8=")
RESOLUTION = 0.1  # scores are shown to one decimal: closer than this is a tie


def tie_ranks(fits: list[RoleFit]) -> list[int]:
    """Competition ranks (1, 2, 2, 4): roles whose scores are within the model's resolution
    of the one above them share its rank."""
    ranks: list[int] = []
    for i, fit in enumerate(fits):
        tied = i and abs(fits[i - 1].score - fit.score) < RESOLUTION / 2
        ranks.append(ranks[-1] if tied else i + 1)
    return ranks


def ranking_warnings(profile: Profile, fits: list[RoleFit], top: int) -> list[str]:
    """The thin-profile and tie warnings for the `top` roles shown, in that order."""
    out: list[str] = []
    n = len(profile.skills)
    if n == 0:
        out.append(
            "You rated no skills: this ranking rests on level, education and interests alone "
            "(skills are 45% of every score); rate a few to rank roles on what you can do."
        )
    elif n < THIN_SKILLS:
        out.append(
            f"You rated only {n} skill{'' if n == 1 else 's'}: the skills part (45% of every score) "
            f"rests on {'it' if n == 1 else 'them'} alone; rate at least {THIN_SKILLS} for a firmer ranking."
        )
    if profile.interests and len(set(profile.interests.values())) == 1:
        out.append(
            "Your interests are all the same answer: they say nothing about which roles suit you, "
            "so every role's interests part is about half its points."
        )
    ranks = tie_ranks(fits)
    shown = fits[:top]
    groups: dict[int, list[RoleFit]] = {}
    for rank, fit in zip(ranks, shown, strict=False):
        groups.setdefault(rank, []).append(fit)
    later: list[str] = []
    for rank, tied in groups.items():
        if len(tied) < 2:
            continue
        if rank > DETAILED:
            later.append(f"{rank}=")
            continue
        beyond = sum(1 for r in ranks[len(shown) :] if r == rank)
        names = ", ".join(f.role for f in tied) + (f" and {beyond} more" if beyond else "")
        out.append(
            f"{len(tied) + beyond} roles tie at {tied[0].score:.1f} (rank {rank}): {names}; "
            "the score cannot tell them apart, so they share the rank."
        )
    if later:
        out.append(f"Further down, tied roles share a rank too ({', '.join(later)}).")
    return out
