#!/usr/bin/env python3
"""A real browser against a running Debrief: sign in with an email and password, read the debrief
pack, open a candidate's report, sign out. Usage: browser-test.py BASE_URL EMAIL PASSWORD. Exits
non-zero on failure."""
import argparse
import os
import shutil
import sys

parser = argparse.ArgumentParser(description=__doc__.split("Usage:")[0].strip())
parser.add_argument("base_url", help="the server, such as http://127.0.0.1:8080")
parser.add_argument("email", help="a recruiter's email")
parser.add_argument("password", help="that recruiter's password")
parser.add_argument("--interviewer", help="an interviewer's email, to walk through filling in a scorecard (same password)")
arguments = parser.parse_args()

from selenium import webdriver  # noqa: E402 (after parsing, so --help works without selenium)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

base = arguments.base_url.rstrip("/")
options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
    options.add_argument(flag)
options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or ""
os.environ["SE_AVOID_STATS"] = "true"  # Selenium Manager would phone home; the drivers are Debian's
browser = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")))
failures = []
checks = 0


def click_and_wait(target):
    """Clicks a link or submit button (an element or a CSS selector) and waits until the next page has replaced this one."""
    page = browser.find_element(By.TAG_NAME, "html")
    (browser.find_element(By.CSS_SELECTOR, target) if isinstance(target, str) else target).click()
    WebDriverWait(browser, 10).until(expected_conditions.staleness_of(page))


def check(name, condition):
    global checks
    checks += 1
    if not condition:
        failures.append(name)
        print(f"browser FAILED: {name} (at {browser.current_url})", file=sys.stderr)


try:
    browser.get(f"{base}/positions/1")
    check("a visitor without a session lands on the sign-in page", "/sign-in" in browser.current_url)
    check("the sign-in page remembers where the visitor was going", "next=/positions/1" in browser.current_url)

    browser.find_element(By.ID, "email").send_keys(arguments.email)
    browser.find_element(By.ID, "password").send_keys("not the password")
    click_and_wait("form[action='/sign-in'] button")
    check("a wrong password is refused with the generic message", "do not match an account that may sign in" in browser.page_source)
    check("the email is kept in the form", browser.find_element(By.ID, "email").get_attribute("value") == arguments.email)

    browser.find_element(By.ID, "password").send_keys(arguments.password)
    click_and_wait("form[action='/sign-in'] button")
    check("signing in returns to the position's debrief pack", browser.current_url == f"{base}/positions/1")
    check("the debrief pack is shown", "debrief pack" in browser.title)
    browser.set_window_size(1280, 900)
    fits = browser.execute_script("var d = document.querySelector('.scroll'); return d.scrollWidth <= d.clientWidth")
    check("at 1280 px the ranking table fits its column", fits)
    browser.set_window_size(375, 900)
    check("at 375 px the page does not scroll sideways (tables scroll in their own box)",
          browser.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
    browser.set_window_size(1280, 900)
    check("the session cookie is HttpOnly, out of scripts' reach", browser.execute_script("return document.cookie") == "")
    cookie = browser.get_cookie("debrief_session") or {}
    check("the session cookie is SameSite=Strict", cookie.get("sameSite") == "Strict" and cookie.get("httpOnly") is True)

    links = browser.find_elements(By.CSS_SELECTOR, "a[href^='/positions/1/candidates/']")
    check("the ranking links every candidate's report", len(links) > 0)
    if links:
        name = links[0].text
        click_and_wait(links[0])
        check("a candidate's report opens from the ranking", name in browser.find_element(By.TAG_NAME, "h1").text)

    browser.get(f"{base}/")
    click_and_wait("form[action='/sign-out'] button")
    check("signing out returns to the sign-in page", "/sign-in" in browser.current_url)
    browser.get(f"{base}/positions/1")
    check("after signing out the reports are closed again", "/sign-in" in browser.current_url)

    if arguments.interviewer:
        browser.get(f"{base}/sign-in")
        browser.find_element(By.ID, "email").send_keys(arguments.interviewer)
        browser.find_element(By.ID, "password").send_keys(arguments.password)
        click_and_wait("form[action='/sign-in'] button")
        check("an interviewer lands on their interviews", browser.current_url == f"{base}/interviews")
        waiting = browser.find_elements(By.CSS_SELECTOR, "a[href^='/rounds/']")
        check("the interviewer has rounds waiting for a scorecard", len(waiting) > 0)
        if waiting:
            click_and_wait(waiting[0])
            round_url = browser.current_url
            radios = browser.find_elements(By.CSS_SELECTOR, "input[type=radio]")
            check("the kit offers each competency's scale as radio buttons", len(radios) >= 5)
            chosen = radios[2].get_attribute("id")
            browser.find_element(By.CSS_SELECTOR, f"label[for='{chosen}']").click()
            browser.find_element(By.ID, "notes").send_keys("Draft written in a real browser")
            click_and_wait("button[value=draft]")
            browser.get(round_url)
            check("a saved draft is there after reloading", browser.find_element(By.ID, chosen).is_selected())
            check("the draft's notes are kept", "Draft written in a real browser" in browser.find_element(By.ID, "notes").get_attribute("value"))
            Select(browser.find_element(By.ID, "recommendation")).select_by_value("yes")
            click_and_wait("button[value=submit]")
            check("submitting without confirming asks for it", "tick this box to confirm" in browser.page_source)
            browser.find_element(By.CSS_SELECTOR, "label[for=confirm]").click()
            click_and_wait("button[value=submit]")
            check("a submitted scorecard is shown read-only", "My scorecard (submitted" in browser.page_source
                  and not browser.find_elements(By.CSS_SELECTOR, "input[type=radio]"))
        click_and_wait("form[action='/sign-out'] button")
finally:
    browser.quit()

print(f"browser: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
