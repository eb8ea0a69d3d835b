"""Errors of boxes, members and their rules, each a subclass of one kind.

NotFound
├── BoxNotFound (santa_core.errors)        also what outsiders get for boxes they may not know
├── ParticipantNotFound (santa_core.errors)
├── HouseholdNotFound
├── ExclusionNotFound
└── ForcedPairNotFound
Forbidden
├── NotOrganizer (santa_core.errors)
└── NotYourCard                             a member edits someone else's card
Conflict
├── BoxNotEditable, InvalidTransition, AlreadyMember (santa_core.errors)
├── OwnerCannotLeave                        the box's owner cannot be removed
├── ExclusionExists
└── ForcedPairExists                        the santa or the giftee already has a forced pair
InvalidInput
└── InvalidRule                             a household/exclusion naming unknown or the same people
"""

from __future__ import annotations

from santa_core.errors import Conflict, Forbidden, InvalidInput, NotFound


class HouseholdNotFound(NotFound):
    code = "household_not_found"
    default_message = "Household not found."


class ExclusionNotFound(NotFound):
    code = "exclusion_not_found"
    default_message = "Exclusion not found."


class ForcedPairNotFound(NotFound):
    code = "forced_pair_not_found"
    default_message = "Forced pair not found."


class NotYourCard(Forbidden):
    code = "not_your_card"
    default_message = (
        "Only the participant (or an organizer, for offline people) can change this card."
    )


class OwnerCannotLeave(Conflict):
    code = "owner_cannot_leave"
    default_message = "The box's owner cannot be removed; delete the box instead."


class ExclusionExists(Conflict):
    code = "exclusion_exists"
    default_message = "This exclusion already exists."


class ForcedPairExists(Conflict):
    code = "forced_pair_exists"
    default_message = (
        "This santa is already forced to give to someone, "
        "or this giftee already has a forced santa."
    )


class InvalidRule(InvalidInput):
    code = "invalid_rule"
    default_message = "The rule names people who are not in this box, or one person twice."
