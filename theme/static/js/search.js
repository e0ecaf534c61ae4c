// Search over the Pagefind index, laid out as GOV.UK's pattern for filtering a list: results
// first, the filters beside them on a wide screen and behind a "Filters (n)" button on a phone.
// Everything chosen lives in the address, so any search can be shared, bookmarked or reloaded:
// /search/?q=engineer&region=north-east&sort=closing&page=2 (and &tab=stories for stories).
// Ten results a page fill a phone's first screens; each costs a fragment download, and the first
// search must stay under its 150 KB budget.
const PAGE_SIZE = 10;
const SORTS = { closing: { closes: "asc" }, newest: { posted: "desc" }, pay: { pay: "desc" } };
// Stories have a region but none of the opportunities' other facts.
const STORY_FILTERS = ["region"];

const app = document.getElementById("search");
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const sortBox = document.getElementById("sort");
const panel = document.getElementById("search-filters");
const toggle = document.getElementById("filters-toggle");
const done = document.getElementById("filters-done");
const selected = document.getElementById("selected-filters");
const chips = document.getElementById("chips");
const tabs = [...document.querySelectorAll("[data-tab]")];
const heading = document.getElementById("results-heading");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const pages = document.getElementById("search-pages");
const groups = [...panel.querySelectorAll("details[data-filter]")];
const filterNames = groups.map((group) => group.dataset.filter);

let pagefind;
let latest = 0;
let debounce;
let state;

// The address and the controls, each read into and written from one state.

function readAddress() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const name of filterNames) {
    const known = [...panel.querySelectorAll(`input[name="${name}"]`)].map((box) => box.value).filter(Boolean);
    const values = params.getAll(name).filter((value) => known.includes(value));
    if (values.length) filters[name] = values;
  }
  const page = Number.parseInt(params.get("page"), 10);
  return {
    query: (params.get("q") || "").trim(),
    filters,
    sort: params.get("sort") in SORTS || params.get("sort") === "relevance" ? params.get("sort") : "",
    page: page > 0 ? page : 1,
    tab: params.get("tab") === "stories" ? "stories" : "opportunities",
  };
}

// With words, the best matches first; with none, the newest (relevance needs words).
const sortIn = (s) => (s.sort && (s.query || s.sort !== "relevance") ? s.sort : (s.query ? "relevance" : "newest"));

function address(s) {
  const params = new URLSearchParams();
  if (s.query) params.set("q", s.query);
  for (const name of filterNames) for (const value of s.filters[name] || []) params.append(name, value);
  if (s.sort && s.sort !== (s.query ? "relevance" : "newest")) params.set("sort", s.sort);
  if (s.tab === "stories") params.set("tab", "stories");
  if (s.page > 1) params.set("page", s.page);
  const search = params.toString();
  return search ? `?${search}` : location.pathname;
}

function showState() {
  input.value = state.query;
  for (const box of panel.querySelectorAll("input")) {
    const chosen = state.filters[box.name] || [];
    box.checked = box.value ? chosen.includes(box.value) : chosen.length === 0;
  }
  for (const group of groups) {
    if (state.filters[group.dataset.filter]) group.open = true;
  }
  sortBox.querySelector("[value=relevance]").hidden = !state.query;
  sortBox.value = sortIn(state);
}

