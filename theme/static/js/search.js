// Search over the Pagefind index, with filters that follow the address bar,
// so /search/?q=engineer&region=north-east can be shared and bookmarked.
// Ten fill a phone's first screens; each costs a fragment download, and the first
// search must stay under its 150 KB budget.
const PAGE_SIZE = 10;
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const filterNames = [...form.querySelectorAll("details[data-filter]")].map((d) => d.dataset.filter);

let pagefind;
let results = [];
let shown = 0;
let latest = 0;
let debounce;

function readAddress() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const box of form.querySelectorAll("input[type=checkbox]")) {
    box.checked = params.getAll(box.name).includes(box.value);
  }
  for (const details of form.querySelectorAll("details[data-filter]")) {
    if (details.querySelector("input:checked")) details.open = true;
  }
}

function chosen() {
  const filters = {};
  for (const name of filterNames) {
    const values = [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((b) => b.value);
    if (values.length) filters[name] = { any: values };
  }
  return { query: input.value.trim(), filters };
}

function writeAddress({ query, filters }) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [name, { any }] of Object.entries(filters)) any.forEach((v) => params.append(name, v));
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

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

async function showMore() {
  const ticket = latest;
  const batch = results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(batch.map((r) => r.data()));
  // A newer search may have started while these loaded: its results win.
  if (ticket !== latest) return;
  list.append(...data.map(card));
  shown += batch.length;
  more.hidden = shown >= results.length;
}

async function run() {
  const state = chosen();
  writeAddress(state);
  const ticket = ++latest;
  // Busy until this answer is shown: screen readers wait, and so can tests.
  list.setAttribute("aria-busy", "true");
  const search = await pagefind.search(state.query || null, {
    filters: state.filters,
    sort: state.query ? undefined : { posted: "desc" },
  });
  if (ticket !== latest) return;
  results = search ? search.results : [];
  shown = 0;
  list.replaceChildren();
  list.hidden = results.length === 0;
  const count = results.length;
  status.textContent = count === 0
    ? "Nothing matches. Try fewer words or fewer filters."
    : `${count} ${count === 1 ? "result" : "results"} found`;
  await showMore();
  if (ticket === latest) list.removeAttribute("aria-busy");
}

async function start() {
  pagefind = await import(`${form.dataset.bundle}pagefind.js`);
  await pagefind.options({ baseUrl: form.dataset.base });
  pagefind.init();
  readAddress();
  form.hidden = false;
  document.querySelector("[data-search-fallback]").hidden = true;
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  form.addEventListener("change", () => run());
  input.addEventListener("input", () => { clearTimeout(debounce); debounce = setTimeout(run, 250); });
  document.getElementById("search-clear").addEventListener("click", () => {
    form.querySelectorAll("input[type=checkbox]").forEach((box) => { box.checked = false; });
    run();
  });
  more.addEventListener("click", showMore);
  await run();
}

start().catch(() => {
  status.textContent = "Search could not load. You can still browse by region, sector or employer.";
});
