"""User errors as one translated line that names the lever's label.

The model and the scenario loader raise ``ParameterError`` with one English line that
names the internal key (``parameter 'n_households' must be an integer from 10 to
200000, got 5``): right for the command line, wrong for a Dutch page. The page does
its own first check of what a user typed (``parse``), with the declaration's range
(``Param.low``/``high``), and says what is wrong in the session's language, with the
label the user sees next to the control. Nothing here is printed to the server log:
a user error is not a fault of the server.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ..model.params import PARAMS, Param
from . import i18n
from .i18n import t


class InputError(ValueError):
    """A value typed or chosen in the page is not allowed; the message is for the page."""


def whole(n: float) -> str:
    """A whole number with thousands separators in the session's language."""
    text = f"{int(n):,}"
    return text.replace(",", ".") if i18n.nl() else text


def show_number(x: float, is_int: bool) -> str:
    """A number as the page writes it (decimal comma in Dutch)."""
    if is_int:
        return whole(x)
    return i18n.number(x, 2 if abs(x) < 100 else 0)


def parse_number(text: Any, label: str, low: float, high: float, is_int: bool) -> int | float:
    """A typed number, checked against ``[low, high]``.

    Accepts a decimal comma (Dutch) or point, thousands separators written as
    spaces or underscores, and for whole numbers also ``1e4`` or ``10000.0``.

    Raises:
        InputError: Naming ``label``, the allowed range and the given text.

    """
    given = str(text).strip()
    kind = t("msg_whole") if is_int else t("msg_number")
    allowed = t(
        "msg_range", kind=kind, low=show_number(low, is_int), high=show_number(high, is_int)
    )
    cleaned = given.replace(" ", "").replace("_", "")
    if is_int and re.fullmatch(r"-?\d{1,3}([.,]\d{3})+", cleaned):  # 60.000 or 60,000
        cleaned = cleaned.replace(".", "").replace(",", "")
    elif "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise InputError(t("msg_not_number", label=label, allowed=allowed, given=given)) from None
    if not math.isfinite(value) or (is_int and not value.is_integer()):
        raise InputError(t("msg_not_number", label=label, allowed=allowed, given=given))
    number: int | float = int(value) if is_int else value
    if number < low:
        raise InputError(t("msg_too_small", label=label, low=show_number(low, is_int), given=given))
    if number > high:
        raise InputError(
            t("msg_too_large", label=label, high=show_number(high, is_int), given=given)
        )
    return number


def check_lever(param: Param, value: Any) -> Any:
    """``value`` checked against ``param``'s declaration, or an ``InputError`` for the page.

    Text (from a number field) is parsed with ``parse_number``; choices and switches
    are checked by the declaration itself (``Param.check``), its English message
    replaced by one naming the label.
    """
    label = i18n.label(param)
    if (
        param.type in (int, float)
        and isinstance(value, str | int | float)
        and not isinstance(value, bool)
    ):
        text = value if isinstance(value, str) else repr(value)
        low, high = param.span()
        value = parse_number(text, label, float(low), float(high), param.type is int)
    try:
        return param.check(value)
    except ValueError:
        if param.choices or param.type is bool:
            allowed = (
                ", ".join(i18n.choice(c) for c in param.choices)
                if param.choices
                else i18n.pick("aan, uit", "on, off")
            )
            raise InputError(
                t("msg_choice", label=label, allowed=allowed, given=str(value))
            ) from None
        else:
            kind = t("msg_whole") if param.type is int else t("msg_number")
            allowed = t(
                "msg_range",
                kind=kind,
                low=show_number(param.span()[0], param.type is int),
                high=show_number(param.span()[1], param.type is int),
            )
        raise InputError(
            t("msg_not_number", label=label, allowed=allowed, given=str(value))
        ) from None


# the mistakes whose Dutch text takes the error's own fields unchanged (``err_<code>``)
SAID_AS_IS = (
    "empty_text",
    "levers_not_table",
    "levers_context",
    "encoding",
    "not_toml_name",
    "name_mismatch",
    "context_value",
    "extends_text",
)


def scenario_message(exc: Exception) -> str:
    """A scenario file's error in the session's language.

    ``ScenarioError`` gives one English line (the command line's); for the usual
    mistakes in a file it also says which (``code``, ``fields``), and a Dutch page says
    those in Dutch, a lever by its label. The rarer ones keep the English line: a
    ``[[schedule]]`` entry, an ``extends`` chain that is too long or goes round.
    """
    code, fields = getattr(exc, "code", ""), getattr(exc, "fields", {})
    if not i18n.nl() or not code:
        return str(exc)
    where = fields.get("where", "")
    suggestion = fields.get("suggestion")
    hint = t("err_hint", name=suggestion) if suggestion else ""
    if code == "missing_keys":
        keys = ", ".join(f"'{k}'" for k in fields["keys"])
        return t(
            "err_missing_keys" if len(fields["keys"]) > 1 else "err_missing_key",
            where=where,
            keys=keys,
        )
    if code == "missing_context":
        return t("err_missing_context", where=where, contexts=fields["contexts"])
    if code == "unknown_key":
        return t("err_unknown_key", where=where, name=fields["key"], hint=hint)
    if code == "unknown_lever":
        return t("err_unknown_lever", where=where, name=fields["name"], hint=hint)
    if code == "not_toml":
        return t("err_not_toml", where=where, detail=fields["detail"])
    if code == "too_big":
        return t(
            "err_too_big", where=where, size=whole(fields["size"]), limit=whole(fields["limit"])
        )
    if code == "extends_unknown":
        return t("err_extends_unknown", where=where, name=fields["name"], hint=hint)
    if code in SAID_AS_IS:  # the fields go into the Dutch text as they are
        return t(f"err_{code}", **fields)
    param = PARAMS.get(fields.get("name", ""))
    if code == "lever_quoted" and param is not None:
        return t("err_lever_quoted", where=where, label=i18n.label(param), given=fields["given"])
    if code == "lever_value" and param is not None:
        try:
            check_lever(param, fields["value"])
        except InputError as said:
            return f"{where}: {said}"
    return str(exc)
