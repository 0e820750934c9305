import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the holiday cache (services/holiday_cache.py) out of the user's real cache folder.
os.environ.setdefault("DESKWFM_CACHE_DIR", tempfile.mkdtemp(prefix="deskwfm-test-cache-"))
os.environ.setdefault("DESKWFM_LOG_DIR", os.environ["DESKWFM_CACHE_DIR"])
