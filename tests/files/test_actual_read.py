"""Reading agent login/logout reports as the phone systems export them."""

from __future__ import annotations

import time as clock
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from deskwfm.core.errors import InputError
from deskwfm.files.actual_read import parse_columns, read_sessions
from tests.files.hostile_xlsx import header_and_far_cell, write_xlsx
from tests.files.test_xlsx_builders import workbook

MON = date(2026, 11, 23)


def csv_file(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def sessions(
    path: Path, columns: dict[str, str] | None = None
) -> list[tuple[str, datetime, datetime | None]]:
    got = read_sessions(path, columns)
    assert got.problems == [], [str(p) for p in got.problems]
    return [(r.login_id, r.login, r.logout) for r in got.rows]


def test_five9_agent_login_logout_with_title_rows_blank_rows_and_a_total(tmp_path: Path) -> None:
    """Five9: AGENT, LOGIN TIMESTAMP, LOGOUT TIMESTAMP in MM/DD/YYYY hh:mm:ss AM/PM; its LOGIN TIME
    column is a duration and must not be read as the login."""
    p = csv_file(
        tmp_path,
        "five9.csv",
        (
            "Agent Login-Logout Report\n"
            "Report period: 11/23/2026 - 11/27/2026\n"
            "\n"
            "AGENT,AGENT FIRST NAME,AGENT LAST NAME,LOGIN TIMESTAMP,LOGOUT TIMESTAMP,LOGIN TIME\n"
            "jwang@acme.com,Fang,Wang,11/23/2026 09:57:00 PM,11/23/2026 11:58:00 PM,2:01:00\n"
            "\n"
            "jwang@acme.com,Fang,Wang,11/24/2026 12:07:00 AM,11/24/2026 06:31:00 AM,6:24:00\n"
            "jwang@acme.com,Fang,Wang,11/24/2026 09:58:00 PM,,\n"
            "Total,,,,,8:25:00\n"
        ),
    )
    got = read_sessions(p)
    assert got.columns == {"in": "LOGIN TIMESTAMP", "out": "LOGOUT TIMESTAMP", "id": "AGENT"}
    assert got.skipped == 1
    assert sessions(p) == [
        ("jwang@acme.com", datetime(2026, 11, 23, 21, 57), datetime(2026, 11, 23, 23, 58)),
        ("jwang@acme.com", datetime(2026, 11, 24, 0, 7), datetime(2026, 11, 24, 6, 31)),
        ("jwang@acme.com", datetime(2026, 11, 24, 21, 58), None),
    ]


def test_cisco_uccx_agent_login_logout_activity_by_extension(tmp_path: Path) -> None:
    p = csv_file(
        tmp_path,
        "uccx.csv",
        (
            "Agent Name,Extension,Login Time,Logout Time,Logout Reason Code,Logged-In Duration\n"
            "Zoe Cote,4711,11/23/2026 8:58:41 AM,11/23/2026 12:45:00 PM,0,03:46:19\n"
            "Zoe Cote,4711,11/23/2026 1:15:10 PM,11/23/2026 5:03:59 PM,32767,03:48:49\n"
        ),
    )
    assert sessions(p) == [
        ("4711", datetime(2026, 11, 23, 8, 58, 41), datetime(2026, 11, 23, 12, 45)),
        ("4711", datetime(2026, 11, 23, 13, 15, 10), datetime(2026, 11, 23, 17, 3, 59)),
    ]


def test_avaya_agent_login_id_with_excel_date_times(tmp_path: Path) -> None:
    """Avaya's Agent Login/Logout Summary: Agent Login Id, Login Timestamp, Logout Timestamp as
    Excel date-times, a title above the header and extra columns."""
    p = workbook(
        tmp_path / "avaya.xlsx",
        {
            "Report": [
                ["Agent Login/Logout Summary"],
                [],
                [
                    "Agent Display Name",
                    "Agent Login Id",
                    "Login Timestamp",
                    "Logon Duration",
                    "Logout Timestamp",
                ],
                ["Zoë Côté", 4711, datetime(2026, 11, 23, 8, 58), "03:47:00", datetime(2026, 11, 23, 12, 45)],
                ["Zoë Côté", 4711, datetime(2026, 11, 23, 22, 0), "08:30:00", datetime(2026, 11, 24, 6, 30)],
            ]
        },
    )
    assert sessions(p) == [
        ("4711", datetime(2026, 11, 23, 8, 58), datetime(2026, 11, 23, 12, 45)),
        ("4711", datetime(2026, 11, 23, 22, 0), datetime(2026, 11, 24, 6, 30)),
    ]


def test_genesys_iso_timestamps_with_an_offset_stay_aware(tmp_path: Path) -> None:
    p = csv_file(
        tmp_path,
        "genesys.csv",
        (
            "User,Start Time,End Time,Duration\n"
            "zcote,2026-11-23T13:58:00Z,2026-11-23T17:45:00+00:00,03:47:00\n"
            "zcote,2026-11-23 18:15:00,2026-11-23 22:03:00,03:48:00\n"
        ),
    )
    [(_, login, logout), (_, local_in, _)] = sessions(p)
    assert login == datetime(2026, 11, 23, 13, 58, tzinfo=UTC)
    assert logout is not None and logout.utcoffset() == timedelta(0)
    assert local_in.tzinfo is None  # naive: the site's wall clock


def test_avaya_cms_date_and_time_columns_and_a_time_clock_overnight(tmp_path: Path) -> None:
    cms = csv_file(
        tmp_path,
        "cms.csv",
        (
            "Login ID;Login Date;Login Time;Logout Date;Logout Time\n"
            "4711;2026-11-23;22:01:05;2026-11-24;06:29:40\n"
        ),
    )
    assert sessions(cms) == [("4711", datetime(2026, 11, 23, 22, 1, 5), datetime(2026, 11, 24, 6, 29, 40))]
    clock_csv = csv_file(
        tmp_path,
        "clock.csv",
        (
            "Employee ID\tDate\tTime In\tTime Out\n"
            "AG001\t11/23/2026\t10:00 PM\t6:30 AM\n"  # out before in: the next morning
        ),
    )
    assert sessions(clock_csv) == [("AG001", datetime(2026, 11, 23, 22, 0), datetime(2026, 11, 24, 6, 30))]


def test_columns_named_on_the_command_line(tmp_path: Path) -> None:
    p = csv_file(tmp_path, "custom.csv", "Wer,Tag,Kommt,Geht\n4711,2026-11-23,08:58,17:03\n")
    assert str(read_sessions(p).problems[0].message).startswith("no header row with a login ID")
    columns = parse_columns("id=Wer, in=Kommt, out=Geht, date=Tag")
    assert sessions(p, columns) == [("4711", datetime(2026, 11, 23, 8, 58), datetime(2026, 11, 23, 17, 3))]


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("id=A,in=B", "out= must be given"),
        ("id=A,in=B,out=C,when=D", "roles: id, in, out, date, outdate"),
        ("id=A,id=B,in=C,out=D", "id= is given twice"),
    ],
)
def test_a_wrong_columns_option_says_what_is_wrong(spec: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        parse_columns(spec)


def test_bad_values_are_located_at_their_cell(tmp_path: Path) -> None:
    p = csv_file(
        tmp_path,
        "bad.csv",
        (
            "Login ID,Login Time,Logout Time\n"
            "4711,11/23/2026 25:00:00,11/23/2026 17:00:00\n"
            ",11/23/2026 09:00:00,11/23/2026 17:00:00\n"
            "4711,09:00,17:00\n"
        ),
    )
    assert [str(x) for x in read_sessions(p).problems] == [
        'bad.csv!B2: "11/23/2026 25:00:00" is not a login time; write it like 2026-11-23 08:58:12 or '
        "11/23/2026 8:58:12 AM",
        "bad.csv!A3: the login ID is missing",
        'bad.csv!B4: "09:00" has no date, and the file has no Date column',
        'bad.csv!C4: "17:00" has no date, and the file has no Date column',
    ]


def test_other_file_kinds_and_unreadable_text_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="from .csv or .xlsx, not .pdf"):
        read_sessions(tmp_path / "x.pdf")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Login ID,Login Time,Logout Time\nZo\xe9,1,2\n".encode("latin-1"))
    with pytest.raises(InputError, match="not a UTF-8 text file"):
        read_sessions(latin)


