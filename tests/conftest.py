"""Suite-wide setup: no test reads or writes the user's validation cache."""

import os

# Tests (and the CLI processes they start) must see every package validated afresh.
os.environ["CHERY_VIEWER_CACHE_DIR"] = "off"
