"""RU/EN texts of error messages, looked up by the error's stable code.

English lives on the error classes; Russian here. A domain adds its codes to
:data:`RU` (one line each); unknown codes fall back to the English message.
"""

from __future__ import annotations

import re

from santa_core.models.enums import Language

RU: dict[str, str] = {
    "error": "Что-то пошло не так.",
    "internal_error": "Внутренняя ошибка сервера. Мы уже разбираемся.",
    "overloaded": "Сервер перегружен. Повторите через мгновение.",
    "database_unavailable": "База данных недоступна. Повторите через мгновение.",
    "service_unavailable": "Нужный сервис недоступен. Повторите через мгновение.",
    "configuration_error": "Неверная конфигурация.",
    "not_found": "Не найдено.",
    "forbidden": "У вас нет прав на это действие.",
    "unauthenticated": "Войдите, чтобы продолжить.",
    "conflict": "Это действие невозможно в текущем состоянии.",
    "invalid_input": "Данные заполнены неверно.",
    "validation_error": "Данные заполнены неверно.",
    "malformed_request": "Не удалось разобрать запрос.",
    "payload_too_large": "Тело запроса слишком большое.",
    "rate_limited": "Слишком много попыток. Попробуйте позже.",
    "method_not_allowed": "Этот метод не поддерживается.",
    "not_ready": "Сервис ещё не готов принимать запросы. Повторите позже.",
    "box_not_found": "Коробка не найдена.",
    "participant_not_found": "Участник не найден.",
    "user_not_found": "Пользователь не найден.",
    "not_organizer": "Это могут сделать только организаторы коробки.",
    "box_not_editable": "Коробку нельзя изменить в её текущем статусе.",
    "invalid_status_transition": "Коробку нельзя перевести в этот статус из текущего.",
    "already_member": "Этот человек уже в коробке.",
    # --- accounts and authentication (santa_core.auth) ---
    "invalid_credentials": "Неверный email или пароль.",
    "account_unavailable": "Эта учётная запись отключена или удалена.",
    "invalid_refresh_token": "Сессия истекла. Войдите снова.",
    "refresh_token_reused": "Сессия завершена из соображений безопасности. Войдите снова.",
    "session_revoked": "Эта сессия завершена. Войдите снова.",
    "oauth_failed": "Не удалось войти через внешний сервис. Попробуйте ещё раз.",
    "csrf_failed": "В запросе нет действительного CSRF-токена.",
    "email_not_verified": "Подтвердите email, чтобы войти.",
    "invalid_link": "Ссылка недействительна, устарела или уже использована.",
    "weak_password": "Пароль слишком простой.",
    "wrong_password": "Текущий пароль указан неверно.",
    "email_taken": "Учётная запись с таким email уже существует.",
    "social_account_taken": "Этот аккаунт уже привязан к другому пользователю.",
    "social_email_taken": (
        "Учётная запись с таким email уже существует. Войдите в неё и привяжите "
        "сервис в настройках."
    ),
    "last_sign_in_method": (
        "Сначала задайте пароль или привяжите другой аккаунт: это ваш единственный способ входа."
    ),
    "provider_not_configured": "Этот способ входа недоступен.",
    "social_account_not_found": "Привязанный аккаунт не найден.",
    "session_not_found": "Сессия не найдена.",
    # --- boxes, members, invitations, the draw (santa_core.box, .invite, .draw) ---
    "household_not_found": "Семья не найдена.",
    "exclusion_not_found": "Исключение не найдено.",
    "forced_pair_not_found": "Заданная пара не найдена.",
    "not_your_card": (
        "Эту карточку может менять только сам участник (или организатор — для офлайн-участников)."
    ),
    "owner_cannot_leave": "Владельца коробки нельзя удалить; удалите коробку целиком.",
    "exclusion_exists": "Такое исключение уже есть.",
    "forced_pair_exists": (
        "Этот Санта уже обязан дарить кому-то, или у этого подопечного уже есть заданный Санта."
    ),
    "invalid_rule": "В правиле указаны люди не из этой коробки или один человек дважды.",
    "invite_not_found": "Приглашение не найдено или больше не действует.",
    "invite_expired": "Срок приглашения истёк. Попросите организатора отправить его снова.",
    "invite_not_pending": "На это приглашение уже ответили, или его отозвали.",
    "invite_exists": "На этот адрес уже отправлено приглашение в коробку.",
    "invite_resent_too_soon": "Приглашение только что отправлено. Попробуйте через минуту.",
    "join_link_disabled": "У этой коробки нет действующей ссылки для вступления.",
    "not_enough_participants": "Для жеребьёвки нужно хотя бы два участника.",
    "draw_already_running": "Жеребьёвка в этой коробке только что проведена.",
    "assignment_not_found": "В этой коробке у вас нет подопечного.",
    "pairs_are_private": "Пары секретны — в том числе от организаторов.",
    # draw_infeasible and draw_secrecy_unacknowledged carry the engine's text in the
    # caller's language already: no fixed translation here, only the lead sentence the
    # draw service puts before the engine's notices.
    "draw_secrecy_unacknowledged.lead": (
        "При этих правилах некоторые участники смогут вычислить чужие пары. "
        "Посмотрите предпросмотр и подтвердите, чтобы провести жеребьёвку."
    ),
    # --- notifications, calendar feed (santa_core.notify, santa_core.calendar) ---
    "invalid_link_token": "Ссылка недействительна или больше не работает.",
    "unknown_notification_kind": "Неизвестный тип уведомления.",
    "notification_render_failed": "Не удалось подготовить уведомление.",
    # --- after the draw: messages, gifts, changes, reveal (santa_core.message, .gift, .draw) ---
    "pair_not_found": "В этой коробке у вас нет такой пары Санта — получатель.",
    "message_reveals_sender": (
        "В сообщении есть ваше имя, ник, email или телефон — получатель узнает, кто вы. "
        "Отправьте с confirm_reveal, если всё равно хотите отправить."
    ),
    "message_not_found": "Сообщение не найдено.",
    "not_your_message": "Изменить или удалить сообщение может только автор.",
    "message_edit_window_closed": "Сообщение можно изменить только в первые минуты после отправки.",
    "invalid_cursor": "Неверный курсор страницы.",
    "gift_wrong_side": "Этот шаг делает другая сторона пары.",
    "gift_out_of_order": "Этот шаг невозможен в текущем состоянии подарка.",
    "gift_missing_too_early": (
        "Сообщить о неполученном подарке можно после его отправки или после срока доставки."
    ),
    "backup_not_needed": "Этот подарок не просрочен, о нём не сообщали или он уже получен.",
    "no_backup_santa": "По правилам коробки никто не может стать запасным Сантой для получателя.",
    "reveal_not_allowed": "В этой коробке раскрытие пар выключено (см. настройки раскрытия).",
    "reveal_too_early": "Пары можно раскрыть только после дня обмена подарками.",
    "not_revealed": "Пары не раскрыты.",
    "ws_not_member": "Вы не участник этой коробки.",
}


