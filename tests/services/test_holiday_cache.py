from datetime import date
from pathlib import Path

import pytest

from deskwfm.core import holidays as core_holidays
from deskwfm.services import holiday_cache


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESKWFM_CACHE_DIR", str(tmp_path))
    return tmp_path / "holidays"


def test_cached_answer_equals_the_package_and_is_reused(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = holiday_cache.holidays_between("ca-on", date(2026, 1, 1), date(2027, 3, 1))
    assert first == core_holidays.holidays_between("CA-ON", date(2026, 1, 1), date(2027, 3, 1))
    assert len(list(cache.glob("CA-ON-202[67]-*.json"))) == 2

    def boom(*_a: object) -> None:
        raise AssertionError("the holidays package was consulted again")

    monkeypatch.setattr(core_holidays, "holidays_in_year", boom)
    assert holiday_cache.holidays_between("CA-ON", date(2026, 1, 1), date(2027, 3, 1)) == first


def test_corrupt_cache_file_is_recomputed(cache: Path) -> None:
    holiday_cache.holidays_between("US-CA", date(2026, 7, 1), date(2026, 7, 31))
    (f,) = cache.glob("US-CA-2026-*.json")
    f.write_text("{not json", encoding="utf-8")
    assert date(2026, 7, 4) in holiday_cache.holidays_between("US-CA", date(2026, 7, 1), date(2026, 7, 31))


def test_unknown_region_is_still_refused(cache: Path) -> None:
    with pytest.raises(Exception, match="unknown holiday region"):
        holiday_cache.holidays_between("XX-YY", date(2026, 1, 1), date(2026, 12, 31))
