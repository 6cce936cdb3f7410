#!/usr/bin/env python3
"""A real browser (Debian's chromium through Selenium) walks Debrief as its people use it: a recruiter
imports the seed page by paste and by upload, searches it, adds a candidate, moves them, schedules a
round with a panel and a question set and logs a scorecard on an interviewer's behalf; the
interviewer saves a draft, submits and then sees the colleague's scorecard; an admin reads the users
and the audit log. Hostile text (a candidate's name, a note, an imported answer) must stay text: no
alert, no console error, no CSP violation. axe-core checks every main page for critical or serious
problems, and each main page is photographed at 1280 and 375 px. Usage: browser-test.py BASE_URL
RECRUITER PASSWORD --interviewer EMAIL --colleague EMAIL --admin EMAIL --seed FILE [--shots DIR].
Everyone has the same password. Exits non-zero on failure."""
import argparse
import os
import shutil
import sys
import tempfile

parser = argparse.ArgumentParser(description=__doc__.split("Usage:")[0].strip())
parser.add_argument("base_url", help="the server, such as http://127.0.0.1:8080")
parser.add_argument("email", help="a recruiter's email")
parser.add_argument("password", help="the password of every person below")
parser.add_argument("--interviewer", required=True, help="an interviewer the recruiter puts on the new round's panel")
parser.add_argument("--colleague", required=True, help="a second interviewer on that panel, whose scorecard the recruiter logs")
parser.add_argument("--admin", required=True, help="an admin's email")
parser.add_argument("--seed", required=True, help="the seed question page (backend-interview-questions.html)")
parser.add_argument("--shots", help="the folder for screenshots (default: a new temporary folder)")
arguments = parser.parse_args()

from selenium import webdriver  # noqa: E402 (after parsing, so --help works without selenium)
from selenium.common.exceptions import UnexpectedAlertPresentException, WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402
from axe_selenium_python import Axe  # noqa: E402 (PyPI's axe-selenium-python ships axe-core)

base = arguments.base_url.rstrip("/")
shots = arguments.shots or tempfile.mkdtemp(prefix="debrief-screenshots-")
os.makedirs(shots, exist_ok=True)
options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or ""
os.environ["SE_AVOID_STATS"] = "true"  # Selenium Manager would phone home; the drivers are Debian's
browser = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")))
browser.set_window_size(1280, 900)
failures = []
checks = 0
HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(2)>"
seed_html = open(arguments.seed, encoding="utf-8").read()


def check(name, condition):
    global checks
    checks += 1
    if not condition:
        failures.append(name)
        print(f"browser FAILED: {name} (at {browser.current_url})", file=sys.stderr)


def click_and_wait(target):
    """Clicks a link or submit button (an element or a CSS selector) and waits until the next page has
    replaced this one and finished loading: this page is marked, and the wait is for a document without the mark."""
    browser.execute_script("window.debriefWalkOldPage = true")
    (browser.find_element(By.CSS_SELECTOR, target) if isinstance(target, str) else target).click()

    def next_page_loaded(driver):
        try:
            return driver.execute_script("return !window.debriefWalkOldPage && document.readyState === 'complete'")
        except WebDriverException:  # the old document went away mid-question: ask the new one
            return False

    WebDriverWait(browser, 20).until(next_page_loaded)


def text_of(selector):
    found = browser.find_elements(By.CSS_SELECTOR, selector)
    return found[0].text if found else ""


def fill(element_id, value):
    """Types a value into a field; long values are set directly (typing 30 kB takes a minute)."""
    element = browser.find_element(By.ID, element_id)
    element.clear()
    if len(value) > 200:
        browser.execute_script("arguments[0].value = arguments[1]", element, value)
    else:
        element.send_keys(value)


def console_problems():
    """Console errors since the last look: a script that ran, a CSP violation, a failed request."""
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


