"""A researcher's journey through the web pages in headless Chromium (Debian's), asserting what
is on the screen against the JSON API's answers for the same URL, plus the same search with
JavaScript off and an axe-core accessibility check of each page (0 serious or critical
violations). Screenshots go to the folder given. Usage: journeys.py BASE_URL SCREENSHOT_DIR RESEARCHER_TOKEN CURATOR_TOKEN ADMIN_TOKEN"""
import importlib.resources
import json
import statistics
import sys
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

TIMEOUT = 15


def browser(javascript=True, width=1280, height=1000):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}", "--lang=en"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def api(base, page_url):
    """The JSON API's answer to the search a page URL shows."""
    query = urllib.parse.urlsplit(page_url).query
    with urllib.request.urlopen(f"{base}/api/v1/datasets?{query}") as response:
        return json.load(response)


def heading_total(driver):
    text = driver.find_element(By.ID, "results-heading").text
    return int(text.split()[0].replace(",", ""))


def chips(driver):
    """The active filters' chips, read in one script call (the page may be swapped meanwhile)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('a.chip:not(.chip-clear)'), (chip) => chip.textContent.trim())")


def check(condition, message):
    if not condition:
        raise AssertionError(message)


AXE_SOURCE = importlib.resources.files("axe_playwright_python").joinpath("axe.min.js").read_text()


def accessible(driver, page):
    """axe-core's WCAG 2.x A/AA rules on the page as it is now."""
    driver.execute_script(AXE_SOURCE)
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        ".then(done, (error) => done({error: String(error)}));")
    check("error" not in results, f"axe-core failed on the {page}: {results.get('error')}")
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    for violation in serious:
        print(f"axe ({page}): {violation['id']} ({violation['impact']}): {violation['help']}: "
              f"{[node['target'] for node in violation['nodes']][:5]}", file=sys.stderr)
    check(not serious, f"{page}: {len(serious)} serious or critical accessibility violations")
    print(f"axe: {page}: 0 serious or critical violations ({len(results['violations'])} minor, {len(results['passes'])} rules passed)")


def click_and_wait(driver, element):
    """Clicks, then waits for the script to swap the page in; returns how long that took, in ms."""
    before = driver.execute_script("return document.documentElement.dataset.updated || ''")
    element.click()
    WebDriverWait(driver, TIMEOUT).until(
        lambda d: d.execute_script("return document.documentElement.dataset.updated || ''") != before)
    return int(driver.execute_script("return document.documentElement.dataset.updateMs"))


def screenshot(driver, path):
    """The top of the page (a click may have scrolled it), as the README shows it."""
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(path)


def unchecked_boxes(driver, field):
    return driver.find_elements(By.CSS_SELECTOR, f"#facet-{field} input[type=checkbox]:not(:checked)")


