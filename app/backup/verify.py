"""``检查数据`` and ``liangxin verify``: is the database whole?

- the file's integrity (SQLite's ``integrity_check``: every page, every index against
  its table; PostgreSQL keeps its own pages and is not asked);
- the journal's continuity: sequence numbers 1…n with no hole, and the counter that
  hands them out at n;
- orphans: every link between records (each foreign key of the models, so a new table
  is checked without being listed here) points at a record that exists, and a few
  links a person relies on point at one that is not deleted.

Each item is ok or a problem with a count and one example. Reads only, in one read
transaction (a consistent picture while others write)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from app.services.attachments import stored_path
from app.store import Store
from app.sync.rows import TABLE_LABELS

# Live records that must not point at a deleted one (the services refuse to delete a
# Party organization that still has members, units or sub-organizations).
LIVE_LINKS = (
    ("member", "party_org_id", "party_org"),
    ("party_org", "parent_id", "party_org"),
    ("organization", "party_org_id", "party_org"),
    ("task", "campaign_id", "campaign"),
)
COLUMN_WORDS = {
    "party_org_id": "所属党组织",
    "parent_id": "上级党组织",
    "organization_id": "两新组织",
    "employer_id": "所在单位",
    "campaign_id": "专项行动",
    "phase_id": "行动阶段",
    "task_id": "任务",
    "activity_id": "组织生活",
    "member_id": "党员",
    "instructor_id": "指导员",
    "community_id": "社区",
    "template_id": "考评模板",
    "package_id": "数据包",
}
OK, PROBLEM = "ok", "problem"
INTEGRITY_ROWS = 20  # problems integrity_check lists before it stops


@dataclass(frozen=True)
class Check:
    key: str  # integrity | journal | counter | orphan:<table>.<column> | deleted:<table>.<column>
    title: str
    status: str  # ok | problem
    count: int = 0
    example: str = ""


@dataclass
class VerifyReport:
    location: str
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.status == OK for c in self.checks)

    @property
    def problems(self) -> list[Check]:
        return [c for c in self.checks if c.status != OK]

    @property
    def exit_status(self) -> int:
        return 0 if self.ok else 1

    def summary(self) -> str:
        if self.ok:
            return f"数据库“{self.location}”检查完毕，{len(self.checks)} 项都正常。"
        return (
            f"数据库“{self.location}”检查发现 {len(self.problems)} 项问题，数据库未做任何改动；"
            "请先备份，再把这份报告发给维护人员。"
        )


OTHER_LABELS = {"sync_undo": "数据包撤销记录", "sync_package": "数据包"}


def _label(table: str) -> str:
    return TABLE_LABELS.get(table) or OTHER_LABELS.get(table, table)


def verify(store: Store) -> VerifyReport:
    report = VerifyReport(store.location)
    with store.read() as session:
        conn = session.connection()
        if store.is_sqlite:
            report.checks.append(_integrity(conn))
        report.checks += _journal(conn)
        report.checks += _orphans(conn)
        rows = _attachment_rows(conn, store.station.code)
    report.checks.append(_attachment_files(store, rows))  # the files read after the transaction
    return report


def _attachment_rows(conn: Connection, station: str) -> list[tuple[str, str, int, str]]:
    """This station's live attachment rows (received ones come without their files)."""
    if "activity_attachment" not in set(conn.dialect.get_table_names(conn)):
        return []
    found = conn.execute(
        text(
            "SELECT a.file_name, a.sha256, a.size, v.topic, v.held_on FROM activity_attachment a "
            "LEFT JOIN activity v ON v.id = a.activity_id "
            "WHERE a.deleted = :no AND a.owner = :me ORDER BY a.created_at"
        ),
        {"no": False, "me": station},
    )
    return [(str(n), str(s), int(z or 0), f"{d} {t or ''}".strip()) for n, s, z, t, d in found]


def _attachment_files(store: Store, rows: list[tuple[str, str, int, str]]) -> Check:
    """Each attachment's file is beside the database with the size its row records (the
    size, not the hash: reading every photo would make the check minutes long)."""
    title = "组织生活附件的文件都在"
    bad: list[tuple[str, str, str]] = []
    for name, sha, size, activity in rows:
        path = stored_path(store, sha, name)
        try:
            actual = path.stat().st_size
        except OSError:
            bad.append((name, activity, f"文件“{path}”不存在"))
            continue
        if actual != size:
            bad.append((name, activity, f"文件“{path}”有 {actual} 字节，应为 {size} 字节"))
    if not bad:
        return Check("attachments", title, OK, len(rows))
    name, activity, what = bad[0]
    where = f"组织生活“{activity}”的" if activity else ""
    return Check("attachments", title, PROBLEM, len(bad), f"{where}附件“{name}”：{what}")