WIDER_FONT_FITS = """
const sheet = document.styleSheets[0], rule = sheet.insertRule('* { letter-spacing: .1em !important }', sheet.cssRules.length);
const fits = document.documentElement.scrollWidth <= document.documentElement.clientWidth;
sheet.deleteRule(rule);
return fits;
"""


def check_tables_fit(what, width=375, media=""):
    """Checks that no table hides columns behind a sideways scroll bar at `width` px, on screen or in
    `media` ("print"), naming those that do. On a phone the lists stack into cards, so nothing is
    left to scroll to (such as an interviewer's own scorecard status). On paper a box that scrolls has
    no scroll bar, so what it hides is lost: print is checked in a 720 px window, whose 673 px of
    content are narrower than an A4 or Letter page inside Chromium's default margins."""
    browser.set_window_size(width, 900)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
    overflowing = browser.execute_script(
        "return [...document.querySelectorAll('.scroll')].filter(box => box.scrollWidth > box.clientWidth)"
        ".map(box => `${box.scrollWidth} > ${box.clientWidth}: ${box.innerText.slice(0, 60)}`)")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    browser.set_window_size(1280, 900)
    check(f"{what} {overflowing}", not overflowing)


def inspect(name):
    """axe-core's critical and serious findings, a clean console, no sideways scroll at 375 px, and screenshots at both widths."""
    problems = console_problems()
    check(f"{name}: no console error or CSP violation {problems}", not problems)
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    bad = [f"{v['id']} ({v['impact']}): {[n['html'][:120] for n in v['nodes']][:3]}" for v in results["violations"]
           if v["impact"] in ("critical", "serious")]
    check(f"{name}: axe-core finds no critical or serious violation {bad}", not bad)
    for width in (1280, 375):
        browser.set_window_size(width, 900)
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, min(max(height, 600), 6000))
        browser.save_screenshot(os.path.join(shots, f"{name}-{width}.png"))
        if width == 375:
            check(f"{name}: at 375 px the page does not scroll sideways",
                  browser.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
            # Another machine's fonts run wider than this one's: letter-spacing stands in for them, so a long
            # unbreakable word (a path, an address) fails here and not only on the machine that has them.
            check(f"{name}: at 375 px in a font a tenth wider the page still does not scroll sideways",
                  browser.execute_script(WIDER_FONT_FITS))
    browser.set_window_size(1280, 900)
    browser.get_log("browser")  # what axe itself logged is not the page's


def sign_in(email):
    browser.get(f"{base}/sign-in")
    fill("email", email)
    fill("password", arguments.password)
    click_and_wait("form[action='/sign-in'] button")


def sign_out():
    click_and_wait("form[action='/sign-out'] button")


try:
    # Signing in
    browser.get(f"{base}/positions/1")
    check("a visitor without a session lands on the sign-in page", "/sign-in" in browser.current_url)
    check("the sign-in page remembers where the visitor was going", "next=/positions/1" in browser.current_url)
    inspect("sign-in")
    fill("email", arguments.email)
    fill("password", "not the password")
    click_and_wait("form[action='/sign-in'] button")
    check("a wrong password is refused with the generic message", "do not match an account that may sign in" in browser.page_source)
    check("the email is kept in the form", browser.find_element(By.ID, "email").get_attribute("value") == arguments.email)
    console_problems()  # the refused sign-in's 401 is the one error this walk expects
    fill("password", arguments.password)
    click_and_wait("form[action='/sign-in'] button")
    check("signing in returns to the position's debrief pack", browser.current_url == f"{base}/positions/1")
    check("the debrief pack is shown, with the navigation", "debrief pack" in browser.title and text_of("nav[aria-label=Main]").find("Candidates") >= 0)
    fits = browser.execute_script("var d = document.querySelector('.scroll'); return d.scrollWidth <= d.clientWidth")
    check("at 1280 px the ranking table fits its column", fits)
    check("the session cookie is HttpOnly, out of scripts' reach", browser.execute_script("return document.cookie") == "")
    cookie = browser.get_cookie("debrief_session") or {}
    check("the session cookie is SameSite=Strict", cookie.get("sameSite") == "Strict" and cookie.get("httpOnly") is True)
    inspect("position-pack")
    check_tables_fit("at 375 px the ranking and the calibration stack, every figure in view")
    click_and_wait("a[href^='/rubrics/'][href$='/reliability']")
    check("the pack links to the rubric-wide study, with its D-study chart",
          "How much to trust these scores" in browser.page_source and browser.find_elements(By.CSS_SELECTOR, "svg"))
    inspect("rubric-reliability")
    browser.get(f"{base}/")
    inspect("positions")
    check_tables_fit("at 375 px the positions list stacks, nothing left to scroll to")

    # Importing the seed page by paste, then by upload; searching it
    browser.get(f"{base}/questions/import")
    inspect("import")
    fill("html", seed_html)
    Select(browser.find_element(By.ID, "rubric")).select_by_value("backend-engineer")
    click_and_wait("button[value=preview]")
    check("the pasted seed page previews as 40 questions in 4 sections", "40 questions in 4 sections would be stored" in browser.page_source)
    inspect("import-preview")
    click_and_wait("button[value=store]")
    check("confirming stores the pasted page", "Stored in the bank." in browser.page_source)
    pasted_set = browser.current_url.split("/questions/sets/")[1].split("?")[0]
    browser.get(f"{base}/questions/import")
    browser.find_element(By.ID, "file").send_keys(os.path.abspath(arguments.seed))
    click_and_wait("button[value=preview]")
    check("the uploaded seed page previews as 40 questions in 4 sections", "40 questions in 4 sections would be stored" in browser.page_source)
    click_and_wait("button[value=store]")
    check("confirming stores the uploaded page", "/questions/sets/" in browser.current_url)
    browser.get(f"{base}/questions/import")
    titled = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "questionsets", "shapes", "titled-questions.html")
    browser.find_element(By.ID, "file").send_keys(os.path.abspath(titled))
    click_and_wait("button[value=preview]")
    layouts = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "p.section-layout")]
    titles = [s.text for s in browser.find_elements(By.CSS_SELECTOR, "ol.kit li > strong")]
    check("a page of titled questions previews each question under its title, and says how each section was read",
          "240 questions in" in browser.page_source and len(titles) == 213 and all(l.startswith("Read as ") for l in layouts) and layouts)
    inspect("import-preview-titled")
    browser.get(f"{base}/questions")
    fill("q", "CAP theorem")
    click_and_wait("form[action='/questions'] button")
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "ol.hits mark")]
    found = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "ol.hits li > p:first-child")]
    check("a search for CAP theorem finds its question, the words marked",
          "Explain the CAP theorem in distributed databases." in found and "CAP" in marks and "theorem" in marks)
    inspect("question-search")
    check_tables_fit("at 375 px the question sets stack, nothing left to scroll to")
    browser.get(f"{base}/questions")
    click_and_wait("a[href='/questions/health']")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.stack tbody tr")
    check("the question-health page lists the demo's rated questions, some flagged",
          "Question health: the whole bank" in browser.page_source and len(rows) > 3 and browser.find_elements(By.CSS_SELECTOR, "ul.flags li"))
    inspect("question-health")
    browser.get(f"{base}/questions/sets/1")
    check("the demo set's page shows each rated question's health", len(browser.find_elements(By.CSS_SELECTOR, "p.health")) > 3)
    inspect("question-set-health")
    browser.get(f"{base}/questions/import")
    fill("html", f"<title>Hostile set</title><h2>Q1. What does escaping stop?</h2><p>It stops {HOSTILE} and "
                 f"<a href=\"javascript:alert(3)\">links</a> from running.</p>")
    click_and_wait("button[value=preview]")
    click_and_wait("button[value=store]")
    browser.get(f"{base}/questions?q=escaping")
    check("an imported answer's payloads were dropped or kept as text", "What does escaping stop?" in text_of("ol.hits")
          and "javascript:" not in browser.page_source and "onerror=" not in browser.page_source)
    browser.find_element(By.CSS_SELECTOR, "ol.hits summary").click()
    check("opening the hostile answer runs nothing", not console_problems())

    # A candidate added, moved, scheduled, and a scorecard logged for a panel member
    browser.get(f"{base}/candidates")
    inspect("candidates")
    name = f"Eve {HOSTILE}"
    fill("new-name", name)
    fill("new-email", "eve.walk@example.com")
    click_and_wait("form[method=post][action='/candidates'] button")
    check("adding a candidate opens their page, the name shown as text", browser.find_element(By.TAG_NAME, "h1").text == name)
    candidate_url = browser.current_url
    browser.get(f"{base}/candidates")
    fill("new-name", "Eve Again")
    fill("new-email", "eve.walk@example.com")
    click_and_wait("form[method=post][action='/candidates'] button")
    check("a taken email comes back next to its field, the name kept", "another candidate already has the email" in text_of("#new-email-error")
          and browser.find_element(By.ID, "new-name").get_attribute("value") == "Eve Again")
    console_problems()  # its 422 is expected
    browser.get(candidate_url)
    moves = [o.get_attribute("value") for o in Select(browser.find_element(By.ID, "stage")).options]
    check("only the moves the pipeline allows are offered", moves == ["screening", "rejected", "withdrawn"])
    Select(browser.find_element(By.ID, "stage")).select_by_value("screening")
    click_and_wait(f"form[action$='/stage'] button")
    check("the candidate moved to screening", "stage screening" in text_of("p.meta"))
    Select(browser.find_element(By.ID, "round-position")).select_by_value("1")
    Select(browser.find_element(By.ID, "round-kind")).select_by_value("technical")
    browser.execute_script("document.getElementById('round-at').value = '2026-12-10T15:30'")
    Select(browser.find_element(By.ID, "round-zone")).select_by_visible_text("Europe/Berlin")
    for email in (arguments.interviewer, arguments.colleague):
        box = browser.find_element(By.CSS_SELECTOR, f"input[name=interviewer][value='{email}']")
        browser.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").click()
    Select(browser.find_element(By.ID, "round-set")).select_by_value(pasted_set)
    click_and_wait("form[action$='/rounds'] button")
    check("the round is scheduled, 15:30 in Berlin shown as 14:30 UTC", "The round is scheduled." in browser.page_source
          and "2026-12-10 14:30 UTC" in browser.page_source)
    inspect("candidate")
    check_tables_fit("at 375 px the candidate's rounds stack, panel and actions in view")
    round_link = browser.find_elements(By.XPATH, "//tr[td[contains(., '2026-12-10 14:30')]]//a[contains(@href, '/rounds/') and not(contains(@href, 'edit'))]")
    check("the new round links its kit", len(round_link) == 1)
    round_url = round_link[0].get_attribute("href") if round_link else f"{base}/"
    browser.get(round_url)
    check("the kit lists the seed set's questions", "Questions: Backend Developer Interview Questions" in browser.page_source)
    Select(browser.find_element(By.ID, "interviewer")).select_by_value(arguments.colleague)
    for competency in ("fundamentals", "apis-http", "databases", "reliability-security"):
        radios = browser.find_elements(By.CSS_SELECTOR, f"input[name='rating.{competency}'][value='4']")
        if radios:
            browser.find_element(By.CSS_SELECTOR, f"label[for='{radios[0].get_attribute('id')}']").click()
    Select(browser.find_element(By.ID, "recommendation")).select_by_value("strong_yes")
    fill("notes", f"Colleague's note {HOSTILE}")
    browser.find_element(By.CSS_SELECTOR, "label[for=confirm]").click()
    click_and_wait("button[value=submit]")
    check("the logged scorecard is stored and the candidate page says so", "The scorecard is stored." in browser.page_source)
    check("the candidate report has the new score and who entered it", "entered by " + arguments.email in browser.page_source
          and "round score 4.00" in browser.page_source)
    check_tables_fit("printed, the candidate report's tables fit the page (every competency's column on paper)", width=720, media="print")
    sign_out()

    # The interviewer: their rounds, a draft, a submission, then the colleague's scorecard
    sign_in(arguments.interviewer)
    check("an interviewer lands on their interviews", browser.current_url == f"{base}/interviews")
    inspect("my-interviews")
    check_tables_fit("at 375 px an interviewer's rounds stack, each with its round and scorecard status in view")
    rows = browser.find_elements(By.CSS_SELECTOR, "a[href^='/rounds/']")
    check("the new round is on the interviewer's list, the name as text", any(a.text == name for a in rows))
    browser.get(f"{base}/candidates")
    check("the pipeline is closed to interviewers", "403" in browser.find_element(By.TAG_NAME, "h1").text)
    console_problems()  # its 403 is expected
    browser.get(round_url)
    check("before submitting, the colleague's scorecard is hidden", "Colleague's note" not in browser.page_source
          and "once you have submitted your own" in browser.page_source)
    inspect("round-kit")
    radios = browser.find_elements(By.CSS_SELECTOR, "input[type=radio][value='3']")
    chosen = radios[0].get_attribute("id")
    browser.find_element(By.CSS_SELECTOR, f"label[for='{chosen}']").click()
    fill("notes", "Draft written in a real browser")
    click_and_wait("button[value=draft]")
    browser.get(round_url)
    check("a saved draft is there after reloading", browser.find_element(By.ID, chosen).is_selected())
    check("the draft's notes are kept", "Draft written in a real browser" in browser.find_element(By.ID, "notes").get_attribute("value"))
    Select(browser.find_element(By.ID, "recommendation")).select_by_value("yes")
    click_and_wait("button[value=submit]")
    check("submitting without confirming asks for it", "tick this box to confirm" in browser.page_source)
    console_problems()  # its 422 is expected
    browser.find_element(By.CSS_SELECTOR, "label[for=confirm]").click()
    click_and_wait("button[value=submit]")
    check("a submitted scorecard is shown read-only", "My scorecard (submitted" in browser.page_source
          and not browser.find_elements(By.CSS_SELECTOR, "input[type=radio]"))
    quotes = [quote.text for quote in browser.find_elements(By.TAG_NAME, "blockquote")]
    check("after submitting, the colleague's scorecard appears, its note as text", f"Colleague's note {HOSTILE}" in quotes)
    check("nothing a user typed ran in the browser", not console_problems())
    sign_out()

    # The admin
    sign_in(arguments.admin)
    browser.get(f"{base}/admin/users")
    check("the admin sees the users", arguments.interviewer in browser.page_source)
    inspect("admin-users")
    check_tables_fit("at 375 px the accounts stack, nothing left to scroll to")
    browser.get(f"{base}/admin/audit?entity=scorecard")
    check("the audit log shows the scorecards submitted in this walk", "submit" in browser.page_source)
    inspect("audit-log")
    check_tables_fit("at 375 px the audit log stacks, nothing left to scroll to")
    browser.get(f"{base}/score-sheets")
    inspect("score-sheets")
    sign_out()
    browser.get(f"{base}/positions/1")
    check("after signing out the reports are closed again", "/sign-in" in browser.current_url)
except UnexpectedAlertPresentException as alert:
    failures.append(f"a script ran: an alert opened ({alert.alert_text})")
except Exception as error:  # the walk stopped: say where, and keep what the browser showed
    failures.append(f"the walk stopped at {browser.current_url}: {type(error).__name__}: {str(error).splitlines()[0][:300]}")
    print(failures[-1], file=sys.stderr)
    browser.save_screenshot(os.path.join(shots, "failure.png"))
    print(f"browser FAILED: {type(error).__name__} at {browser.current_url}; errors shown: "
          f"{[e.text for e in browser.find_elements(By.CSS_SELECTOR, '.error')]}; screenshot failure.png", file=sys.stderr)
finally:
    browser.quit()

print(f"browser: screenshots in {shots}")
print(f"browser: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
