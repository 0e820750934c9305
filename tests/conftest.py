import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the holiday cache (services/holiday_cache.py) out of the user's real cache folder.
os.environ.setdefault("DESKWFM_CACHE_DIR", tempfile.mkdtemp(prefix="deskwfm-test-cache-"))
os.environ.setdefault("DESKWFM_LOG_DIR", os.environ["DESKWFM_CACHE_DIR"])
# The language: English unless a test chooses French; never the user's saved choice.
os.environ["DESKWFM_CONFIG_DIR"] = tempfile.mkdtemp(prefix="deskwfm-test-config-")
for _var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_var, None)
os.environ["LANG"] = "C.UTF-8"


def pytest_runtest_setup(item: object) -> None:
    """Each test starts in English (a test that switched to French leaves no trace)."""
    from deskwfm.core.i18n import set_language

    set_language("en")
