"""``keys init|enrol|export-public|show`` and ``station add|list|revoke``: enrolment of
sub-districts with the district, and the passphrase that opens this station's keys."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from app.cli.output import print_json, print_record, print_table, printable
from app.errors import LiangxinError
from app.store import Store
from app.sync import crypto, keys
from app.sync.crypto import SecretKeys

PASSPHRASE_ENV = "LIANGXIN_PASSPHRASE"

KEYS_HELP = (
    "本站点的密钥：签名用 minisign，接收用 age。密钥用您设定的口令加密保存，口令无法找回。"
    "忘记口令时只能重新登记：①区里运行 liangxin station revoke 街道代码（该街道已上报过数据时），"
    "再运行 liangxin station add --code 街道代码 --out 登记文件，生成新的登记文件；"
    "②街道运行 liangxin keys enrol 登记文件 --again，设定新口令、生成新密钥；"
    "③街道运行 liangxin keys export-public --out 公钥文件，区里运行 "
    "liangxin station add --code 街道代码 --pubkey 公钥文件 载入新公钥。"
    "区忘记口令时运行 liangxin keys init --again 换新密钥，之后每个街道都要按②③重新登记。"
    f"口令可由环境变量 {PASSPHRASE_ENV} 给出，否则在终端中输入。"
)


def _can_prompt() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError, OSError):  # closed or replaced stdin
        return False


def _ask(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise LiangxinError("没有输入口令，本次未做任何改动。") from None


def passphrase(args: argparse.Namespace, *, new: bool) -> str:
    """The passphrase: from LIANGXIN_PASSPHRASE, else typed at the terminal (twice for a
    new one). ``new``: refused here already when too short, before any work."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return crypto.check_new_passphrase(given) if new else given
    if not _can_prompt():
        raise LiangxinError(
            f"需要密钥口令，但这里无法输入（不在终端中运行），本次未做任何改动；请设置环境变量 {PASSPHRASE_ENV} 后再运行。"
        )
    if not new:
        return _ask("密钥口令：")
    first = crypto.check_new_passphrase(
        _ask(f"设定密钥口令（至少 {crypto.MIN_PASSPHRASE} 个字符，请牢记）：")
    )
    if _ask("再输入一次口令：").strip() != first:
        raise LiangxinError("两次输入的口令不一致，本次未做任何改动，请重新运行。")
    return first


def open_keys(store: Store, args: argparse.Namespace) -> SecretKeys:
    """This station's secret keys, asking for the passphrase only when they are not open."""
    try:
        return keys.unlocked(store)
    except keys.PassphraseNeeded:
        return keys.unlocked(store, passphrase(args, new=False))


def _grouped(key_id: str | None) -> str:
    """A key id in fours, as it is read aloud over the phone."""
    return " ".join(key_id[i : i + 4] for i in range(0, len(key_id), 4)) if key_id else "—"


def _say(text: str) -> None:
    print(printable(text))


# --- keys ---------------------------------------------------------------------------


def _keys_init(store: Store, args: argparse.Namespace) -> int:
    keys.check_init_keys(store, again=args.again)
    public = keys.init_keys(store, passphrase(args, new=True), again=args.again)
    key_id = crypto.key_id(public.sign)
    if args.json:
        print_json({"code": store.station.code, "key_id": key_id, "sign": public.sign, "age": public.age})
        return 0
    _say(f"已建立本站点的密钥，密钥编号 {_grouped(key_id)}。请牢记口令：忘记了只能换新密钥。")
    if args.again:
        _say(
            "原密钥已作废：请为每个街道重新生成登记文件（liangxin station add --code 街道代码 --out 文件），"
            "让其运行 liangxin keys enrol 文件 --again 后交回新的公钥文件。"
        )
    else:
        _say(
            "下一步：liangxin station add --code 街道代码 --name 名称 --out 登记文件，为每个街道生成登记文件。"
        )
    return 0


def _keys_enrol(store: Store, args: argparse.Namespace) -> int:
    path = Path(args.file)
    preview = keys.preview_enrolment(store, path, again=args.again)
    district = preview["district"]
    where = f"“{district['name']}”（{district['code']}）"
    if not preview["needed"]:
        if args.json:
            print_json({k: preview[k] for k in ("station", "district", "key_id")} | {"changed": False})
        else:
            _say(f"已登记到{where}，无需再次登记。如忘记口令需重新登记，请加 --again。")
        return 0
    if not args.json and _can_prompt() and not os.environ.get(PASSPHRASE_ENV):
        _say(f"登记文件来自{where}，区的密钥编号 {_grouped(district['key_id'])}。")
    result = keys.enrol(store, path, passphrase(args, new=True), again=args.again)
    if args.json:
        print_json(result)
        return 0
    _say(
        f"已登记到{where}，本站点的密钥编号 {_grouped(result['key_id'])}。"
        f"请打电话与区里核对区的密钥编号：{_grouped(district['key_id'])}，不一致请勿使用并告知区里。"
    )
    _say("下一步：liangxin keys export-public --out 公钥文件，把公钥文件交给区里载入。")
    return 0


def _keys_export(store: Store, args: argparse.Namespace) -> int:
    open_keys(store, args)
    result = keys.export_public(store, Path(args.out))
    if args.json:
        print_json(result)
        return 0
    _say(
        f"已写出公钥文件 {result['file']}（密钥编号 {_grouped(result['key_id'])}）；请交给区里，"
        f"由区里运行 liangxin station add --code {result['code']} --pubkey 公钥文件。"
    )
    return 0