def researcher_journey(base, shots):
    driver = browser()
    try:
        driver.get(base + "/")
        everything = heading_total(driver)
        check(everything == api(base, driver.current_url)["total"], "the unfiltered total differs from the API's")
        accessible(driver, "search page")
        # The keyboard's first stop is the skip link.
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        check("skip-link" in driver.switch_to.active_element.get_attribute("class"), "the first Tab does not reach the skip link")

        box = driver.find_element(By.ID, "q")
        # Suggestions as you type: the API's labels for the prefix, in the box's list.
        box.send_keys("lun")
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.execute_script("return document.documentElement.dataset.suggestions"))
        offered = driver.execute_script("return Array.from(document.querySelectorAll('#q-suggestions option'), (o) => o.value)")
        with urllib.request.urlopen(f"{base}/api/v1/vocabularies/suggest?limit=8&q=lun") as response:
            expected = [suggestion["label"] for suggestion in json.load(response) if suggestion["kind"] == "label"]
        check(offered and offered == expected, f"the box suggests {offered}, the API {expected}")
        box.clear()
        box.send_keys("cancer")
        before = driver.execute_script("return document.documentElement.dataset.updated || ''")
        box.send_keys(Keys.ENTER)
        WebDriverWait(driver, TIMEOUT).until(lambda d: "q=cancer" in d.current_url and
                                             d.execute_script("return document.documentElement.dataset.updated || ''") != before)

        # Two values of one facet (OR), then one of another (AND): each click updates in place.
        timings = []
        chosen = []
        for field in ("modality", "modality", "bodySite"):
            candidates = unchecked_boxes(driver, field)
            check(candidates, f"no unchecked {field} value to choose")
            chosen.append((field, candidates[0].get_attribute("value")))
            timings.append(click_and_wait(driver, candidates[0]))
        url = driver.current_url
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
        check(sorted(query.get("modality", [])) == sorted(v for f, v in chosen if f == "modality"), f"the URL lost a modality: {url}")
        check(query.get("bodySite") == [chosen[2][1]], f"the URL lost the body site: {url}")
        check(len(chips(driver)) == 3, f"expected 3 filter chips, saw {chips(driver)}")
        answer = api(base, url)
        check(heading_total(driver) == answer["total"], f"the page shows {heading_total(driver)} datasets, the API {answer['total']}")
        titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".dataset-card h2 a")]
        check(titles == [d["title"] for d in answer["datasets"]], "the page lists other datasets than the API")
        # A facet's counts are the API's exact disjunctive counts.
        for value in answer["facets"]["modality"]:
            shown = driver.find_element(By.CSS_SELECTOR, f'#facet-modality input[value="{value["value"]}"] + label .count').text
            check(int(shown.replace(",", "")) == value["count"], f"modality {value['label']}: page {shown}, API {value['count']}")
        print(f"facet clicks updated the page in {timings} ms (median {statistics.median(timings)} ms; aim: under 100 ms)")
        check(statistics.median(timings) < 100, "a facet click takes 100 ms or more to update the page")
        screenshot(driver, f"{shots}/search.png")

        link = driver.find_element(By.CSS_SELECTOR, ".dataset-card h2 a")
        title = link.text
        link.click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == title)
        check(driver.find_elements(By.CSS_SELECTOR, "table.mappings tbody tr"), "the dataset page shows no mapped value")
        screenshot(driver, f"{shots}/dataset.png")
        accessible(driver, "dataset page")

        # Back to the same search, then back once more to the search before the body site.
        driver.back()
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.current_url == url and d.find_elements(By.ID, "results-heading"))
        check(len(chips(driver)) == 3, "coming back lost the filters")
        driver.back()
        WebDriverWait(driver, TIMEOUT).until(lambda d: "bodySite" not in d.current_url and len(chips(d)) == 2)
        check(heading_total(driver) == api(base, driver.current_url)["total"], "the page after Back disagrees with the API")

        # The language switch: the same search, the concept labels in German where the
        # vocabularies have them.
        english = driver.execute_script("return Array.from(document.querySelectorAll('.facet label'), (l) => l.textContent.trim())")
        total = heading_total(driver)
        driver.find_element(By.CSS_SELECTOR, '.languages a[lang="de"]').click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_elements(By.CSS_SELECTOR, '.languages a[lang="de"][aria-current="true"]'))
        german = driver.execute_script("return Array.from(document.querySelectorAll('.facet label'), (l) => l.textContent.trim())")
        check("lang=de" in driver.current_url and heading_total(driver) == total, "switching language changed the search")
        changed = [(e, g) for e, g in zip(english, german) if e != g]
        check(len(english) == len(german) and changed, "no facet label changed language")
        print(f"language switch: {len(changed)} of {len(english)} facet labels shown in German, e.g. {changed[0]}")
        screenshot(driver, f"{shots}/search-de.png")

        driver.set_window_size(390, 844)
        driver.get(url)
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        check(overflow <= 0, f"at phone width the page scrolls sideways by {overflow} px")
        screenshot(driver, f"{shots}/search-phone.png")
        print("researcher journey: passed")
    finally:
        driver.quit()


