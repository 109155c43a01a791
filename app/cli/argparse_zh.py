"""argparse in Chinese: its own words (用法、选项、错误) and the placeholders of values.

argparse looks its words up through ``gettext`` by the module-level names ``_`` and
``ngettext``, at the moment it formats them; ``install()`` replaces both with a lookup in
the table below, so it must run before any help or error is printed (building the
parser first is fine). Words of a newer Python that are missing here stay English rather
than fail.

``localize(parser)`` then lays help out by terminal columns (Chinese text takes two
each), gives every value of every (sub)command a Chinese placeholder
(``--out 文件`` rather than ``--out OUT``; a missing ``编号`` rather than ``id`` in the
error), names ``int`` values 整数 in errors, and translates the built-in help texts.
"""

from __future__ import annotations

import argparse
import re
import types
import unicodedata
from collections.abc import Callable
from typing import Any, NoReturn

ZH = {
    # help
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",  # Python before 3.10, and some subclasses
    "show this help message and exit": "显示帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    # errors: each is a sentence; the argument's own message (ArgumentTypeError from
    # app/cli/args.py) is one already
    "%(prog)s: error: %(message)s\n": "%(prog)s：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必填参数：%s。",
    "one of the arguments %s is required": "参数 %s 必须填写其中一个。",
    "unrecognized arguments: %s": "无法识别的参数：%s。请用 -h 查看可用参数。",
    "invalid choice: %(value)r (choose from %(choices)s)": "“%(value)s”不是可选的值，可选：%(choices)s。",
    "invalid %(type)s value: %(value)r": "“%(value)s”不是有效的%(type)s。",
    "expected one argument": "后面应跟一个值。",
    "expected at most one argument": "后面最多跟一个值。",
    "expected at least one argument": "后面至少应跟一个值。",
    "not allowed with argument %s": "不能与参数 %s 同时使用。",
    "ignored explicit argument %r": "不接受值“%s”。",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s。",
    "unexpected option string: %s": "意外的选项：%s。",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有命令“%(parser_name)s”，可用命令：%(choices)s。",
    "can't open '%(filename)s': %(error)s": "无法打开文件“%(filename)s”：%(error)s。",
    "option '%(option)s' is deprecated": "选项 %(option)s 已弃用。",
    "argument '%(argument_name)s' is deprecated": "参数 %(argument_name)s 已弃用。",
    "command '%(parser_name)s' is deprecated": "命令 %(parser_name)s 已弃用。",
}
NZH = {
    "expected %s argument": "后面应跟 %s 个值。",
    "conflicting option string: %s": "选项重复：%s。",
}

# The placeholder shown for a value, by the argument's ``dest`` (a leading ``q_`` — the
# register filters' prefix — is ignored). Anything else is shown as 值.
METAVARS = {
    "after": "序号",
    "assign": "方式",
    "assignee": "单位",
    "campaign": "行动",
    "category": "类别",
    "code": "代码",
    "community": "社区",
    "coverage": "状态",
    "db": "数据库",
    "due": "日期",
    "employer": "单位",
    "ends": "日期",
    "file": "文件",
    "formation": "方式",
    "goal": "目标",
    "id": "编号",
    "industry": "行业",
    "kind": "类型",
    "level": "类别",
    "limit": "条数",
    "members": "人数",
    "name": "名称",
    "note": "说明",
    "offset": "条数",
    "org": "组织",
    "organization": "组织",
    "orgs": "数量",
    "out": "文件",
    "override": "理由",
    "page": "页面",
    "party_org": "党组织",
    "path": "文件",
    "phase": "阶段",
    "relation": "关系",
    "role": "角色",
    "rule": "规则",
    "search": "关键词",
    "seed": "种子",
    "size": "宽x高",
    "sort": "列",
    "starts": "日期",
    "station": "代码",
    "status": "状态",
    "subject": "对象",
    "template": "模板",
    "title": "标题",
    "to": "状态",
    "today": "日期",
    "unit": "单位",
    "value": "值",
    "year": "年度",
}
TYPE_NAMES = {int: "整数", float: "数字"}


def gettext(message: str) -> str:
    return ZH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return NZH.get(singular) or (singular if n == 1 else plural)


