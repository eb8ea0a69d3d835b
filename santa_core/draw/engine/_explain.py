"""Sentences for people, in English and Russian."""

from __future__ import annotations

from collections.abc import Sequence

from santa_core.draw.engine._result import Text

#: Names listed before "and N others".
_SHOWN = 8


def names(items: Sequence[str], lang: str = "en") -> str:
    items = list(items)
    conj = " и " if lang == "ru" else " and "
    if len(items) > _SHOWN:
        rest = len(items) - _SHOWN + 1
        head = ", ".join(items[: _SHOWN - 1])
        more = f"ещё {rest}" if lang == "ru" else f"{rest} others"
        return f"{head}{conj}{more}"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + conj + items[-1]


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def people_en(n: int) -> str:
    return f"{n} person" if n == 1 else f"{n} people"


def people_ru(n: int) -> str:
    return f"{n} {plural_ru(n, 'человек', 'человека', 'человек')}"


def hall(santas: Sequence[str], giftees: Sequence[str]) -> Text:
    s, g = len(santas), len(giftees)
    if not giftees:
        verb = "may not give to anyone" if s == 1 else "may not give to anyone at all"
        return Text(
            en=f"{names(santas)} {verb}, so no draw exists.",
            ru=f"{names(santas, 'ru')} не {'может' if s == 1 else 'могут'} никому дарить,"
            " поэтому жеребьёвка невозможна.",
        )
    return Text(
        en=f"{names(santas)} may only give to {names(giftees)}: {people_en(s)} for "
        f"{g} giftee{'s' if g != 1 else ''}, so no draw exists.",
        ru=f"{names(santas, 'ru')} {'может' if s == 1 else 'могут'} дарить только "
        f"{names(giftees, 'ru')}: {people_ru(s)} на {g} "
        f"{plural_ru(g, 'получателя', 'получателя', 'получателей')}, "
        "поэтому жеребьёвка невозможна.",
    )


def hall_multi(santas: Sequence[str], giftees: Sequence[str], need: int, room: int) -> Text:
    return Text(
        en=f"{names(santas)} must give {need} gifts in total, but the people they may give to "
        f"({names(giftees) or 'nobody'}) can receive at most {room} of them, so no draw exists.",
        ru=f"{names(santas, 'ru')} нужно вручить {need} "
        f"{plural_ru(need, 'подарок', 'подарка', 'подарков')}, но те, кому можно дарить "
        f"({names(giftees, 'ru') or 'никто'}), могут получить не больше {room}, "
        "поэтому жеребьёвка невозможна.",
    )


def forced_conflict(santa: str, giftee: str, why: str) -> Text:
    if why == "group":
        en_why, ru_why = "they are in the same group", "они в одной группе"
    elif why == "two_cycle":
        en_why = "the reverse pair is forced too, and two people may not give to each other"
        ru_why = "обратная пара тоже обязательна, а дарить друг другу нельзя"
    else:
        en_why, ru_why = "another rule forbids this pair", "другое правило запрещает эту пару"
    return Text(
        en=f"{santa} is forced to give to {giftee}, but {en_why}.",
        ru=f"{santa} обязательно дарит {giftee}, но {ru_why}.",
    )


def forced_loop(members: Sequence[str]) -> Text:
    return Text(
        en=f"The forced pairs close a loop of {names(members)} on their own, so everyone "
        "cannot be in one single loop.",
        ru=f"Обязательные пары сами замыкают круг из {names(members, 'ru')}, поэтому "
        "один общий круг невозможен.",
    )


def no_single_loop(proved: bool) -> Text:
    if proved:
        return Text(
            en="There are draws, but none puts everyone in one single loop (proved by "
            "exhaustive search).",
            ru="Жеребьёвка возможна, но не одним общим кругом (доказано полным перебором).",
        )
    return Text(
        en="No single loop through everyone was found within the search limit; one may "
        "still exist.",
        ru="Один общий круг не найден в пределах лимита поиска; он всё же может существовать.",
    )


def no_two_free(proved: bool) -> Text:
    if proved:
        return Text(
            en="There are draws, but in every one of them two people give to each other "
            "(proved by exhaustive search).",
            ru="Жеребьёвка возможна, но в любом варианте двое дарят друг другу "
            "(доказано полным перебором).",
        )
    return Text(
        en="No draw without two people giving to each other was found within the search "
        "limit; one may still exist.",
        ru="Вариант, где никто не дарит друг другу, не найден в пределах лимита поиска; "
        "он всё же может существовать.",
    )