def _keys_show(store: Store, args: argparse.Namespace) -> int:
    status = keys.key_status(store)
    if args.json:
        print_json(status)
        return 0
    station, district = status["station"], status["district"]
    pairs: list[tuple[str, Any]] = [
        ("本站点", f"{station['name']}（{station['code']}）"),
        ("密钥编号", _grouped(status["key_id"]) if status["keys"] else "尚无密钥"),
    ]
    if status["keys"]:
        pairs += [("签名公钥", status["sign"]), ("接收公钥", status["age"])]
    if station["role"] != "district":
        pairs.append(
            (
                "所属区",
                f"{district['name']}（{district['code']}），区的密钥编号 {_grouped(district['key_id'])}"
                if district
                else "尚未登记（liangxin keys enrol 登记文件）",
            )
        )
    print_record(pairs)
    return 0


def cmd_keys(store: Store, args: argparse.Namespace) -> int:
    actions = {"init": _keys_init, "enrol": _keys_enrol, "export-public": _keys_export, "show": _keys_show}
    return actions[args.action](store, args)


# --- station (the district) ---------------------------------------------------------


def _station_add(store: Store, args: argparse.Namespace) -> int:
    if args.out:
        open_keys(store, args)  # the enrolment file is signed with the district's key
    result = keys.add_station(
        store,
        args.code,
        args.name,
        enrolment_out=Path(args.out) if args.out else None,
        pubkey_file=Path(args.pubkey) if args.pubkey else None,
    )
    if args.json:
        print_json(result)
        return 0
    who = f"街道“{result['name']}”（{result['code']}）"
    _say(f"已登记{who}。" if result["created"] else f"{who}已登记。")
    change = result["keys_change"]
    key_id = _grouped(result["key_id"])
    if change == "new":
        _say(f"已载入其公钥（密钥编号 {key_id}），今后可接收它的数据包。")
    elif change == "replaced":
        _say(f"已换用其新公钥（密钥编号 {key_id}），原密钥作废。")
    elif change == "same":
        _say(f"公钥与已登记的相同（密钥编号 {key_id}），无变化。")
    if result["enrolment_file"]:
        _say(
            f"登记文件已写出：{result['enrolment_file']}（区的密钥编号 {_grouped(result['district_key_id'])}）；"
            "请交给该街道，由其运行 liangxin keys enrol 登记文件。"
        )
    return 0


def _station_list(store: Store, args: argparse.Namespace) -> int:
    rows = keys.list_stations(store)
    if args.json:
        print_json(rows)
    elif not rows:
        print(
            "还没有登记任何站点。区用 liangxin station add --code 街道代码 --name 名称 --out 登记文件 登记街道。"
        )
    else:
        print_table(
            ["代码", "名称", "公钥", "密钥编号", "状态", "已收到至", "最近上报", "距今天数", "拒收"],
            [
                [
                    r["code"],
                    r["name"],
                    "已载入" if r["keys"] else "未载入",
                    _grouped(r["key_id"]) if r["key_id"] else "",
                    f"已吊销（{r['revoked_at']:%Y-%m-%d}）" if r["revoked"] else "正常",
                    r["last_received_seq"],
                    r.get("last_import_on") or "从未上报",
                    ""
                    if r.get("lag_days") is None
                    else (f"{r['lag_days']}（超期）" if r["overdue"] else r["lag_days"]),
                    r.get("refused", 0),
                ]
                for r in rows
            ],
        )
    return 0


def _station_revoke(store: Store, args: argparse.Namespace) -> int:
    result = keys.revoke_station(store, args.code)
    if args.json:
        print_json(result)
        return 0
    who = f"街道“{result['name']}”（{result['code']}）"
    if result["changed"]:
        _say(f"已吊销{who}的密钥，今后其数据包一律拒收；它重新登记后，载入其新公钥文件即可恢复接收。")
    else:
        _say(f"{who}的密钥已于 {result['revoked_at']:%Y-%m-%d} 吊销，无需再次吊销。")
    return 0


def cmd_station(store: Store, args: argparse.Namespace) -> int:
    actions = {"add": _station_add, "list": _station_list, "revoke": _station_revoke}
    return actions[args.action](store, args)


def add_key_commands(sub: Any) -> None:
    p = sub.add_parser("keys", help="本站点的密钥（数据交换用）", description=KEYS_HELP)
    actions = p.add_subparsers(dest="action", required=True, metavar="操作")
    a = actions.add_parser("init", help="区：建立本站点的密钥", description=KEYS_HELP)
    a.add_argument("--again", action="store_true", help="换新密钥（忘记口令时；之后各街道须重新登记）")
    a = actions.add_parser(
        "enrol", help="街道：载入区里发来的登记文件，生成本站点的密钥", description=KEYS_HELP
    )
    a.add_argument("file", help="登记文件")
    a.add_argument("--again", action="store_true", help="重新登记：生成新密钥，原密钥作废（忘记口令时）")
    a = actions.add_parser("export-public", help="写出本站点的公钥文件，交给区里载入")
    a.add_argument("--out", required=True, help="公钥文件")
    actions.add_parser("show", help="查看本站点的密钥编号和所属区")
    p.set_defaults(handler=cmd_keys)

    p = sub.add_parser("station", help="区：登记街道、载入其公钥、吊销")
    actions = p.add_subparsers(dest="action", required=True, metavar="操作")
    a = actions.add_parser("add", help="登记街道（或改名），生成登记文件、载入公钥文件")
    a.add_argument("--code", required=True, help="街道代码（9位行政区划代码）")
    a.add_argument("--name", help="街道名称（新登记时必填）")
    a.add_argument("--out", help="写出该街道的登记文件")
    a.add_argument("--pubkey", metavar="文件", help="载入该街道交回的公钥文件")
    actions.add_parser("list", help="列出已登记的站点")
    a = actions.add_parser("revoke", help="吊销街道的密钥：其数据包一律拒收")
    a.add_argument("code", help="街道代码")
    p.set_defaults(handler=cmd_station)