def counts_journey(base, shots, token):
    """Sign in with a token, ask for women's counts, see the API's released values."""
    driver = browser()
    try:
        driver.get(base + "/counts")
        check(not driver.find_elements(By.CSS_SELECTOR, ".counts-table"), "a signed-out visitor sees counts")
        driver.find_element(By.CSS_SELECTOR, ".notice a").click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_elements(By.ID, "token"))
        driver.find_element(By.ID, "token").send_keys(token)
        driver.find_element(By.CSS_SELECTOR, "form.signin button").click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: urllib.parse.urlsplit(d.current_url).path == "/counts")
        Select(driver.find_element(By.ID, "c-sex")).select_by_value("female")
        driver.find_element(By.CSS_SELECTOR, "#counts-form button").click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".counts-table tbody tr"))
        shown = {row.find_element(By.CSS_SELECTOR, "a").text: row.find_element(By.CSS_SELECTOR, ".number").text
                 for row in driver.find_elements(By.CSS_SELECTOR, ".counts-table tbody tr")}
        request = urllib.request.Request(f"{base}/api/v1/counts", data=json.dumps({"filters": {"sex": "female"}}).encode(),
                                         headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request) as response:
            answer = json.load(response)
        expected = {f"{d['dataset']['node']}/{d['dataset']['id']}":
                    (f"<{d['subjects']['lessThan']}" if "lessThan" in d["subjects"] else f"{d['subjects']['value']:,}")
                    for d in answer["datasets"]}
        check(shown == expected, f"the page shows {shown}, the API released {expected}")
        check("means about" in driver.find_element(By.CSS_SELECTOR, ".meaning").text, "no sentence says what a count means")
        accessible(driver, "counts page")
        screenshot(driver, f"{shots}/counts.png")
        print(f"counts journey: passed ({len(shown)} datasets, as the API released them)")
    finally:
        driver.quit()


PICKER_PREFIX = {"cancerType": "canc", "modality": "magn", "bodySite": "ches"}


def api_dataset(base, key):
    with urllib.request.urlopen(f"{base}/api/v1/datasets/{key}") as response:
        return json.load(response)


def curator_journey(base, shots, token):
    """Map an unmapped value with the concept picker, see the dataset change, undo it."""
    driver = browser()
    try:
        driver.get(base + "/curate")
        driver.find_element(By.LINK_TEXT, "Sign in").click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_elements(By.ID, "token"))
        driver.find_element(By.ID, "token").send_keys(token)
        driver.find_element(By.CSS_SELECTOR, "form.signin button").click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".queue"))
        accessible(driver, "curator queue")
        screenshot(driver, f"{shots}/curate.png")
        # A value of datasets (not of subjects: mapping those changes subjects, not datasets).
        forms = [f for f in driver.find_elements(By.CSS_SELECTOR, "form.map-form")
                 if f.find_element(By.NAME, "field").get_attribute("value") in PICKER_PREFIX]
        check(forms, "the queue has no unmapped facet value to map")
        form = forms[0]
        field = form.get_attribute("data-field")
        value = form.find_element(By.NAME, "value").get_attribute("value")
        entry = form.find_element(By.XPATH, "./ancestor::li")
        example = entry.find_element(By.CSS_SELECTOR, ".dataset-meta a").text
        picker = form.find_element(By.CSS_SELECTOR, "input.concept-picker")
        picker.send_keys(PICKER_PREFIX[field])
        WebDriverWait(driver, TIMEOUT).until(lambda d: int(d.execute_script("return document.documentElement.dataset.pickerSuggestions || 0")) > 0)
        concept = driver.execute_script("return document.querySelector('#concept-suggestions option').value")
        picker.clear()
        picker.send_keys(concept)
        form.find_element(By.CSS_SELECTOR, "input[name=reason]").send_keys("browser journey")
        form.find_element(By.CSS_SELECTOR, "button").click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".changed"))
        changed = int(driver.find_element(By.CSS_SELECTOR, ".changed").text.split()[0].replace(",", ""))
        check(changed >= 1, f"mapping '{value}' changed no dataset")
        key = {"cancerType": "cancerTypes", "modality": "modalities", "bodySite": "bodySites"}[field]
        record = api_dataset(base, example)
        check(concept in [c["concept"] for c in record[key]], f"{example} did not get {concept}")
        check(value not in [u["value"] for u in record["unmapped"]], f"{example} still lists '{value}' as unmapped")
        driver.find_element(By.PARTIAL_LINK_TEXT, "See the datasets").click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_elements(By.ID, "results-heading"))
        check(heading_total(driver) >= changed, "the search for the concept shows fewer datasets than changed")

        driver.get(base + "/curate/history")
        row = driver.find_element(By.CSS_SELECTOR, "table.history tbody tr")
        row.find_element(By.CSS_SELECTOR, "input[name=reason]").send_keys("undo of the journey")
        row.find_element(By.CSS_SELECTOR, "button").click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".changed"))
        check(value in [u["value"] for u in api_dataset(base, example)["unmapped"]], f"after the undo '{value}' is not unmapped again on {example}")
        # The concept editor and the quality check, reached from the queue's links.
        driver.get(base + "/curate/concepts?q=lung")
        driver.find_element(By.CSS_SELECTOR, "main ul.runs a").click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_elements(By.ID, "new-label"))
        accessible(driver, "concept editor")
        driver.get(base + "/curate/quality")
        accessible(driver, "quality check")
        print(f"curator journey: passed (mapped '{value}' ({field}) to {concept}: {changed} dataset(s) changed; undone)")
    finally:
        driver.quit()