function chosenFilters() {
  const filters = {};
  for (const name of filterNames) {
    const values = [...panel.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  return filters;
}

// Asking Pagefind.

function indexFilters(section, filters, leaveOut) {
  const wanted = { section };
  for (const [name, values] of Object.entries(filters)) {
    if (name !== leaveOut) wanted[name] = { any: values };
  }
  return wanted;
}

const ask = (query, filters, sort) => pagefind.search(query || null, { filters, sort });

async function searchAll(s) {
  const sort = sortIn(s) === "relevance" ? undefined : SORTS[sortIn(s)];
  const storyFilters = Object.fromEntries(Object.entries(s.filters).filter(([name]) => STORY_FILTERS.includes(name)));
  const [opportunities, stories] = await Promise.all([
    ask(s.query, indexFilters("opportunities", s.filters), sort),
    ask(s.query, indexFilters("stories", storyFilters), s.query ? undefined : SORTS.newest),
  ]);
  return { opportunities, stories };
}

// Each option's count is how many results choosing it would give with the other filters kept:
// for a filter already in use, that needs a search without it. The counts need every filter's
// index, which a phone loads only when its filters are first opened.
let filterIndex;

async function optionCounts(s) {
  filterIndex ??= pagefind.filters();
  await filterIndex;
  const counts = { ...(await ask(s.query, indexFilters("opportunities", s.filters))).filters };
  await Promise.all(Object.keys(s.filters).map(async (name) => {
    counts[name] = (await ask(s.query, indexFilters("opportunities", s.filters, name))).filters[name];
  }));
  return counts;
}

async function showCounts() {
  if (!panel.checkVisibility()) {
    panel.removeAttribute("aria-busy");
    return;
  }
  const ticket = latest;
  panel.setAttribute("aria-busy", "true");
  const counts = await optionCounts(state);
  // A newer search counts for itself.
  if (ticket !== latest) return;
  for (const box of panel.querySelectorAll("input[value]:not([value=''])")) {
    box.labels[0].querySelector("[data-count]").textContent = `(${counts[box.name]?.[box.value] ?? 0})`;
  }
  panel.removeAttribute("aria-busy");
}

// Showing what was found.

// Result cards are clones of the page's <template>s, which the server's own card macros made,
// so a result looks just like a card on the list pages. Results are untrusted: they are put
// in as text only, each into the part whose data-slot names its Pagefind meta.
const placementCard = document.getElementById("placement-card");
const storyCard = document.getElementById("story-card");

function card(data) {
  const { meta } = data;
  const template = meta.card === "story" ? storyCard : placementCard;
  const item = template.content.firstElementChild.cloneNode(true);
  const link = item.querySelector(".card__title a");
  link.href = data.url;
  link.textContent = meta.title;
  for (const part of item.querySelectorAll("[data-slot]")) {
    const value = meta[part.dataset.slot];
    // A part this result has no value for ("Closes in 3 days", say) is left out, not left empty.
    if (value) part.textContent = value;
    else part.remove();
  }
  // A fact whose parts were all left out (a job has no length) goes too.
  for (const row of item.querySelectorAll(".card__facts > div:empty")) row.remove();
  item.classList.toggle("card--closing", Boolean(meta.closing));
  item.querySelector("[data-slot=type]")?.classList.replace("tag--", `tag--${meta.type_id}`);
  item.querySelector("time")?.setAttribute("datetime", meta.closes_date);
  return item;
}

const optionName = (box) => box.labels[0].querySelector("[data-name]").textContent;
const counted = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function showTabCounts(found) {
  const [opportunities, stories] = tabs.map((tab) => tab.querySelector("[data-tab-count]"));
  opportunities.textContent = `(${found.opportunities.results.length})`;
  stories.textContent = `(${found.stories.results.length})`;
}

function showChosen() {
  const boxes = [...panel.querySelectorAll("input:checked:not([value=''])")];
  toggle.textContent = boxes.length ? `Filters (${boxes.length})` : "Filters";
  selected.hidden = boxes.length === 0;
  chips.replaceChildren(...boxes.map((box) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "chip";
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = "Remove filter: ";
    const cross = document.createElement("span");
    cross.setAttribute("aria-hidden", "true");
    cross.className = "chip__remove";
    cross.textContent = "×";
    button.append(hidden, optionName(box), " ", cross);
    button.addEventListener("click", () => {
      box.checked = false;
      const any = panel.querySelector(`input[name="${box.name}"][value='']`);
      if (any) any.checked = true;
      changed();
      heading.focus();
    });
    item.append(button);
    return item;
  }));
}

function showTabs() {
  for (const tab of tabs) {
    tab.href = address({ ...state, tab: tab.dataset.tab, page: 1 });
    if (tab.dataset.tab === state.tab) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
}

function pageLink(text, number, hidden) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = address({ ...state, page: number });
  link.dataset.page = number;
  if (hidden) {
    const words = document.createElement("span");
    words.className = "visually-hidden";
    words.textContent = hidden.text;
    if (hidden.before) link.append(words, text);
    else link.append(text, words);
  } else link.append(text);
  if (number === state.page && !hidden?.around) link.setAttribute("aria-current", "page");
  item.append(link);
  return item;
}

// The same numbers the list pages show: the first, the last, and those either side of this one.
function pageNumbers(count) {
  const wanted = [...new Set([1, count, state.page - 1, state.page, state.page + 1])]
    .filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  const shown = [];
  wanted.forEach((n, i) => {
    if (i && n > wanted[i - 1] + 1) shown.push(null);
    shown.push(n);
  });
  return shown;
}

function showPages(count) {
  pages.hidden = count < 2;
  const items = [];
  if (state.page > 1) items.push(pageLink("Previous", state.page - 1, { text: " page", around: true }));
  for (const number of pageNumbers(count)) {
    if (number === null) {
      const gap = document.createElement("li");
      gap.className = "pagination__gap";
      gap.setAttribute("aria-hidden", "true");
      gap.textContent = "…";
      items.push(gap);
    } else items.push(pageLink(String(number), number, { text: "Page ", before: true }));
  }
  if (state.page < count) items.push(pageLink("Next", state.page + 1, { text: " page", around: true }));
  pages.querySelector("ul").replaceChildren(...items);
}

function statusText(count) {
  if (state.tab === "stories") {
    const others = Object.keys(state.filters).some((name) => !STORY_FILTERS.includes(name));
    const found = count ? `${counted(count, "story", "stories")} found` : "No stories match.";
    return others ? `${found} Stories are filtered by words and region only.` : found;
  }
  if (!count) return "No opportunities match. Try fewer words or fewer filters.";
  const pageCount = Math.ceil(count / PAGE_SIZE);
  const where = pageCount > 1 ? `, page ${state.page} of ${pageCount}` : "";
  return `${counted(count, "opportunity", "opportunities")} found${where}`;
}

async function run({ focus = false } = {}) {
  history.replaceState(null, "", address(state));
  showState();
  showChosen();
  showTabs();
  const ticket = ++latest;
  // Busy until this answer is shown: screen readers wait, and so can tests.
  list.setAttribute("aria-busy", "true");
  const found = await searchAll(state);
  if (ticket !== latest) return;
  const results = found[state.tab].results;
  const pageCount = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  if (state.page > pageCount) {
    state.page = pageCount;
    history.replaceState(null, "", address(state));
  }
  const batch = results.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE);
  const data = await Promise.all(batch.map((result) => result.data()));
  // A newer search may have started while these loaded: its results win.
  if (ticket !== latest) return;
  showTabCounts(found);
  list.replaceChildren(...data.map(card));
  list.start = (state.page - 1) * PAGE_SIZE + 1;
  list.hidden = results.length === 0;
  done.textContent = `Show ${counted(found.opportunities.results.length, "result", "results")}`;
  showPages(pageCount);
  status.textContent = statusText(results.length);
  list.removeAttribute("aria-busy");
  if (focus) heading.focus();
  await showCounts();
}