def test_hostile_files_are_refused_quickly(tmp_path: Path) -> None:
    """The workbook checks of the other readers apply: a 1 KB file reaching XFD1048576 would make
    the reader build a 512 GB sheet; a 50 MB line of CSV is refused without reading it all."""
    far = write_xlsx(tmp_path / "far.xlsx", [header_and_far_cell("Sheet1", 16384, 1_048_576)])
    t0 = clock.perf_counter()
    with pytest.raises(InputError, match="at most 200,000 rows"):
        read_sessions(far)
    long_line = tmp_path / "long.csv"
    long_line.write_text("Login ID,Login Time,Logout Time\n" + "x" * 2_000_000 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2 is longer than 16,384 characters"):
        read_sessions(long_line)
    assert clock.perf_counter() - t0 < 10  # a hang guard, not a timing assertion


def _values(*cells: Any) -> list[Any]:
    return list(cells)


def test_excel_times_of_day_with_a_date_column(tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "clock.xlsx",
        {
            "Punches": [
                _values("Badge", "Date", "Clock In", "Clock Out"),
                _values("AG001", MON, time(8, 58), time(17, 3)),
            ]
        },
    )
    assert sessions(p) == [("AG001", datetime(2026, 11, 23, 8, 58), datetime(2026, 11, 23, 17, 3))]
