"""One line about a failure, for a notification or a status label (never a traceback)."""
from __future__ import annotations


def error_line(exc: BaseException, *, with_type: bool = False, whole: bool = False) -> str:
    """The first line of ``exc``'s message (its type's name when it has none).

    ``with_type`` puts the type first ("KeyError: 'x'"), for failures the reader did
    not cause, where the message alone may mean nothing.  ``whole`` keeps every line of
    the message, joined into one and cut at 300 characters: for stderr, where a log
    holds one line per problem but nothing of the message should be lost."""
    message = str(exc).strip()
    if whole:
        message = " ".join(message.split())[:300]
    if with_type or not message:
        message = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return message.splitlines()[0]