def pick_language(accept_language: str | None, default: Language = Language.EN) -> Language:
    """Choose RU or EN from an Accept-Language header, honouring q-values."""
    if not accept_language:
        return default
    best: tuple[float, Language] | None = None
    for part in accept_language.split(","):
        piece = part.strip()
        if not piece:
            continue
        tag, _, params = piece.partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        primary = tag.strip().lower().split("-")[0]
        for lang in Language:
            if primary == lang.value and (best is None or q > best[0]):
                best = (q, lang)
    return best[1] if best and best[0] > 0 else default


def translate(code: str, english: str, language: Language) -> str:
    if language is Language.RU:
        return RU.get(code, english)
    return english


#: Russian field-error messages by pydantic error type; ``{name}`` comes from the
#: error's context. Types not listed keep pydantic's English message.
RU_FIELD_TYPES: dict[str, str] = {
    "missing": "Обязательное поле.",
    "extra_forbidden": "Неизвестное поле.",
    "string_type": "Должно быть строкой.",
    "string_too_short": "Не короче {min_length} симв.",
    "string_too_long": "Не длиннее {max_length} симв.",
    "string_pattern_mismatch": "Неверный формат.",
    "too_short": "Не меньше {min_length} элем.",
    "too_long": "Не больше {max_length} элем.",
    "int_type": "Должно быть целым числом.",
    "int_parsing": "Должно быть целым числом.",
    "int_from_float": "Должно быть целым числом.",
    "float_type": "Должно быть числом.",
    "float_parsing": "Должно быть числом.",
    "decimal_type": "Должно быть числом.",
    "decimal_parsing": "Должно быть числом.",
    "decimal_max_digits": "Слишком много цифр.",
    "decimal_max_places": "Слишком много знаков после запятой.",
    "bool_type": "Должно быть true или false.",
    "bool_parsing": "Должно быть true или false.",
    "greater_than": "Должно быть больше {gt}.",
    "greater_than_equal": "Должно быть не меньше {ge}.",
    "less_than": "Должно быть меньше {lt}.",
    "less_than_equal": "Должно быть не больше {le}.",
    "enum": "Допустимые значения: {expected}.",
    "literal_error": "Допустимые значения: {expected}.",
    "uuid_type": "Некорректный идентификатор.",
    "uuid_parsing": "Некорректный идентификатор.",
    "date_type": "Некорректная дата.",
    "date_parsing": "Некорректная дата (ГГГГ-ММ-ДД).",
    "date_from_datetime_parsing": "Некорректная дата (ГГГГ-ММ-ДД).",
    "datetime_type": "Некорректные дата и время.",
    "datetime_parsing": "Некорректные дата и время (ISO 8601).",
    "datetime_from_date_parsing": "Некорректные дата и время (ISO 8601).",
    "url_parsing": "Некорректная ссылка.",
    "url_scheme": "Ссылка должна начинаться с http:// или https://.",
    "list_type": "Должно быть списком.",
    "dict_type": "Должно быть объектом.",
    "model_type": "Должно быть объектом.",
    "model_attributes_type": "Должно быть объектом.",
    "json_invalid": "Некорректный JSON.",
    "json_type": "Некорректный JSON.",
}

