"""Take the README's screenshot of the HTML report (needs chromium, chromedriver, selenium and
a CJK font such as Debian's fonts-noto-cjk):

    python tools/report_screenshot.py tests/plans/broken_county docs/report.png
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def main() -> None:
    plan, png = Path(sys.argv[1]), Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "report.html"
        subprocess.run(
            [sys.executable, "-m", "planchk", "--lang", "zh", "report", str(plan), "-o", str(page)],
            check=True,
        )
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in (
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--disable-background-networking", "--force-device-scale-factor=1",
        ):  # fmt: skip
            options.add_argument(flag)
        browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            browser.set_window_size(900, 1200)
            browser.get(page.as_uri())
            browser.find_element(By.CSS_SELECTOR, "body").screenshot(str(png))
        finally:
            browser.quit()


if __name__ == "__main__":
    main()
