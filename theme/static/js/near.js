// "Near": where a typed town, city or postcode district is, how far each result is from it, and
// results ranked nearest first. Loaded only when "Near" is used, with the board's list of places
// (/search/places.json); nothing is sent anywhere, and distances are worked out here.
const EARTH_RADIUS_MILES = 3958.8;
// Listings no distance applies to (remote work, UK-wide with no town): the index's town filter value.
const ANYWHERE = "anywhere";
// Towns searched at once while ranking: enough for a page of results, few enough to stay quick.
const TOWNS_AT_ONCE = 8;

let places;

// A name as the board looks places up: no capitals, accents, dots or apostrophes; hyphens as spaces.
const key = (name) => name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[.'’]/g, "")
  .replace(/[-\s]+/g, " ").trim().toLowerCase();

async function loadPlaces(base) {
  places ??= fetch(`${base}search/places.json`).then((response) => {
    if (!response.ok) throw new Error(`places: ${response.status}`);
    return response.json();
  }).then((data) => {
    // Largest first, so a name several places share finds the largest.
    const byKey = new Map();
    for (const [name, latitude, longitude] of data.places) {
      if (!byKey.has(key(name))) byKey.set(key(name), { name, latitude, longitude });
    }
    return { byKey, alsoKnownAs: data.also_known_as, districts: data.districts };
  });
  return places;
}

/** The place a returner typed: a town or city, or a postcode district (DH1, or a whole postcode). */
export async function findPlace(text, base) {
  const { byKey, alsoKnownAs, districts } = await loadPlaces(base);
  const district = text.trim().toUpperCase().split(/\s+/)[0];
  if (districts[district]) {
    const [latitude, longitude] = districts[district];
    return { name: district, latitude, longitude };
  }
  const typed = key(text);
  return byKey.get(typed) || byKey.get(alsoKnownAs[typed]) || null;
}

/** Great-circle distance in miles (haversine). */
export function milesBetween(a, b) {
  const radians = (degrees) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2
    + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
}

const point = (text) => {
  const [latitude, longitude] = text.split(",").map(Number);
  return { latitude, longitude };
};

/** How far the nearest of a listing's towns (`lat,lon;lat,lon`) is from `from`. */
export const milesTo = (from, geo) => Math.min(...geo.split(";").map((town) => milesBetween(from, point(town))));

/** A distance as a card says it: under a mile away, 9.9 miles away, 23 miles away. */
export function distanceText(miles) {
  if (miles < 1) return "Under a mile away";
  const shown = miles < 10 ? Math.round(miles * 10) / 10 : Math.round(miles);
  return `${shown} ${shown === 1 ? "mile" : "miles"} away`;
}

/**
 * The opportunities a search finds, nearest first, then those no distance applies to.
 * `ask(filters, sort)` runs the search with more filters; `towns` are the index's town values
 * with results, as Pagefind counts them. Returns the count and `upTo(n)`, which finds the
 * first n results in order, searching town by town only as far as it must.
 */
// The towns with results, nearest first, within `within` miles if it is given.
const byDistance = (from, towns, within) => Object.entries(towns)
  .filter(([town, count]) => count > 0 && town !== ANYWHERE)
  .map(([town]) => ({ town, miles: milesBetween(from, point(town)) }))
  .filter(({ miles }) => !within || miles <= within)
  .sort((a, b) => a.miles - b.miles);

export async function nearestFirst(ask, from, towns, within) {
  const ranked = byDistance(from, towns, within);
  const [located, anywhere] = await Promise.all([
    ranked.length ? ask({ town: { any: ranked.map(({ town }) => town) } }) : { results: [] },
    ask({ town: ANYWHERE }),
  ]);
  const found = [];
  const seen = new Set();
  let next = 0;
  let anywhereAdded = false;
  async function upTo(wanted) {
    while (found.length < wanted && next < ranked.length) {
      const batch = ranked.slice(next, next + TOWNS_AT_ONCE);
      next += batch.length;
      const answers = await Promise.all(batch.map(({ town }) => ask({ town })));
      // A listing in several towns is placed at the nearest.
      for (const answer of answers) {
        for (const result of answer.results) {
          if (!seen.has(result.id)) {
            seen.add(result.id);
            found.push(result);
          }
        }
      }
    }
    if (next >= ranked.length && !anywhereAdded) {
      anywhereAdded = true;
      found.push(...anywhere.results.filter((result) => !seen.has(result.id)));
    }
    return found.slice(0, wanted);
  }
  return { total: located.results.length + anywhere.results.length, upTo };
}

/** Only the towns within `within` miles, and the listings no distance applies to, for another sort. */
export function townsWithin(from, towns, within) {
  return [...byDistance(from, towns, within).map(({ town }) => town), ANYWHERE];
}
