// Search over the Pagefind index, laid out as GOV.UK's pattern for filtering a list: results
// first, the filters beside them on a wide screen and behind a "Filters (n)" button on a phone.
// Everything chosen lives in the address, so any search can be shared, bookmarked or reloaded:
// /search/?q=engineer&region=north-east&sort=closing&page=2 (and &tab=stories for stories;
// &near=Durham&within=10 for distance, whose code, near.js, loads only when it is used).
// Ten results a page fill a phone's first screens; each costs a fragment download, and the first
// search must stay under its 150 KB budget.
const PAGE_SIZE = 10;
const SORTS = { closing: { closes: "asc" }, newest: { posted: "desc" }, pay: { pay: "desc" } };
// Stories have a region but none of the opportunities' other facts.
const STORY_FILTERS = ["region"];

const app = document.getElementById("search");
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const nearBox = document.getElementById("near");
const withinBox = document.getElementById("within");
const useLocation = document.getElementById("use-location");
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
  const within = params.get("within");
  return {
    query: (params.get("q") || "").trim(),
    near: (params.get("near") || "").trim(),
    // A location from "Use my location" is never put in the address: it stays in this page.
    here: null,
    within: [...withinBox.options].some((option) => option.value && option.value === within) ? within : "",
    filters,
    sort: [...sortBox.options].some((option) => option.value === params.get("sort")) ? params.get("sort") : "",
    page: page > 0 ? page : 1,
    tab: params.get("tab") === "stories" ? "stories" : "opportunities",
  };
}

const hasPlace = (s) => Boolean(s.near || s.here);
// Near a place, the nearest first; with words, the best matches; with neither, the newest.
const defaultSort = (s) => (hasPlace(s) ? "distance" : s.query ? "relevance" : "newest");
const offered = (s, sort) => (sort === "relevance" ? Boolean(s.query) : sort === "distance" ? hasPlace(s) : sort in SORTS);
const sortIn = (s) => (s.sort && offered(s, s.sort) ? s.sort : defaultSort(s));

function address(s) {
  const params = new URLSearchParams();
  if (s.query) params.set("q", s.query);
  if (s.near) params.set("near", s.near);
  if (s.within && hasPlace(s)) params.set("within", s.within);
  for (const name of filterNames) for (const value of s.filters[name] || []) params.append(name, value);
  if (sortIn(s) !== defaultSort(s)) params.set("sort", sortIn(s));
  if (s.tab === "stories") params.set("tab", "stories");
  if (s.page > 1) params.set("page", s.page);
  const search = params.toString();
  return search ? `?${search}` : location.pathname;
}

function showState() {
  input.value = state.query;
  nearBox.value = state.here ? "My location" : state.near;
  withinBox.value = state.within;
  for (const box of panel.querySelectorAll("input")) {
    const chosen = state.filters[box.name] || [];
    box.checked = box.value ? chosen.includes(box.value) : chosen.length === 0;
  }
  for (const group of groups) {
    if (state.filters[group.dataset.filter]) group.open = true;
  }
  sortBox.querySelector("[value=relevance]").hidden = !state.query;
  sortBox.querySelector("[value=distance]").hidden = !hasPlace(state);
  sortBox.value = sortIn(state);
}