function changed() {
  state = { ...state, query: input.value.trim(), filters: chosenFilters(), page: 1 };
  return run();
}

function setPanel(open) {
  toggle.setAttribute("aria-expanded", String(open));
  panel.classList.toggle("is-open", open);
  if (open) showCounts();
}

async function start() {
  pagefind = await import(`${app.dataset.bundle}pagefind.js`);
  await pagefind.options({ baseUrl: app.dataset.base });
  pagefind.init();
  state = readAddress();
  document.querySelector("[data-search-fallback]").hidden = true;
  app.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(debounce);
    changed();
  });
  input.addEventListener("input", () => {
    clearTimeout(debounce);
    debounce = setTimeout(changed, 250);
  });
  panel.addEventListener("change", () => changed());
  sortBox.addEventListener("change", () => {
    state = { ...state, sort: sortBox.value, page: 1 };
    run();
  });
  document.getElementById("search-clear").addEventListener("click", () => {
    state = { ...state, filters: {}, page: 1 };
    run();
    heading.focus();
  });
  toggle.addEventListener("click", () => setPanel(toggle.getAttribute("aria-expanded") !== "true"));
  done.addEventListener("click", () => {
    setPanel(false);
    heading.focus();
  });
  // Tabs and page numbers are real links, which open in a new tab too; here they search in place.
  app.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-tab], a[data-page]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
    event.preventDefault();
    state = link.dataset.tab ? { ...state, tab: link.dataset.tab, page: 1 } : { ...state, page: Number(link.dataset.page) };
    run({ focus: true });
  });
  await run();
}

start().catch(() => {
  status.textContent = "Search could not load. You can still browse by region, sector or employer.";
});
