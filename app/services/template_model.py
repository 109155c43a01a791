"""What an appraisal template is and how it grades, apart from where it is stored:
sections of criteria (code, title, guidance, maximum score, optionally the sentence it
comes from) and grades. A grade is earned by the share of the maximum (``min``, a
percentage), or — for a star rating — by the number of sections that reach their own
``star_min`` (``stars``): one star per area, so a branch weak in one area never gets
five from its total. A checklist's items may be answered 不适用, and then count in
neither the total nor its maximum. ``parse_template`` reads and checks one from JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.domain.text import clean_text
from app.errors import FieldError, LiangxinError

KINDS = {"score": "评分", "checklist": "逐项检查（符合 / 不符合 / 不适用）"}
SUBJECTS = {"party_org": "党组织", "organization": "两新组织"}


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    guidance: str
    max: float
    section: str
    source: str = ""  # the sentence the criterion comes from, when the template says


@dataclass(frozen=True)
class Star:
    """One area of a star rating as scored so far."""

    section: str
    score: float  # the area's points scored so far
    max: float
    star_min: float  # the points that earn the area's star
    complete: bool  # every criterion of the area scored

    @property
    def earned(self) -> bool | None:
        """Whether the area earns its star; None while it is not fully scored (unless
        what is scored already reaches the line)."""
        if self.score >= self.star_min:
            return True
        return False if self.complete else None


@dataclass(frozen=True)
class Tally:
    """What a set of scores comes to under a template."""

    total: float | None  # None: nothing scored yet
    maximum: float  # the maximum of the criteria that apply (不适用 left out)
    grade: str | None  # None until every criterion is scored or 不适用
    scored: int  # criteria with a score
    not_applicable: int  # criteria answered 不适用
    count: int  # criteria in the template
    stars: tuple[Star, ...] = ()  # a star rating's areas, in order

    @property
    def answered(self) -> int:
        return self.scored + self.not_applicable

    @property
    def stars_earned(self) -> int:
        return sum(bool(s.earned) for s in self.stars)


@dataclass(frozen=True)
class Template:
    code: str
    name: str
    kind: str  # score | checklist
    subject: str  # party_org | organization
    source: str
    criteria: tuple[Criterion, ...]
    # (name, lowest percentage), or for a star rating (name, stars earned); highest first
    grades: tuple[tuple[str, float], ...]
    note: str = ""  # what the person filling it in should know (weights are defaults…)
    star_mins: tuple[tuple[str, float], ...] = ()  # (section, points that earn its star)

    @property
    def max_total(self) -> float:
        return sum(c.max for c in self.criteria)

    @property
    def by_stars(self) -> bool:
        return bool(self.star_mins)

    @property
    def allows_not_applicable(self) -> bool:
        return self.kind == "checklist"

    def grade_for(self, total: float, maximum: float | None = None) -> str:
        """The grade of a total: by its share of ``maximum`` (the template's, unless
        some criteria do not apply). A star rating is graded by ``grade_for_stars``."""
        top = self.max_total if maximum is None else maximum
        percent = 100 * total / top if top else 0
        for name, lowest in self.grades:
            if percent >= lowest:
                return name
        return self.grades[-1][0]

    def grade_for_stars(self, earned: int) -> str:
        for name, stars in self.grades:
            if earned >= stars:
                return name
        return self.grades[-1][0]

    @property
    def sections(self) -> list[str]:
        return list(dict.fromkeys(c.section for c in self.criteria))

    def section_max(self, section: str) -> float:
        return sum(c.max for c in self.criteria if c.section == section)

    def tally(self, scores: dict[str, dict[str, Any]]) -> Tally:
        """The total, the maximum that applies, the stars and the grade of ``scores``
        (by criterion code: ``{"score": …}`` or ``{"na": true}``); the grade once every
        criterion is scored or 不适用."""
        values: dict[str, float] = {}
        left_out: set[str] = set()
        for c in self.criteria:
            entry = scores.get(c.code) or {}
            if entry.get("na") and self.allows_not_applicable:
                left_out.add(c.code)
            elif entry.get("score") is not None:
                values[c.code] = float(entry["score"])
        maximum = sum(c.max for c in self.criteria if c.code not in left_out)
        complete = len(values) + len(left_out) == len(self.criteria)
        stars = tuple(
            Star(
                section,
                sum(values.get(c.code, 0.0) for c in self.criteria if c.section == section),
                self.section_max(section),
                star_min,
                all(c.code in values for c in self.criteria if c.section == section),
            )
            for section, star_min in self.star_mins
        )
        total = round(sum(values.values()), 2) if values else None
        grade = None
        if complete and values:
            if self.by_stars:
                grade = self.grade_for_stars(sum(bool(s.earned) for s in stars))
            elif maximum:
                grade = self.grade_for(total or 0.0, maximum)
        return Tally(total, maximum, grade, len(values), len(left_out), len(self.criteria), stars)

    def grades_text(self) -> str:
        """The grading rule in one line, as the printed form states it."""
        if self.by_stars:
            rule = "、".join(f"{stars:g} 颗为{name}" for name, stars in self.grades)
            return f"按得星数评定：{rule}"
        share = "符合项占应检项" if self.allows_not_applicable else "得分率"
        parts = [f"{g}（{share} {m:g}% 以上）" for g, m in self.grades if m]
        lowest = [m for _, m in self.grades if m]
        parts += [f"{g}（不足 {min(lowest):g}%）" if lowest else g for g, m in self.grades if not m]
        return "；".join(parts)


class TemplateError(LiangxinError):
    """A template file that cannot be used: says where (line) and why."""


TEMPLATE_MAX_CHARS = 200_000  # the three shipped templates are about 2,000 characters each
CRITERION_MAX_SCORE = 1000


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def parse_template(text: str, origin: str = "模板") -> Template:
    """Read and check a template; a problem is one sentence naming the line and the reason."""
    if len(text) > TEMPLATE_MAX_CHARS:
        raise TemplateError(f"{origin}有 {len(text):,} 个字符，模板最多 {TEMPLATE_MAX_CHARS:,} 个字符。")
    try:
        # NaN and Infinity are not JSON; Python's reader accepts them unless told not to.
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise TemplateError(
            f"{origin}第 {exc.lineno} 行第 {exc.colno} 列不是有效的 JSON（常见原因：少了逗号或引号、"
            "用了中文标点），请用记事本或 WPS 打开核对。"
        ) from None
    except ValueError:
        raise TemplateError(f"{origin}中有 NaN 或 Infinity，这不是有效的数字。") from None
    except RecursionError:  # thousands of nested brackets: no template is made like that
        raise TemplateError(f"{origin}的括号嵌套层数过多，不是有效的模板，请核对文件。") from None

    def fail(needle: str, reason: str) -> TemplateError:
        return TemplateError(f"{origin}第 {_line_of(text, needle)} 行：{reason}")

    def text_of(value: Any, label: str, where: str, max_length: int) -> str:
        try:
            return clean_text(value, label, "template", max_length=max_length)
        except FieldError as exc:
            raise fail(where, exc.message) from None

    if not isinstance(data, dict):
        raise fail("", "模板应是一个对象（{…}）。")
    for key in ("code", "name", "sections", "grades"):
        if key not in data:
            raise fail("", f"缺少“{key}”。")
    for key in ("sections", "grades"):
        if not isinstance(data[key], list):
            raise fail(f'"{key}"', f"“{key}”应是一个列表（[…]）。")
    template_code = text_of(data["code"], "模板代码", '"code"', 40)
    template_name = text_of(data["name"], "模板名称", '"name"', 100)
    kind = data.get("kind", "score")
    if not isinstance(kind, str) or kind not in KINDS:  # a list or an object is not a kind either
        raise fail('"kind"', f"“kind”应为 {'、'.join(KINDS)} 之一，不是“{str(kind)[:20]}”。")
    subject = data.get("subject", "party_org")
    if not isinstance(subject, str) or subject not in SUBJECTS:
        raise fail('"subject"', f"“subject”应为 {'、'.join(SUBJECTS)} 之一。")
    criteria: list[Criterion] = []
    star_mins: list[tuple[str, float]] = []
    seen: set[str] = set()
    for section in data["sections"]:
        title = (
            text_of(section.get("title", ""), "部分标题", '"title"', 100) if isinstance(section, dict) else ""
        )
        if not title or not isinstance(section.get("criteria"), list) or not section["criteria"]:
            raise fail(
                json.dumps(title, ensure_ascii=False) if title else '"sections"',
                "每一部分需要“title”和至少一条“criteria”。",
            )
        for c in section["criteria"]:
            code = str(c.get("code", "")).strip() if isinstance(c, dict) else ""
            where = f'"code": "{code}"' if code else '"criteria"'
            if not code or not str(c.get("title", "")).strip():
                raise fail(where, "每条考核内容需要“code”和“title”。")
            code = text_of(code, "考核内容编号", where, 40)
            c_title = text_of(c["title"], "考核内容", where, 500)
            guidance = text_of(c.get("guidance", ""), "评分说明", where, 2000)
            c_source = text_of(c.get("source", ""), "考核内容的依据", where, 2000)
            if code in seen:
                raise fail(where, f"考核内容编号“{code}”重复。")
            seen.add(code)
            maximum = c.get("max")
            if not _is_number(maximum) or not 0 < maximum <= CRITERION_MAX_SCORE:
                raise fail(where, f"考核内容“{code}”的满分“max”应为 0 至 {CRITERION_MAX_SCORE} 之间的正数。")
            criteria.append(Criterion(code, c_title, guidance, float(maximum), title, c_source))
        if "star_min" in section:
            where = json.dumps(title, ensure_ascii=False)
            line = section["star_min"]
            top = sum(float(c["max"]) for c in section["criteria"])
            if not _is_number(line) or not 0 < line <= top:
                raise fail(where, f"“{title}”的得星分数线“star_min”应为 0 至 {top:g}（本部分满分）之间的数。")
            star_mins.append((title, float(line)))
    by_stars = any(isinstance(g, dict) and "stars" in g for g in data["grades"])
    if star_mins and len(star_mins) < len(data["sections"]):
        raise fail('"star_min"', "按得星评定时，每一部分都要有得星分数线“star_min”。")
    if by_stars != bool(star_mins):
        raise fail(
            '"grades"',
            "按得星评定时，各部分写“star_min”、各等次写“stars”（得星数），两者要同时使用。",
        )
    grades = []
    key, top = ("stars", len(star_mins)) if by_stars else ("min", 100)
    for g in data["grades"]:
        if (
            not isinstance(g, dict)
            or not str(g.get("name", "")).strip()
            or not _is_number(g.get(key))
            or not 0 <= g[key] <= top
            or (by_stars and g[key] != int(g[key]))
        ):
            raise fail(
                '"grades"',
                f"每个等次需要“name”和“stars”（得星数，0–{top} 的整数）。"
                if by_stars
                else "每个等次需要“name”和“min”（得分率下限，0–100）。",
            )
        grades.append((text_of(g["name"], "等次名称", '"grades"', 20), float(g[key])))
    grades.sort(key=lambda g: -g[1])
    if not grades or grades[-1][1] > 0:
        lowest = "“stars”为 0" if by_stars else "“min”为 0"
        raise fail('"grades"', f"等次应覆盖到 0 分（最低一档的{lowest}）。")
    return Template(
        template_code,
        template_name,
        kind,
        subject,
        text_of(data.get("source", ""), "模板依据", '"source"', 2000),
        tuple(criteria),
        tuple(grades),
        text_of(data.get("note", ""), "模板说明", '"note"', 2000),
        tuple(star_mins),
    )


def _is_number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float)