def sign_in(driver, base, path, token):
    """Opens a page that needs a role, signs in from its link, and waits to be back on it."""
    driver.get(base + path)
    driver.find_element(By.LINK_TEXT, "Sign in").click()
    WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_elements(By.ID, "token"))
    driver.find_element(By.ID, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "form.signin button").click()
    WebDriverWait(driver, TIMEOUT).until(lambda d: urllib.parse.urlsplit(d.current_url).path == path)


def admin_journey(base, shots, token):
    """Start a harvest of one node from the admin page and follow its job until it has run."""
    driver = browser()
    try:
        sign_in(driver, base, "/admin", token)
        accessible(driver, "admin page")
        screenshot(driver, f"{shots}/admin.png")
        form = driver.find_element(By.CSS_SELECTOR, ".admin-nodes form")
        node = form.find_element(By.NAME, "node").get_attribute("value")
        form.find_element(By.CSS_SELECTOR, "button").click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: "/admin/jobs/" in d.current_url)
        WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, '.job-status[data-running="false"]'))
        runs = [li.text for li in driver.find_elements(By.CSS_SELECTOR, ".runs li")]
        check(any(text.startswith(f"{node}: ") for text in runs), f"the job page shows no run of {node}: {runs}")
        print(f"admin journey: passed (harvested {node}: {runs[0]})")
    finally:
        driver.quit()


def journey_without_javascript(base):
    driver = browser(javascript=False)
    try:
        driver.get(base + "/?q=cancer")
        apply = driver.find_element(By.CSS_SELECTOR, "button.apply")
        check(apply.is_displayed(), "without JavaScript the Apply button is hidden")
        box = unchecked_boxes(driver, "modality")[0]
        value = box.get_attribute("value")
        box.click()
        apply.click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: "modality=" in d.current_url)
        check(urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query).get("modality") == [value], "the form lost the value")
        check(heading_total(driver) == api(base, driver.current_url)["total"], "without JavaScript the page disagrees with the API")
        driver.find_element(By.CSS_SELECTOR, "a.chip:not(.chip-clear)").click()
        WebDriverWait(driver, TIMEOUT).until(lambda d: "modality=" not in d.current_url)
        print("journey without JavaScript: passed")
    finally:
        driver.quit()


def main(base, shots, token, curator, admin):
    started = time.monotonic()
    researcher_journey(base, shots)
    counts_journey(base, shots, token)
    curator_journey(base, shots, curator)
    admin_journey(base, shots, admin)
    journey_without_javascript(base)
    print(f"browser journeys passed in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main(*sys.argv[1:6])