def install() -> None:
    """Make argparse speak Chinese in this process (idempotent)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def metavar_for(action: argparse.Action) -> str:
    key = action.dest.removeprefix("q_")
    if key in METAVARS:
        return METAVARS[key]
    named = getattr(action.type, "__name__", "")  # app/cli/args.py names its types in Chinese
    return named if any("\u4e00" <= c <= "\u9fff" for c in named) else "值"


def width(text: str) -> int:
    """Columns a terminal gives the text: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# A wide character, a run of other non-space characters (an ASCII word), or spaces.
_TOKEN = re.compile(
    r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003ffff]|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003ffff]+|\s+"
)
_NO_LINE_START = set("，。、；：？！）》」』】”’")
_NO_LINE_END = set("（《「『【“‘")


class ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's layout measured in terminal columns: Chinese help wraps between
    characters (not only at spaces), columns line up, and headings end with “：”."""

    class _Section(argparse.HelpFormatter._Section):  # type: ignore[name-defined]
        def format_help(self) -> str:
            text: str = super().format_help()
            if self.heading not in (None, argparse.SUPPRESS):
                text = text.replace(f"{self.heading}:\n", f"{self.heading}：\n", 1)
            return text

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            invocations = [self._format_action_invocation(action)]
            invocations += [self._format_action_invocation(a) for a in self._iter_indented_subactions(action)]
            self._action_max_length = max(
                self._action_max_length, max(map(width, invocations)) + self._current_indent
            )

    def _format_action(self, action: argparse.Action) -> str:
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent = " " * self._current_indent
        if not action.help:
            parts = [f"{indent}{header}\n"]
            first = 0
        elif width(header) <= action_width:
            parts = [f"{indent}{header}{' ' * (action_width - width(header))}  "]
            first = 0
        else:
            parts = [f"{indent}{header}\n"]
            first = help_position
        if action.help and action.help.strip():
            text = self._expand_help(action)
            if text:
                lines = self._split_lines(text, help_width)
                parts.append(f"{' ' * first}{lines[0]}\n")
                parts += [f"{' ' * help_position}{line}\n" for line in lines[1:]]
        elif not parts[0].endswith("\n"):
            parts.append("\n")
        parts += [self._format_action(sub) for sub in self._iter_indented_subactions(action)]
        return self._join_parts(parts)

    def _split_lines(self, text: str, width_: int) -> list[str]:
        lines: list[list[str]] = []
        line: list[str] = []
        for token in _TOKEN.findall(self._whitespace_matcher.sub(" ", text).strip()):
            if line and width("".join(line)) + width(token) > width_:
                # Line-breaking rules: a closing mark never starts a line (the character
                # before it comes down too) and an opening one never ends a line.
                keep = len(line)
                if token in _NO_LINE_START:
                    keep -= 1
                while keep > 1 and line[keep - 1] in _NO_LINE_END:
                    keep -= 1
                lines.append(line[:keep])
                line = line[keep:]
            if line or not token.isspace():
                line.append(token)
        if line or not lines:
            lines.append(line)
        return ["".join(tokens).strip() for tokens in lines]


def _named(kind: type, name: str) -> Callable[[str], Any]:
    def convert(text: str) -> Any:
        return kind(text)

    convert.__name__ = name  # argparse puts this name into “不是有效的…” errors
    return convert


def _error(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    """One sentence and where to read more, instead of argparse's usage block and its
    "prog: error:" prefix: a person reads what was wrong and how to find the right form."""
    sentence = message.rstrip("。.") + "。"
    parser.exit(2, f"{sentence}（用法见：{parser.prog} --help）\n")


def localize(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Chinese placeholders and built-in help texts for a parser and all its subcommands."""
    parser.formatter_class = ChineseHelpFormatter
    parser.error = types.MethodType(_error, parser)  # type: ignore[method-assign]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # aliases share a parser
                localize(child)
            continue
        if isinstance(action.help, str):
            action.help = ZH.get(action.help, action.help)
        if action.type in TYPE_NAMES:
            action.type = _named(action.type, TYPE_NAMES[action.type])  # type: ignore[index]
        if action.metavar is None and action.nargs != 0 and not action.choices:
            action.metavar = metavar_for(action)
    return parser