def relax_history(santa: str, giftee: str) -> Text:
    return Text(
        en=f"Allow {santa} to give to {giftee} again (a past year's pair).",
        ru=f"Разрешите {santa} снова дарить {giftee} (пара из прошлых лет).",
    )


def relax_history_years(years: int) -> Text:
    if years == 0:
        return Text(
            en="Allow pairs from past years to repeat (ignore the history).",
            ru="Разрешите повторять пары прошлых лет (не учитывайте историю).",
        )
    span = "последний год" if years == 1 else f"последние {years} "
    if years != 1:
        span += plural_ru(years, "год", "года", "лет")
    return Text(
        en=f"Only avoid repeating pairs of the last {years} year{'s' if years != 1 else ''}.",
        ru=f"Не повторяйте лишь пары за {span}, более старые разрешите.",
    )


def relax_exclusion(santa: str, giftee: str) -> Text:
    return Text(
        en=f"Remove the rule that {santa} must not give to {giftee}.",
        ru=f"Уберите запрет: {santa} не дарит {giftee}.",
    )


def relax_forced(santa: str, giftee: str) -> Text:
    return Text(
        en=f"Remove the forced pair {santa} → {giftee}.",
        ru=f"Уберите обязательную пару {santa} → {giftee}.",
    )


def relax_group(members: Sequence[str]) -> Text:
    return Text(
        en=f"Let the group {names(members)} give to each other (split the group).",
        ru=f"Разрешите группе {names(members, 'ru')} дарить друг другу (разделите группу).",
    )


def relax_option(option: str) -> Text:
    if option == "single_cycle":
        return Text(
            en="Allow several separate loops instead of one.",
            ru="Разрешите несколько отдельных кругов вместо одного.",
        )
    if option == "avoid_two_cycles":
        return Text(
            en="Allow two people to give to each other.",
            ru="Разрешите двоим дарить друг другу.",
        )
    return Text(en=f"Turn off the option {option}.", ru=f"Отключите опцию {option}.")


def deducible(count: int, observer: str, own: str, santa: str, giftee: str) -> Text:
    return Text(
        en=f"Only {count} valid draw{'s' if count != 1 else ''} exist, so participants could "
        f"deduce others' pairs: for example, if {observer} draws {own}, they know "
        f"{santa} gives to {giftee}.",
        ru=f"Возможных вариантов всего {count}, поэтому участники могут вычислить чужие пары: "
        f"например, если {observer} вытянет {own}, то поймёт, что {santa} дарит {giftee}.",
    )


def determined(pairs: Sequence[tuple[str, str]]) -> Text:
    shown = [f"{s} → {g}" for s, g in pairs]
    return Text(
        en=f"The rules leave only one possible giftee for some santas, so anyone who knows "
        f"the rules knows these pairs: {names(shown)}.",
        ru=f"Правила оставляют некоторым участникам единственного получателя, поэтому "
        f"эти пары известны всем, кто знает правила: {names(shown, 'ru')}.",
    )


def offline_rule(offline: Sequence[str], organizers: Sequence[str]) -> Text:
    """The implicit rule (the box's, not the engine's) made the draw impossible."""
    o = len(offline)
    return Text(
        en=f"Offline people never give to the organizers who open their assignment "
        f"({names(offline)} may not give to {names(organizers)}), so that an organizer "
        f"acting for them does not learn their own santa; with this rule no draw exists.",
        ru=f"Участники без аккаунта не дарят организаторам, которые открывают их задание "
        f"({names(offline, 'ru')} не {'может' if o == 1 else 'могут'} дарить "
        f"{names(organizers, 'ru')}), чтобы организатор, действующий за них, не узнал "
        f"своего Санту; с этим правилом жеребьёвка невозможна.",
    )


def relax_offline_rule(offline: Sequence[str]) -> Text:
    return Text(
        en=f"Invite {names(offline)} by email so they open their own assignment, add more "
        "participants, or let an organizer who does not take part act for them.",
        ru=f"Пригласите {names(offline, 'ru')} по email, чтобы они сами открыли своё задание, "
        "добавьте участников или поручите действовать за них организатору, который не "
        "участвует в обмене.",
    )