function chosenFilters() {
  const filters = {};
  for (const box of checkedOptions()) (filters[box.name] ??= []).push(box.value);
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

// A search's results as a count and `upTo(n)`, the first n in order: ranking by distance finds
// them town by town, only as far as the page shown needs.
const listed = (found) => ({ total: found.results.length, upTo: async (n) => found.results.slice(0, n) });

// Every filter's index, for counting each option and each town's results; a phone loads it only
// when its filters are first opened or "Near" is used.
let filterIndex;
const loadFilterIndex = () => (filterIndex ??= pagefind.filters());

// With a distance, only the towns within it (and listings no distance applies to) are searched;
// the option counts keep to them too.
let distanceFilter = {};

async function searchOpportunities(s) {
  const sort = sortIn(s) === "relevance" || sortIn(s) === "distance" ? undefined : SORTS[sortIn(s)];
  const filters = indexFilters("opportunities", s.filters);
  distanceFilter = {};
  if (!hasPlace(s)) return listed(await ask(s.query, filters, sort));
  const [near] = await Promise.all([import("./near.js"), loadFilterIndex()]);
  const from = s.here || await near.findPlace(s.near, app.dataset.base);
  if (!from) return { ...listed(await ask(s.query, filters, sort)), unknownPlace: s.near };
  const towns = (await ask(s.query, filters)).filters.town || {};
  const within = Number(s.within) || 0;
  const place = { from, near, name: s.here ? "your location" : from.name, within };
  if (within) distanceFilter = { town: { any: near.townsWithin(from, towns, within) } };
  if (sortIn(s) === "distance") {
    const order = s.query ? undefined : SORTS.newest;
    return { ...await near.nearestFirst((more) => ask(s.query, { ...filters, ...more }, order), from, towns, within), place };
  }
  return { ...listed(await ask(s.query, { ...filters, ...distanceFilter }, sort)), place };
}

async function searchAll(s) {
  const storyFilters = Object.fromEntries(Object.entries(s.filters).filter(([name]) => STORY_FILTERS.includes(name)));
  const [opportunities, stories] = await Promise.all([
    searchOpportunities(s),
    ask(s.query, indexFilters("stories", storyFilters), s.query ? undefined : SORTS.newest).then(listed),
  ]);
  return { opportunities, stories };
}

// Each option's count is how many results choosing it would give with the other filters kept:
// for a filter already in use, that needs a search without it.
async function optionCounts(s) {
  await loadFilterIndex();
  const filters = (leaveOut) => ({ ...indexFilters("opportunities", s.filters, leaveOut), ...distanceFilter });
  const counts = { ...(await ask(s.query, filters())).filters };
  await Promise.all(Object.keys(s.filters).map(async (name) => {
    counts[name] = (await ask(s.query, filters(name))).filters[name];
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

// Today in the UK as YYYY-MM-DD, which compares as the dates it names.
const ukToday = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

function card(data, place) {
  const meta = { ...data.meta };
  // A listing that has closed since the site was built is never shown as open.
  if (meta.closes_date && meta.closes_date < ukToday) meta.closing = "Closed";
  if (place && meta.card === "placement") {
    meta.distance = meta.geo && !meta.anywhere ? place.near.distanceText(place.near.milesTo(place.from, meta.geo)) : meta.anywhere;
  }
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
// The filter options chosen, but a single choice's "Any".
const checkedOptions = () => [...panel.querySelectorAll("input:checked:not([value=''])")];

// Words for screen readers only: "Remove filter: ", "Page ".
function hiddenText(text) {
  const words = document.createElement("span");
  words.className = "visually-hidden";
  words.textContent = text;
  return words;
}

function showTabCounts(found) {
  const [opportunities, stories] = tabs.map((tab) => tab.querySelector("[data-tab-count]"));
  opportunities.textContent = `(${found.opportunities.total})`;
  stories.textContent = `(${found.stories.total})`;
}

function showChosen() {
  const boxes = checkedOptions();
  toggle.textContent = boxes.length ? `Filters (${boxes.length})` : "Filters";
  selected.hidden = boxes.length === 0;
  chips.replaceChildren(...boxes.map((box) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "chip";
    const cross = document.createElement("span");
    cross.setAttribute("aria-hidden", "true");
    cross.className = "chip__remove";
    cross.textContent = "×";
    button.append(hiddenText("Remove filter: "), optionName(box), " ", cross);
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

// Where a feed follows this very search (everything, or one region, sector, type, workplace or
// hours alone, with no words or place), its "Get alerts" page is offered.
const alerts = document.getElementById("search-alerts");
const everything = alerts.querySelector("a");
const allTopic = alerts.querySelector("span").textContent;

function showAlerts() {
  const boxes = checkedOptions();
  const feed = boxes.length === 0 ? everything : boxes.length === 1 && boxes[0].dataset.alerts ? boxes[0] : null;
  alerts.hidden = !feed || Boolean(state.query || hasPlace(state)) || state.tab === "stories";
  if (alerts.hidden) return;
  alerts.querySelector("a").href = app.dataset.base + feed.dataset.alerts;
  alerts.querySelector("span").textContent = feed === everything ? allTopic : feed.dataset.topic;
}

function showTabs() {
  for (const tab of tabs) {
    tab.href = address({ ...state, tab: tab.dataset.tab, page: 1 });
    if (tab.dataset.tab === state.tab) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
}

// A link to a page of results, as the list pages' pagination makes them.
function pageLink(number, parts, current = false) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = address({ ...state, page: number });
  link.dataset.page = number;
  link.append(...parts);
  if (current) link.setAttribute("aria-current", "page");
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
  if (state.page > 1) items.push(pageLink(state.page - 1, ["Previous", hiddenText(" page")]));
  for (const number of pageNumbers(count)) {
    if (number === null) {
      const gap = document.createElement("li");
      gap.className = "pagination__gap";
      gap.setAttribute("aria-hidden", "true");
      gap.textContent = "…";
      items.push(gap);
    } else items.push(pageLink(number, [hiddenText("Page "), String(number)], number === state.page));
  }
  if (state.page < count) items.push(pageLink(state.page + 1, ["Next", hiddenText(" page")]));
  pages.querySelector("ul").replaceChildren(...items);
}

function statusText(count, found) {
  const { place, unknownPlace } = found.opportunities;
  if (unknownPlace) {
    return `No town, city or postcode district called “${unknownPlace}” is known: try the nearest town, or a district such as DH1. `
      + statusText(count, { ...found, opportunities: {} });
  }
  if (state.tab === "stories") {
    const others = Object.keys(state.filters).some((name) => !STORY_FILTERS.includes(name));
    const found = count ? `${counted(count, "story", "stories")} found` : "No stories match.";
    return others ? `${found} Stories are filtered by words and region only.` : found;
  }
  if (!count) return "No opportunities match. Try fewer words or fewer filters.";
  const pageCount = Math.ceil(count / PAGE_SIZE);
  const where = pageCount > 1 ? `, page ${state.page} of ${pageCount}` : "";
  const how = place?.within ? `within ${counted(place.within, "mile", "miles")} of` : "near";
  const near = place ? ` ${how} ${place.name}` : "";
  return `${counted(count, "opportunity", "opportunities")} found${near}${where}`;
}

async function run({ focus = false } = {}) {
  history.replaceState(null, "", address(state));
  showState();
  showChosen();
  showAlerts();
  showTabs();
  const ticket = ++latest;
  // Busy until this answer is shown: screen readers wait, and so can tests.
  list.setAttribute("aria-busy", "true");
  const found = await searchAll(state);
  if (ticket !== latest) return;
  const { total, upTo, place } = found[state.tab];
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (state.page > pageCount) {
    state.page = pageCount;
    history.replaceState(null, "", address(state));
  }
  const batch = (await upTo(state.page * PAGE_SIZE)).slice((state.page - 1) * PAGE_SIZE);
  const data = await Promise.all(batch.map((result) => result.data()));
  // A newer search may have started while these loaded: its results win.
  if (ticket !== latest) return;
  showTabCounts(found);
  list.replaceChildren(...data.map((result) => card(result, place)));
  list.start = (state.page - 1) * PAGE_SIZE + 1;
  list.hidden = total === 0;
  done.textContent = `Show ${counted(found.opportunities.total, "result", "results")}`;
  showPages(pageCount);
  status.textContent = statusText(total, found);
  list.removeAttribute("aria-busy");
  if (focus) heading.focus();
  await showCounts();
}

function changed() {
  const near = state.here ? state.near : nearBox.value.trim();
  state = { ...state, query: input.value.trim(), near, within: withinBox.value, filters: chosenFilters(), page: 1 };
  return run();
}

// The browser asks the returner first, and only when they press the button; the place found
// is used here and goes nowhere else, not even into the address.
function locate() {
  status.textContent = "Finding your location…";
  list.setAttribute("aria-busy", "true");
  navigator.geolocation.getCurrentPosition((position) => {
    const { latitude, longitude } = position.coords;
    state = { ...state, here: { latitude, longitude }, near: "", page: 1 };
    run();
  }, () => {
    list.removeAttribute("aria-busy");
    status.textContent = "Your location could not be found. Type a town, city or postcode district instead.";
  }, { maximumAge: 600000, timeout: 15000 });
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
  // A place is looked up when it is complete: on Search, Enter or leaving the box.
  nearBox.addEventListener("input", () => {
    state.here = null;
  });
  nearBox.addEventListener("change", () => changed());
  withinBox.addEventListener("change", () => changed());
  if ("geolocation" in navigator && window.isSecureContext) {
    useLocation.hidden = false;
    useLocation.addEventListener("click", locate);
  }
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
