"""Time words of Arabic news shared by the stages: weekday names and relative days.

General Modern Standard Arabic vocabulary. Weekdays are listed Saturday first, the order in
which Arab calendars print them; ``key`` forms are what stages compare.
"""

from __future__ import annotations

from kg.arabic.normalize import key

WEEKDAYS: tuple[str, ...] = ("السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة")
RELATIVE_DAYS: tuple[str, ...] = ("اليوم", "أمس", "غدا")

WEEKDAY_KEYS = frozenset(key(word) for word in WEEKDAYS)
DAY_WORD_KEYS = WEEKDAY_KEYS | frozenset(key(word) for word in RELATIVE_DAYS)
