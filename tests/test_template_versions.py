"""Appraisal templates merge across stations: the shipped ones have the same id in every
database and belong to the program; a changed template is a new version, a row of its
own, so an appraisal keeps (and prints) the criteria it was scored with; the same file
imported again changes nothing; migration 0009 converts a database seeded the old way.
The program itself ships 述职评议 at version 2 (version 1 kept beside it), so a station's
own change to it is version 3."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from pypdf import PdfReader
from sqlalchemy import func, select, text

from app.errors import LiangxinError
from app.reports.forms import print_appraisals
from app.services import appraisal_templates, appraisals, party_orgs
from app.store import Store, init_store, open_store, resolve_url
from app.upgrade import upgrade_database
from bench.concurrent_writers import check_journal
from db import migrate
from db.engine import create_db_engine
from db.journal import utcnow
from db.models import Appraisal, AppraisalTemplate, JournalEntry
from db.models.appraisal import BUILTIN_OWNER, builtin_template_id

from .conftest import STATION

OLD_TITLE, NEW_TITLE = "研究部署党建工作", "年度党建计划制定"  # criterion A1 of 述职评议, before and after
BUILTIN = ("review", "star_rating", "health_check")
SHIPPED = appraisal_templates.builtin_version("review")  # 2: the version the program ships


def _score_everything(store: Store, appraisal_id: str, template: str = "review", version: int = 0) -> None:
    texts = appraisal_templates.builtin_texts(template)
    parsed = appraisal_templates.parse_template(texts[version or max(texts)])
    scores = {c.code: {"score": c.max, "note": ""} for c in parsed.criteria}
    appraisals.finalize_appraisal(
        store, appraisal_id, scores=scores, evaluator="李评议", evaluated_on="2026-12-20"
    )


def _revised_review(tmp_path: Path) -> Path:
    data = json.loads(appraisal_templates.builtin_text("review"))
    data.pop("version")  # a station's file says none: importing makes it the next version
    first = data["sections"][0]["criteria"][0]
    assert first["title"] == OLD_TITLE
    first["title"] = NEW_TITLE
    path = tmp_path / "述职评议（修订）.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _journal_length(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(JournalEntry)) or 0


def _template_rows(store: Store) -> set[tuple[str, str, int, str]]:
    with store.read() as session:
        return {
            (row.id, row.code, row.version, row.owner)
            for row in session.scalars(select(AppraisalTemplate).where(AppraisalTemplate.deleted.is_(False)))
        }


def _pdf_text(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_two_stations_hold_the_shipped_templates_under_the_same_ids(tmp_path: Path) -> None:
    found = []
    for code, name in (STATION, ("440307002", "粤海街道")):
        store, _ = init_store(str(tmp_path / f"{code}.sqlite3"), code, name)
        try:
            found.append(_template_rows(store))
        finally:
            store.close()
    expected = {
        (builtin_template_id(code, version), code, version, BUILTIN_OWNER)
        for code in BUILTIN
        for version in (1, 2)  # every version shipped, each under the same id everywhere
    }
    assert found == [expected, expected]


def test_a_changed_template_is_a_new_version_and_a_final_appraisal_keeps_its_criteria(
    any_store: Store, tmp_path: Path
) -> None:
    store = any_store
    first = party_orgs.add_party_org(store, {"name": "华信物流党支部", "level": "branch"})["id"]
    [scored] = appraisals.start_appraisals(store, "review", 2026, [first])
    _score_everything(store, scored)

    result = appraisal_templates.import_template(store, _revised_review(tmp_path))
    assert (result["version"], result["changed"]) == (SHIPPED + 1, True)
    listed = {t["code"]: t["version"] for t in appraisal_templates.list_templates(store)}
    assert listed["review"] == SHIPPED + 1
    shipped = builtin_template_id("review", SHIPPED)
    assert (shipped, "review", SHIPPED, BUILTIN_OWNER) in _template_rows(store)

    # The finalised appraisal reads and prints what it was scored with.
    record = appraisals.appraisal_record(store, scored)
    assert record["criteria"][0].title == OLD_TITLE and record["state"] == "final"
    [pdf] = print_appraisals(store, [scored], tmp_path / "scored.pdf")
    printed = _pdf_text(pdf)
    assert OLD_TITLE in printed and NEW_TITLE not in printed

    # It is still the year's appraisal of that subject: listed, and not started twice.
    assert [row.id for row in appraisals.list_appraisals(store, "review", 2026)] == [scored]
    assert appraisals.start_appraisals(store, "review", 2026, [first]) == [scored]
    # A subject appraised from now on gets the new version.
    second = party_orgs.add_party_org(store, {"name": "安达科技党支部", "level": "branch"})["id"]
    [fresh] = appraisals.start_appraisals(store, "review", 2026, [second])
    assert appraisals.appraisal_record(store, fresh)["criteria"][0].title == NEW_TITLE
    [blank] = appraisals.forms_for(store, "review", 2027, [second])
    assert blank.lines[0].title == NEW_TITLE


def test_importing_the_same_template_again_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = _revised_review(tmp_path)
    assert appraisal_templates.import_template(store, path)["changed"]
    before, rows = _journal_length(store), _template_rows(store)

    again = appraisal_templates.import_template(store, path)
    assert (again["version"], again["changed"]) == (SHIPPED + 1, False)
    # Laid out differently, the same content: no new version either.
    compact = tmp_path / "compact.json"
    compact.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False))
    assert not appraisal_templates.import_template(store, compact)["changed"]
    assert (_journal_length(store), _template_rows(store)) == (before, rows)

    shipped = tmp_path / "五星支部.json"
    shipped.write_text(appraisal_templates.builtin_text("star_rating"), encoding="utf-8")
    assert appraisal_templates.import_template(store, shipped) == {
        "code": "star_rating",
        "name": appraisal_templates.builtin_template("star_rating").name,
        "version": appraisal_templates.builtin_version("star_rating"),
        "criteria": len(appraisal_templates.builtin_template("star_rating").criteria),
        "changed": False,
    }
    assert _journal_length(store) == before


def test_the_page_says_when_a_template_is_already_up_to_date(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import appraisal_page
    from ui import background as ui_background

    monkeypatch.setattr(ui_background, "SYNCHRONOUS", True)
    path = _revised_review(tmp_path)
    monkeypatch.setattr(appraisal_page.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page = appraisal_page.AppraisalPage(store, ui_background.Background())
    qtbot.addWidget(page)
    said: list[str] = []
    page.status.connect(said.append)
    page.import_template()
    page.import_template()
    review = appraisal_templates.builtin_template("review")
    assert said == [
        f"已导入模板“{review.name}”（第 {SHIPPED + 1} 版，{len(review.criteria)} 项考核内容）。",
        "模板已是最新，未做改动。",
    ]


def test_a_station_cannot_change_a_shipped_template(any_store: Store) -> None:
    store = any_store
    fixed = builtin_template_id("review", SHIPPED)
    before = _journal_length(store)
    with pytest.raises(LiangxinError, match="不能修改"), store.write() as session:
        row = session.get(AppraisalTemplate, fixed)
        assert row is not None
        row.body = row.body.replace(OLD_TITLE, NEW_TITLE)
    with pytest.raises(LiangxinError, match="不能修改"), store.write() as session:
        row = session.get(AppraisalTemplate, fixed)
        assert row is not None
        row.deleted = True
    with store.read() as session:
        row = session.get(AppraisalTemplate, fixed)
        assert row is not None
        assert (row.body, row.deleted, row.owner) == (
            appraisal_templates.builtin_text("review"),
            False,
            BUILTIN_OWNER,
        )
    assert _journal_length(store) == before


def test_the_latest_version_wins_across_owners_and_a_tie_goes_to_this_station(
    store: Store, tmp_path: Path
) -> None:
    """The district's newer version may arrive after the station's own."""
    district = "440307"
    mine = appraisal_templates.import_template(store, _revised_review(tmp_path))
    assert mine["version"] == SHIPPED + 1

    def arrives(version: int, title: str) -> None:
        data = json.loads(appraisal_templates.builtin_text("review"))
        data["sections"][0]["criteria"][0]["title"] = title
        now = utcnow()
        with store.write() as session:  # as a package from the district puts it in
            session.execute(
                AppraisalTemplate.__table__.insert().values(
                    id=f"district-review-{version}",
                    owner=district,
                    rev=version,
                    created_at=now,
                    updated_at=now,
                    updated_by="区",
                    deleted=False,
                    code="review",
                    name=data["name"],
                    version=version,
                    body=json.dumps(data, ensure_ascii=False),
                )
            )

    def current() -> str:
        with store.read() as session:
            _, template = appraisal_templates.available_templates(session)["review"]
            return template.criteria[0].title

    arrives(SHIPPED + 1, "区里的同一版")
    assert current() == NEW_TITLE  # the same version: this station's own
    arrives(SHIPPED + 2, "区里的新一版")
    assert current() == "区里的新一版"
    assert {t["code"]: t["version"] for t in appraisal_templates.list_templates(store)}[
        "review"
    ] == SHIPPED + 2
    # This station's next change follows the latest, whoever made it.
    again = tmp_path / "again.json"
    data = json.loads(_revised_review(tmp_path).read_text(encoding="utf-8"))
    data["sections"][0]["criteria"][0]["title"] = "站点再改一版"
    again.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert appraisal_templates.import_template(store, again)["version"] == SHIPPED + 3
    assert current() == "站点再改一版"


def _as_0008_seeded_it(db: str) -> dict[str, str]:
    """A station's database as revision 0008 left it: the shipped templates (version 1,
    all that program shipped) seeded under ids of its own (述职评议 pristine, with a final
    appraisal on it; 五星支部 changed in place by an import, with an appraisal on it;
    党建体检 pristine, unused). Returns the ids that matter."""
    store, _ = init_store(db, *STATION)
    try:
        with store.write() as session:  # as that program would have started them: on version 1
            shipped = {code: builtin_template_id(code, 1) for code in BUILTIN}
            session.execute(
                AppraisalTemplate.__table__.delete().where(AppraisalTemplate.id.not_in(shipped.values()))
            )
        branch = party_orgs.add_party_org(store, {"name": "华信物流党支部", "level": "branch"})["id"]
        with store.write() as session:
            for code in ("review", "star_rating"):
                session.add(
                    Appraisal(
                        template_id=shipped[code],
                        year=2026,
                        subject_kind="party_org",
                        subject_id=branch,
                        scores="{}",
                    )
                )
        with store.read() as session:
            ids = dict(session.execute(select(Appraisal.template_id, Appraisal.id)).all())
        review, star = ids[shipped["review"]], ids[shipped["star_rating"]]
        _score_everything(store, review, version=1)
    finally:
        store.close()
    old = {code: f"00000000-0000-7000-8000-00000000000{i}" for i, code in enumerate(BUILTIN, 1)}
    engine = create_db_engine(resolve_url(db))
    config = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")
            for code, old_id in old.items():
                fixed = builtin_template_id(code, 1)
                conn.execute(
                    text(
                        "INSERT INTO appraisal_template (id, owner, rev, created_at, updated_at, updated_by,"
                        " deleted, code, name, version, body)"
                        " SELECT :old, :station, 0, created_at, updated_at, 'tester', deleted, code, name,"
                        " version, body FROM appraisal_template WHERE id = :fixed"
                    ),
                    {"old": old_id, "station": STATION[0], "fixed": fixed},
                )
                conn.execute(
                    text("UPDATE appraisal SET template_id = :old WHERE template_id = :fixed"),
                    {"old": old_id, "fixed": fixed},
                )
                # The journal said so from the start (the appraisal's insert names its template).
                conn.execute(
                    text("UPDATE journal SET changes = REPLACE(changes, :fixed, :old)"),
                    {"old": old_id, "fixed": fixed},
                )
                conn.execute(text("DELETE FROM appraisal_template WHERE id = :fixed"), {"fixed": fixed})
            conn.execute(
                text("UPDATE appraisal_template SET version = 2, body = :body WHERE id = :id"),
                {
                    "id": old["star_rating"],
                    "body": appraisal_templates.builtin_text("star_rating").replace("五星", "六星", 1),
                },
            )
    finally:
        engine.dispose()
    return {"review_appraisal": review, "star_appraisal": star, **old}


def test_0009_gives_the_shipped_templates_their_fixed_ids_and_keeps_changed_ones(
    db_url: str, tmp_path: Path
) -> None:
    old = _as_0008_seeded_it(db_url)
    # As ``liangxin upgrade`` does it: the migrations, then what the program ships since.
    assert upgrade_database(db_url, backup=False).changed

    store = open_store(db_url)
    try:
        assert _template_rows(store) == {
            (builtin_template_id("review", 1), "review", 1, BUILTIN_OWNER),
            (builtin_template_id("star_rating", 1), "star_rating", 1, BUILTIN_OWNER),
            (old["star_rating"], "star_rating", 2, STATION[0]),  # the station's own version stays
            (builtin_template_id("health_check", 1), "health_check", 1, BUILTIN_OWNER),
            # and the versions shipped since, put in after the upgrade
            *((builtin_template_id(code, 2), code, 2, BUILTIN_OWNER) for code in BUILTIN),
        }
        with store.read() as session:
            review = session.get(Appraisal, old["review_appraisal"])
            star = session.get(Appraisal, old["star_appraisal"])
            assert review is not None and star is not None
            assert review.template_id == builtin_template_id("review", 1) and review.state == "final"
            assert star.template_id == old["star_rating"]
            moved = session.execute(
                select(JournalEntry.op, JournalEntry.changes, JournalEntry.by, JournalEntry.seq).where(
                    JournalEntry.row_id == review.id
                )
            ).all()[-1]
            assert (moved.op, json.loads(moved.changes), moved.by) == (
                "update",
                {"template_id": [old["review"], builtin_template_id("review", 1)]},
                "liangxin",
            )
            assert review.rev == moved.seq
            body = session.get(AppraisalTemplate, builtin_template_id("review", 1))
            assert body is not None and body.body == appraisal_templates.builtin_texts("review")[1]
        [pdf] = print_appraisals(store, [old["review_appraisal"]], tmp_path / "after.pdf")
        assert OLD_TITLE in _pdf_text(pdf)
        # Upgrading also stored the versions shipped since: new appraisals use those (the
        # station's own 五星支部 version 2 wins over the program's at the same version).
        listed = {t["code"]: t["version"] for t in appraisal_templates.list_templates(store)}
        assert listed == {"review": 2, "star_rating": 2, "health_check": 2}
        check = check_journal(store.url)
        assert (check.gaps, check.counter_off, check.chain_breaks, check.stale_revs) == (0, False, [], [])
    finally:
        store.close()