def _integrity(conn: Connection) -> Check:
    rows = [str(r[0]) for r in conn.exec_driver_sql(f"PRAGMA integrity_check({INTEGRITY_ROWS})")]
    if rows == ["ok"]:
        return Check("integrity", "数据文件完整性", OK)
    more = "（或更多）" if len(rows) >= INTEGRITY_ROWS else ""
    return Check("integrity", "数据文件完整性", PROBLEM, len(rows), rows[0] + more)


def _journal(conn: Connection) -> list[Check]:
    count, first, last = conn.execute(text("SELECT count(*), min(seq), max(seq) FROM journal")).one()
    count, first, last = int(count), int(first or 0), int(last or 0)
    holes = last - count
    checks: list[Check] = []
    if count and (first != 1 or holes):
        missing = 1 if first != 1 else _first_hole(conn)
        checks.append(
            Check(
                "journal",
                "变更日志连续",
                PROBLEM,
                last - count,
                f"缺少第 {missing} 号（共 {last} 号，实有 {count} 条）",
            )
        )
    else:
        checks.append(Check("journal", "变更日志连续", OK, count))
    counter = conn.execute(text("SELECT value FROM counter WHERE name = 'journal'")).scalar()
    counter = int(counter or 0)
    if counter != last:
        checks.append(
            Check("counter", "变更日志计数器", PROBLEM, 1, f"计数器为 {counter}，日志最后一条为第 {last} 号")
        )
    else:
        checks.append(Check("counter", "变更日志计数器", OK))
    return checks


def _first_hole(conn: Connection) -> int:
    # The next number of the first entry whose successor is missing (the primary key
    # answers each lookup).
    found = conn.execute(
        text(
            "SELECT j.seq + 1 FROM journal j WHERE j.seq < (SELECT max(seq) FROM journal) "
            "AND NOT EXISTS (SELECT 1 FROM journal k WHERE k.seq = j.seq + 1) ORDER BY j.seq LIMIT 1"
        )
    ).scalar()
    return int(found or 0)


def _links() -> list[tuple[str, str, str, str]]:
    """(table, column, parent table, parent column) of every foreign key of the models."""
    import db.models  # noqa: F401  (registers every table)
    from db.base import Base

    found = []
    for table in Base.metadata.sorted_tables:
        for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
            found.append((table.name, fk.parent.name, fk.column.table.name, fk.column.name))
    return found


def _orphans(conn: Connection) -> list[Check]:
    checks: list[Check] = []
    there = set(conn.dialect.get_table_names(conn))
    for table, column, parent, key in _links():
        if table not in there or parent not in there:
            continue
        where = (
            f"FROM {table} c WHERE c.{column} IS NOT NULL "
            f"AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{key} = c.{column})"
        )
        title = f"{_label(table)}的{COLUMN_WORDS.get(column, column)}都存在"
        checks.append(_counted(conn, f"orphan:{table}.{column}", title, where, table, column))
    for table, column, parent in LIVE_LINKS:
        where = (
            f"FROM {table} c JOIN {parent} p ON p.id = c.{column} WHERE c.deleted = :no AND p.deleted = :yes"
        )
        title = f"在册{_label(table)}的{COLUMN_WORDS.get(column, column)}未被删除"
        checks.append(_counted(conn, f"deleted:{table}.{column}", title, where, table, column))
    return checks


def _counted(conn: Connection, key: str, title: str, where: str, table: str, column: str) -> Check:
    flags = {"no": False, "yes": True}
    count = int(conn.execute(text(f"SELECT count(*) {where}"), flags).scalar() or 0)
    if not count:
        return Check(key, title, OK)
    row = conn.execute(text(f"SELECT c.* {where} LIMIT 1"), flags).mappings().first()
    example = ""
    if row is not None:
        name = row.get("name") or row.get("title") or ""
        ident = row.get("id", "")
        example = (
            f"{_label(table)}{('“' + str(name) + '”') if name else ''}（{ident}）的{column} = {row[column]}"
        )
    return Check(key, title, PROBLEM, count, example)
