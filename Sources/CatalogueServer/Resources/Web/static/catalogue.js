// Progressive enhancement of the search page: with JavaScript on, a facet click, a sort change,
// a chip, a page link or a search submit fetch the next page and swap its <main> in place, and
// the URL follows (history.pushState), so links stay shareable and back/forward work. Without
// JavaScript the same form and links work as plain HTML.
(function () {
  "use strict";
  var inFlight = null;

  function formURL(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (name === "q" && value === "") return;
      if (name === "sort" && value === "relevance") return;
      params.append(name, value);
    });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function swap(html, focusId) {
    var next = new DOMParser().parseFromString(html, "text/html");
    var main = document.getElementById("main");
    var nextMain = next.getElementById("main");
    if (!main || !nextMain) return false;
    main.replaceWith(nextMain);
    // The language switch sits in the header: its links follow the new state too.
    var languages = document.querySelector("nav.languages");
    var nextLanguages = next.querySelector("nav.languages");
    if (languages && nextLanguages) languages.replaceWith(nextLanguages);
    document.title = next.title;
    var target = focusId && document.getElementById(focusId);
    (target || nextMain).focus({ preventScroll: Boolean(target) });
    return true;
  }

  function load(url, options) {
    if (inFlight) inFlight.abort();
    var controller = new AbortController();
    var started = performance.now();
    inFlight = controller;
    var main = document.getElementById("main");
    if (main) main.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { Accept: "text/html" }, signal: controller.signal })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (!swap(html, options.focusId)) { window.location.assign(url); return; }
        if (options.push) history.pushState({ catalogue: true }, "", url);
        // For the browser tests: when the page last changed, and how long that took.
        document.documentElement.dataset.updated = String(Date.now());
        document.documentElement.dataset.updateMs = String(Math.round(performance.now() - started));
      })
      .catch(function (error) {
        if (error.name !== "AbortError") window.location.assign(url);
      })
      .finally(function () { if (inFlight === controller) inFlight = null; });
  }

  function searchForm(element) {
    return element && element.closest ? element.closest("form#search-form") : null;
  }

  document.addEventListener("change", function (event) {
    var form = searchForm(event.target);
    if (!form || event.target.name === "q") return;
    load(formURL(form), { push: true, focusId: event.target.id });
  });

  document.addEventListener("submit", function (event) {
    var form = searchForm(event.target);
    if (!form) return;
    event.preventDefault();
    var page = formURL(form);
    load(page, { push: true, focusId: "results-heading" });
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-navigate]") : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    load(link.getAttribute("href"), { push: true, focusId: "results-heading" });
  });

  window.addEventListener("popstate", function () {
    if (document.getElementById("search-form")) load(window.location.href, { push: false });
    else window.location.reload();
  });

  // Suggestions as you type: facet concepts' labels in any language, in the box's datalist.
  var suggestTimer = null;
  document.addEventListener("input", function (event) {
    if (event.target.id !== "q") return;
    var box = event.target;
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(function () {
      var prefix = box.value.trim();
      var list = document.getElementById("q-suggestions");
      if (!list || prefix.length < 2) return;
      fetch("/api/v1/vocabularies/suggest?limit=8&q=" + encodeURIComponent(prefix), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) {
          // The search box reads words, not codes: codes are for the curators' concept picker.
          suggestions = suggestions.filter(function (suggestion) { return suggestion.kind === "label"; });
          list.replaceChildren.apply(list, suggestions.map(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.label;
            option.label = suggestion.label === suggestion.conceptLabel
              ? suggestion.field : suggestion.conceptLabel + " · " + suggestion.field;
            return option;
          }));
          document.documentElement.dataset.suggestions = String(suggestions.length);
        })
        .catch(function () {});
    }, 150);
  });

  // The curators' concept picker: labels and codes of the value's own scheme, the concept's IRI
  // as the option's value (the server also takes a code or a label typed by hand).
  var pickerTimer = null;
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.classList || !box.classList.contains("concept-picker")) return;
    var field = box.form && box.form.dataset.field;
    clearTimeout(pickerTimer);
    pickerTimer = setTimeout(function () {
      var prefix = box.value.trim();
      var list = document.getElementById("concept-suggestions");
      if (!list || prefix.length < 2 || prefix.indexOf("https://") === 0) return;
      fetch("/api/v1/vocabularies/suggest?limit=20&q=" + encodeURIComponent(prefix), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) {
          suggestions = suggestions.filter(function (suggestion) { return suggestion.field === field; });
          list.replaceChildren.apply(list, suggestions.map(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.concept;
            option.label = suggestion.label === suggestion.conceptLabel ? suggestion.label : suggestion.label + " · " + suggestion.conceptLabel;
            return option;
          }));
          document.documentElement.dataset.pickerSuggestions = String(suggestions.length);
        })
        .catch(function () {});
    }, 150);
  });

  // A harvest job's page follows the job while it runs (without JavaScript: reload it).
  var job = document.querySelector('.job-status[data-running="true"]');
  if (job) setTimeout(function () { window.location.reload(); }, 2000);

  // The apply button is for pages without JavaScript: with it, every change applies at once.
  document.documentElement.classList.add("js");
})();