#: Russian for the English messages of our own validators and domain field errors.
RU_FIELD_TEXTS: dict[str, str] = {
    "must not contain control characters": "Не должно содержать управляющих символов.",
    "must be a single line": "Должно быть одной строкой.",
    "must not be blank": "Не должно быть пустым.",
    "must be an integer": "Должно быть целым числом.",
    "must be a string": "Должно быть строкой.",
    "must be a number": "Должно быть числом.",
    "must include a time zone": "Укажите часовой пояс (например, +03:00).",
    "unknown time zone (use an IANA name such as Europe/Moscow)": (
        "Неизвестный часовой пояс (укажите имя IANA, например Europe/Moscow)."
    ),
    "single_cycle needs gifts_per_person 1": "Один общий круг возможен только с одним подарком.",
    "an offline person has no email; leave it out": "У офлайн-участника нет email: уберите его.",
    "give an email, or mark the person as offline": (
        "Укажите email или отметьте участника как офлайн."
    ),
    "This field cannot be cleared.": "Это поле нельзя очистить.",
    "An offline person cannot organize.": "Офлайн-участник не может быть организатором.",
    "A person is listed twice.": "Человек указан дважды.",
    "Not a member of this box.": "Не участник этой коробки.",
    "min_budget must not exceed max_budget": "Минимальный бюджет больше максимального.",
}


_YEARS = re.compile(r"must be between the years (\d+) and (\d+)")


def translate_field(
    error_type: str,
    english: str,
    language: Language,
    context: dict[str, object] | None = None,
) -> str:
    """A field error's message in ``language`` (English passes through)."""
    if language is not Language.RU:
        return english
    text = english.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if text in RU_FIELD_TEXTS:
        return RU_FIELD_TEXTS[text]
    if text.startswith("value is not a valid email address"):
        return "Некорректный адрес email."
    years = _YEARS.fullmatch(text)
    if years:
        return f"Год должен быть от {years[1]} до {years[2]}."
    template = RU_FIELD_TYPES.get(error_type)
    if template is None:
        return english
    try:
        return template.format(**(context or {}))
    except (KeyError, IndexError, ValueError):
        return english
