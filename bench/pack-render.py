#!/usr/bin/env python3
"""Times the debrief pack in headless Chromium: signs in with a password, opens a position's pack
(one page of its ranking) and its print view, and prints each page's size and its navigation timing
(time to the first byte, to DOMContentLoaded, to the load event), median of RUNS loads.

Usage: bench/pack-render.py BASE_URL EMAIL PASSWORD [POSITION] [RUNS]"""
import shutil, statistics, sys
from selenium import webdriver
from selenium.webdriver.common.by import By

def main(base, email, password, position="1", runs=5):
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(flag)
    browser = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")))
    try:
        browser.get(f"{base}/sign-in")
        browser.find_element(By.NAME, "email").send_keys(email)
        browser.find_element(By.NAME, "password").send_keys(password)
        browser.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button").click()
        for label, path in [("pack, first page of the ranking", f"/positions/{position}"),
                            ("pack, page 2 by name", f"/positions/{position}?sort=name&page=2"),
                            ("print view, every candidate", f"/positions/{position}?all=1")]:
            timings = []
            for _ in range(runs):
                browser.get(base + path)
                timings.append(browser.execute_script(
                    "const t = performance.getEntriesByType('navigation')[0];"
                    "return [t.responseStart, t.domContentLoadedEventEnd, t.loadEventEnd, t.transferSize];"))
            first_byte, ready, loaded = (statistics.median(t[i] for t in timings) / 1000 for i in range(3))
            size = timings[-1][3]
            print(f"| {label} (`{path}`) | {size / 1024:,.0f} KB | first byte {first_byte:.3f} s, DOM ready {ready:.3f} s, loaded {loaded:.3f} s |")
    finally:
        browser.quit()

if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help") else 2)
    main(sys.argv[1], sys.argv[2], sys.argv[3], *(sys.argv[4:5] or ["1"]), runs=int(sys.argv[5]) if len(sys.argv) > 5 else 5)
