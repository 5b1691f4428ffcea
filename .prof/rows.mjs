// bench/fixtures.mjs
var BENCH_PATIENT_ID = "bench-patient-1";
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t2 = a;
    t2 = Math.imul(t2 ^ t2 >>> 15, t2 | 1);
    t2 ^= t2 + Math.imul(t2 ^ t2 >>> 7, t2 | 61);
    return ((t2 ^ t2 >>> 14) >>> 0) / 4294967296;
  };
}
var MEDICINES = [
  ["metoprolol", "50 mg", "tablet met gereguleerde afgifte"],
  ["paracetamol", "500 mg", "tablet"],
  ["omeprazol", "20 mg", "maagsapresistente capsule"],
  ["amlodipine", "5 mg", "tablet"],
  ["simvastatine", "40 mg", "tablet"],
  ["metformine", "500 mg", "tablet"],
  ["furosemide", "40 mg", "tablet"],
  ["acetylsalicylzuur", "80 mg", "dispertablet"],
  ["pantoprazol", "40 mg", "maagsapresistente tablet"],
  ["lisinopril", "10 mg", "tablet"],
  ["levothyroxine", "100 microgram", "tablet"],
  ["colecalciferol", "800 IE", "tablet"],
  ["macrogol", "10 g", "poeder voor drank"],
  ["salbutamol", "100 microgram/dosis", "aerosol"],
  ["tiotropium", "18 microgram", "inhalatiepoeder"],
  ["hydrochloorthiazide", "12,5 mg", "tablet"],
  ["bisoprolol", "2,5 mg", "tablet"],
  ["enalapril", "10 mg", "tablet"],
  ["apixaban", "5 mg", "tablet"],
  ["clopidogrel", "75 mg", "tablet"],
  ["atorvastatine", "20 mg", "tablet"],
  ["citalopram", "20 mg", "tablet"],
  ["oxazepam", "10 mg", "tablet"],
  ["temazepam", "10 mg", "capsule"],
  ["tramadol", "50 mg", "capsule"],
  ["diclofenac", "50 mg", "maagsapresistente tablet"],
  ["prednisolon", "5 mg", "tablet"],
  ["amoxicilline", "500 mg", "capsule"],
  ["nitrofuranto\xEFne", "100 mg", "capsule met gereguleerde afgifte"],
  ["insuline glargine", "100 E/ml", "injectievloeistof"],
  ["spironolacton", "25 mg", "tablet"],
  ["tamsulosine", "0,4 mg", "capsule met gereguleerde afgifte"]
];
var TIMINGS = [
  { text: "1 maal per dag 1 stuk", frequency: 1, period: 1, dose: 1 },
  { text: "2 maal per dag 1 stuk", frequency: 2, period: 1, dose: 1 },
  { text: "3 maal per dag 1 stuk", frequency: 3, period: 1, dose: 1 },
  { text: "1 maal per dag 2 stuks", frequency: 1, period: 1, dose: 2 },
  { text: "indien nodig 1 stuk, maximaal 3 per dag", frequency: 1, period: 1, dose: 1, asNeeded: true }
];
var STATUSES = ["active", "active", "active", "completed", "stopped", "on-hold"];
function pad(n, width = 2) {
  return String(n).padStart(width, "0");
}
function medicationRequests(n, seed = 20261122) {
  const random = prng(seed);
  const pick = (list2) => list2[Math.floor(random() * list2.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    const [name, strength, form] = pick(MEDICINES);
    const timing = pick(TIMINGS);
    const year = 2015 + Math.floor(random() * 11);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const authoredOn = `${year}-${pad(month)}-${pad(day)}`;
    const display = `${name} ${strength} ${form}`;
    out.push({
      resourceType: "MedicationRequest",
      id: `bench-mr-${pad(i, 5)}`,
      status: pick(STATUSES),
      intent: "order",
      medicationCodeableConcept: {
        coding: [{ system: "urn:oid:2.16.840.1.113883.2.4.4.7", code: String(1e5 + i * 7919 % 9e5), display }],
        text: display
      },
      subject: { reference: `Patient/${BENCH_PATIENT_ID}` },
      authoredOn,
      dosageInstruction: [{
        text: timing.text,
        ...timing.asNeeded ? { asNeededBoolean: true } : {},
        timing: { repeat: { frequency: timing.frequency, period: timing.period, periodUnit: "d" } },
        route: { coding: [{ system: "http://snomed.info/sct", code: "26643006", display: "Oral route" }] },
        doseAndRate: [{ doseQuantity: { value: timing.dose, unit: "stuk", system: "http://unitsofmeasure.org", code: "1" } }]
      }],
      dispenseRequest: { validityPeriod: { start: authoredOn } }
    });
  }
  return out;
}

// src/model/date.ts
var DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;
function parseFhirDate(value) {
  if (typeof value !== "string") return void 0;
  const m = DATE_RE.exec(value.trim());
  if (!m) return void 0;
  const year = Number(m[1]);
  if (year < 1) return void 0;
  if (m[2] === void 0) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return void 0;
  if (m[3] === void 0) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return void 0;
  return { year, month, day };
}
var DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year, month) {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}
function formatDate(value, locale) {
  const date = parseFhirDate(value);
  if (!date) return void 0;
  const month = date.month === void 0 ? void 0 : monthName(date.month, locale);
  const parts = [date.day === void 0 ? void 0 : String(date.day).padStart(2, "0"), month, String(date.year).padStart(4, "0")].filter((p) => p !== void 0);
  return parts.join(locale === "en" ? "-" : " ");
}
var MONTHS = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  nl: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
};
function monthName(month, locale) {
  return (MONTHS[locale] ?? MONTHS.en)[month - 1] ?? "";
}
function compareCalendarDates(a, b) {
  return a.year - b.year || (a.month ?? 1) - (b.month ?? 1) || (a.day ?? 1) - (b.day ?? 1);
}
function isFullDate(date) {
  return date.month !== void 0 && date.day !== void 0;
}
function dayNumber(date) {
  return Math.round((/* @__PURE__ */ new Date(0)).setUTCFullYear(date.year, date.month - 1, date.day) / 864e5);
}
function dateRange(date) {
  const firstMonth = date.month ?? 1;
  const lastMonth = date.month ?? 12;
  return {
    first: { year: date.year, month: firstMonth, day: date.day ?? 1 },
    last: { year: date.year, month: lastMonth, day: date.day ?? daysInMonth(date.year, lastMonth) }
  };
}

// src/model/text.ts
function joinList(items, locale) {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${locale === "nl" ? "en" : "and"} ${items[items.length - 1]}`;
}
function lookupTable(entries) {
  return Object.freeze(Object.assign(/* @__PURE__ */ Object.create(null), entries));
}
function list(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "object" && v !== null) : [];
}
function trimmed(value) {
  return typeof value === "string" && value.trim() ? value.trim() : void 0;
}

// src/model/locale.ts
var INTL_TAG = { en: "en-GB", nl: "nl-NL" };

// src/model/quantity.ts
var DECIMAL = { en: ".", nl: "," };
function decimalDigits(value) {
  if (Number.isSafeInteger(value)) return { sign: value < 0 ? "-" : "", int: String(Math.abs(value)), frac: "" };
  const rounded = Number(value.toPrecision(15));
  const sign = rounded < 0 ? "-" : "";
  const text = String(Math.abs(rounded));
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) return { sign, int: "0", frac: "" };
  let digits = m[1] + (m[2] ?? "");
  let point = m[1].length + Number(m[3] ?? 0);
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits = digits + "0".repeat(point - digits.length);
  }
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const frac = digits.slice(point).replace(/0+$/, "");
  return { sign: int === "0" && frac === "" ? "" : sign, int, frac };
}
function formatNumber(value, locale) {
  if (typeof value !== "number" || !Number.isFinite(value)) return void 0;
  const { sign, int, frac } = decimalDigits(value);
  const grouped = locale === "en" && int.length > 3 ? int.replace(/\B(?=(\d{3})+$)/g, ",") : int;
  return sign + grouped + (frac ? DECIMAL[locale] + frac : "");
}
var same = (symbol) => ({ en: [symbol, symbol], nl: [symbol, symbol] });
var words = (en, nl) => ({ en, nl });
var UNIT = {
  mg: same("mg"),
  g: same("g"),
  kg: same("kg"),
  ng: same("ng"),
  mcg: words(["mcg", "mcg"], ["microgram", "microgram"]),
  mL: same("mL"),
  L: same("L"),
  mmol: same("mmol"),
  mEq: same("mEq"),
  percent: same("%"),
  unit: words(["unit", "units"], ["eenheid", "eenheden"]),
  iu: words(["international unit", "international units"], ["internationale eenheid", "internationale eenheden"]),
  tablet: words(["tablet", "tablets"], ["tablet", "tabletten"]),
  capsule: words(["capsule", "capsules"], ["capsule", "capsules"]),
  drop: words(["drop", "drops"], ["druppel", "druppels"]),
  puff: words(["puff", "puffs"], ["inhalatie", "inhalaties"]),
  spray: words(["spray", "sprays"], ["verstuiving", "verstuivingen"]),
  dose: words(["dose", "doses"], ["dosis", "doses"]),
  sachet: words(["sachet", "sachets"], ["sachet", "sachets"]),
  patch: words(["patch", "patches"], ["pleister", "pleisters"]),
  suppository: words(["suppository", "suppositories"], ["zetpil", "zetpillen"]),
  piece: words(["piece", "pieces"], ["stuk", "stuks"]),
  application: words(["application", "applications"], ["applicatie", "applicaties"]),
  ampoule: words(["ampoule", "ampoules"], ["ampul", "ampullen"]),
  vial: words(["vial", "vials"], ["flacon", "flacons"]),
  syringe: words(["syringe", "syringes"], ["spuit", "spuiten"]),
  teaspoon: words(["teaspoon", "teaspoons"], ["theelepel", "theelepels"]),
  tablespoon: words(["tablespoon", "tablespoons"], ["eetlepel", "eetlepels"]),
  second: words(["second", "seconds"], ["seconde", "seconden"]),
  minute: words(["minute", "minutes"], ["minuut", "minuten"]),
  hour: words(["hour", "hours"], ["uur", "uur"]),
  day: words(["day", "days"], ["dag", "dagen"]),
  week: words(["week", "weeks"], ["week", "weken"]),
  month: words(["month", "months"], ["maand", "maanden"]),
  year: words(["year", "years"], ["jaar", "jaar"])
};
var EXACT = lookupTable({
  // Case matters: `E` is the Dutch "eenheid", `IE` "internationale eenheid"; `a` is UCUM's year.
  U: "unit",
  E: "unit",
  IE: "iu",
  IU: "iu",
  L: "L",
  l: "L",
  g: "g",
  mL: "mL",
  ml: "mL",
  ML: "mL",
  min: "minute",
  s: "second",
  h: "hour",
  d: "day",
  wk: "week",
  mo: "month",
  a: "year",
  "%": "percent"
});
var LOWER = lookupTable({
  mg: "mg",
  milligram: "mg",
  milligrams: "mg",
  g: "g",
  gram: "g",
  grams: "g",
  kg: "kg",
  kilogram: "kg",
  ng: "ng",
  nanogram: "ng",
  ug: "mcg",
  "\xB5g": "mcg",
  "\u03BCg": "mcg",
  mcg: "mcg",
  microgram: "mcg",
  micrograms: "mcg",
  microg: "mcg",
  ml: "mL",
  cc: "mL",
  milliliter: "mL",
  millilitre: "mL",
  milliliters: "mL",
  millilitres: "mL",
  cm3: "mL",
  liter: "L",
  litre: "L",
  mmol: "mmol",
  millimol: "mmol",
  "meq": "mEq",
  u: "unit",
  unit: "unit",
  units: "unit",
  "unit(s)": "unit",
  eenheid: "unit",
  eenheden: "unit",
  iu: "iu",
  ie: "iu",
  "international unit": "iu",
  "international units": "iu",
  "internationale eenheid": "iu",
  "internationale eenheden": "iu",
  tbl: "tablet",
  tab: "tablet",
  tabs: "tablet",
  tablet: "tablet",
  tablets: "tablet",
  "tablet(s)": "tablet",
  tabl: "tablet",
  tablet_unit: "tablet",
  tabletten: "tablet",
  tablett: "tablet",
  caps: "capsule",
  cap: "capsule",
  capsule: "capsule",
  capsules: "capsule",
  "capsule(s)": "capsule",
  capsul: "capsule",
  drp: "drop",
  drop: "drop",
  drops: "drop",
  gtt: "drop",
  druppel: "drop",
  druppels: "drop",
  puff: "puff",
  puffs: "puff",
  inhalation: "puff",
  inhalations: "puff",
  inhalatie: "puff",
  inhalaties: "puff",
  puf: "puff",
  pufje: "puff",
  pufjes: "puff",
  spray: "spray",
  sprays: "spray",
  verstuiving: "spray",
  verstuivingen: "spray",
  dose: "dose",
  doses: "dose",
  dosis: "dose",
  sachet: "sachet",
  sachets: "sachet",
  sach: "sachet",
  patch: "patch",
  patches: "patch",
  pleister: "patch",
  pleisters: "patch",
  supp: "suppository",
  suppository: "suppository",
  suppositories: "suppository",
  zetpil: "suppository",
  zetpillen: "suppository",
  piece: "piece",
  pieces: "piece",
  each: "piece",
  ea: "piece",
  stuk: "piece",
  stuks: "piece",
  st: "piece",
  stk: "piece",
  application: "application",
  applications: "application",
  applicatie: "application",
  applicaties: "application",
  amp: "ampoule",
  ampoule: "ampoule",
  ampul: "ampoule",
  vial: "vial",
  flacon: "vial",
  syringe: "syringe",
  spuit: "syringe",
  wwsp: "syringe",
  tsp: "teaspoon",
  teaspoon: "teaspoon",
  theelepel: "teaspoon",
  tbsp: "tablespoon",
  tablespoon: "tablespoon",
  eetlepel: "tablespoon",
  second: "second",
  seconds: "second",
  sec: "second",
  minute: "minute",
  minutes: "minute",
  minuut: "minute",
  minuten: "minute",
  hour: "hour",
  hours: "hour",
  hr: "hour",
  hrs: "hour",
  uur: "hour",
  day: "day",
  days: "day",
  dag: "day",
  dagen: "day",
  week: "week",
  weeks: "week",
  weken: "week",
  month: "month",
  months: "month",
  maand: "month",
  maanden: "month",
  year: "year",
  years: "year",
  jaar: "year"
});
function own(table, key) {
  return Object.hasOwn(table, key) ? table[key] : void 0;
}
function knownUnit(raw) {
  if (typeof raw !== "string") return void 0;
  const trimmed2 = raw.trim();
  if (!trimmed2) return void 0;
  const bare = trimmed2.replace(/^\{(.*)\}$/, "$1").replace(/^\[(.*)\]$/, "$1").trim();
  return own(EXACT, trimmed2) ?? own(EXACT, bare) ?? own(LOWER, bare.toLowerCase());
}
var BAD_TOKEN = lookupTable({ U: "unit", IU: "iu", IE: "iu", cc: "mL", CC: "mL", "\xB5g": "mcg", "\u03BCg": "mcg", ug: "mcg" });
var COUNTED = /* @__PURE__ */ new Set([
  "tablet",
  "capsule",
  "piece",
  "dose",
  "sachet",
  "patch",
  "suppository",
  "drop",
  "puff",
  "spray",
  "application",
  "ampoule",
  "vial",
  "syringe"
]);
var plural = /* @__PURE__ */ new Map();
function pluralCategory(value, locale) {
  if (value === void 0) return "other";
  let rules = plural.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_TAG[locale]);
    plural.set(locale, rules);
  }
  return rules.select(value) === "one" ? "one" : "other";
}
function unitWord(name, value, locale) {
  const [one, other] = UNIT[name][locale];
  if (value !== void 0 && value > 0 && value < 1 && COUNTED.has(name)) return one;
  return pluralCategory(value, locale) === "one" ? one : other;
}
function cleanUnknown(raw, value, locale) {
  return raw.trim().replace(/\{([^}]*)\}/g, "$1").replace(/(?<![\p{L}\p{N}])(IU|IE|U|cc|CC|µg|μg|ug)(?![\p{L}\p{N}])/gu, (token) => unitWord(BAD_TOKEN[token], value, locale));
}
function formatUnit(raw, value, locale) {
  if (raw === void 0) return void 0;
  const text = raw.trim();
  if (!text || text === "1") return void 0;
  const whole = knownUnit(text);
  if (whole) return unitWord(whole, value, locale);
  if (text.includes("/")) {
    const parts = text.split("/");
    return parts.map((part, i) => {
      const name = knownUnit(part);
      if (name) return unitWord(name, i === 0 ? value : 1, locale);
      return cleanUnknown(part, i === 0 ? value : 1, locale);
    }).join("/");
  }
  return cleanUnknown(text, value, locale);
}
var UCUM = "http://unitsofmeasure.org";
var PQ_TRANSLATION = "http://hl7.org/fhir/StructureDefinition/iso21090-PQ-translation";
function rawUnit(q) {
  const code = typeof q.code === "string" ? q.code : void 0;
  const unit = typeof q.unit === "string" ? q.unit : void 0;
  if (code && (q.system === UCUM || q.system === void 0) && code !== "1" && knownUnit(code.split("/")[0])) return code;
  if (unit?.trim()) return unit;
  const translation = Array.isArray(q.extension) ? q.extension.find((e) => e?.url === PQ_TRANSLATION)?.valueQuantity : void 0;
  if (translation && typeof translation === "object") {
    const t2 = rawUnit(translation);
    if (t2) return t2;
  }
  if (code && q.system === UCUM) return code;
  return void 0;
}
function quantityUnit(q, locale, forValue) {
  if (!q || typeof q !== "object") return void 0;
  const value = forValue ?? (typeof q.value === "number" ? q.value : void 0);
  return formatUnit(rawUnit(q), value, locale);
}
function numberWithUnit(number, unit) {
  return unit ? `${number}\xA0${unit}` : number;
}
function formatQuantity(q, locale) {
  if (!q || typeof q !== "object") return void 0;
  const number = formatNumber(q.value, locale);
  if (number === void 0) return void 0;
  const comparator = typeof q.comparator === "string" && ["<", "<=", ">=", ">"].includes(q.comparator) ? `${q.comparator}\xA0` : "";
  return comparator + numberWithUnit(number, quantityUnit(q, locale));
}
function formatRange(range, locale) {
  if (!range || typeof range !== "object") return void 0;
  const lowNumber = formatNumber(range.low?.value, locale);
  const highNumber = formatNumber(range.high?.value, locale);
  if (lowNumber !== void 0 && highNumber !== void 0) {
    const lowUnit = quantityUnit(range.low, locale, range.high?.value);
    const highUnit = quantityUnit(range.high, locale);
    if (lowUnit === highUnit || lowUnit === void 0) return numberWithUnit(`${lowNumber}\u2013${highNumber}`, highUnit);
    return `${formatQuantity(range.low, locale)} \u2013 ${formatQuantity(range.high, locale)}`;
  }
  if (lowNumber !== void 0) return `${locale === "nl" ? "minimaal" : "at least"} ${formatQuantity(range.low, locale)}`;
  if (highNumber !== void 0) return `${locale === "nl" ? "maximaal" : "up to"} ${formatQuantity(range.high, locale)}`;
  return void 0;
}
function formatRatio(ratio, locale) {
  if (!ratio || typeof ratio !== "object") return void 0;
  const numerator = formatQuantity(ratio.numerator, locale);
  if (numerator === void 0) return void 0;
  const d = ratio.denominator;
  if (!d || typeof d !== "object") return numerator;
  const dValue = typeof d.value === "number" && Number.isFinite(d.value) ? d.value : void 0;
  const dRaw = rawUnit(d);
  const dName = dRaw === void 0 ? void 0 : knownUnit(dRaw);
  if ((dValue === void 0 || dValue === 1) && (dRaw === void 0 || dName !== void 0 && COUNTED.has(dName))) return numerator;
  if (dValue === void 0 || dValue === 1) {
    const unit = quantityUnit(d, locale, 1);
    return unit ? `${numerator}/${unit}` : numerator;
  }
  return `${numerator}/${formatQuantity(d, locale) ?? ""}`;
}
var TIME_UNIT = lookupTable({ s: "second", min: "minute", h: "hour", d: "day", wk: "week", mo: "month", a: "year" });
function formatDuration(value, unit, locale) {
  const number = formatNumber(value, locale);
  if (number === void 0) return void 0;
  const name = typeof unit !== "string" ? void 0 : own(TIME_UNIT, unit) ?? knownUnit(unit);
  if (name) return numberWithUnit(number, unitWord(name, value, locale));
  return numberWithUnit(number, unit === void 0 ? void 0 : formatUnit(unit, value, locale));
}

// src/model/dosage.ts
var WHEN_SIMPLE = lookupTable({
  MORN: { en: "in the morning", nl: "\u2019s ochtends" },
  "MORN.early": { en: "early in the morning", nl: "vroeg in de ochtend" },
  "MORN.late": { en: "late in the morning", nl: "laat in de ochtend" },
  NOON: { en: "at noon", nl: "rond het middaguur" },
  AFT: { en: "in the afternoon", nl: "\u2019s middags" },
  "AFT.early": { en: "early in the afternoon", nl: "vroeg in de middag" },
  "AFT.late": { en: "late in the afternoon", nl: "laat in de middag" },
  EVE: { en: "in the evening", nl: "\u2019s avonds" },
  "EVE.early": { en: "early in the evening", nl: "vroeg in de avond" },
  "EVE.late": { en: "late in the evening", nl: "laat in de avond" },
  NIGHT: { en: "at night", nl: "\u2019s nachts" },
  PHS: { en: "after sleep", nl: "na het slapen" },
  HS: { en: "at bedtime", nl: "voor het slapengaan" },
  WAKE: { en: "on waking", nl: "na het opstaan" }
});
var MEAL = lookupTable({
  "": { en: "a meal", nl: "de maaltijd" },
  M: { en: "breakfast", nl: "het ontbijt" },
  D: { en: "lunch", nl: "de lunch" },
  V: { en: "dinner", nl: "het avondeten" }
});
var MEAL_RELATION = {
  AC: { en: "before", nl: "voor" },
  PC: { en: "after", nl: "na" },
  C: { en: "with", nl: "bij" }
};
function whenText(code, offset, locale) {
  const simple = WHEN_SIMPLE[code];
  if (simple) return simple[locale];
  const meal = /^(AC|PC|C)([MDV]?)$/.exec(code);
  if (meal) {
    const relation = meal[1];
    const phrase = `${MEAL_RELATION[relation][locale]} ${MEAL[meal[2]][locale]}`;
    const minutes = relation === "C" ? void 0 : formatDuration(offset, "min", locale);
    return minutes && offset !== 0 ? `${minutes} ${phrase}` : phrase;
  }
  return code;
}
var DAY = lookupTable({
  mon: { en: "Monday", nl: "maandag" },
  tue: { en: "Tuesday", nl: "dinsdag" },
  wed: { en: "Wednesday", nl: "woensdag" },
  thu: { en: "Thursday", nl: "donderdag" },
  fri: { en: "Friday", nl: "vrijdag" },
  sat: { en: "Saturday", nl: "zaterdag" },
  sun: { en: "Sunday", nl: "zondag" }
});
var num = (value) => typeof value === "number" && Number.isFinite(value) ? value : void 0;
function numberSpan(low, high, locale) {
  const lowText = formatNumber(low, locale) ?? "";
  const highText = high !== void 0 && high > low ? formatNumber(high, locale) : void 0;
  return highText ? `${lowText}\u2013${highText}` : lowText;
}
var ADVERB = lookupTable({
  d: { en: "daily", nl: "per dag" },
  wk: { en: "weekly", nl: "per week" },
  mo: { en: "monthly", nl: "per maand" },
  a: { en: "yearly", nl: "per jaar" }
});
function frequencyText(repeat, locale) {
  const frequency = num(repeat.frequency);
  const frequencyMax = num(repeat.frequencyMax);
  const period = num(repeat.period);
  const periodMax = num(repeat.periodMax);
  const unit = trimmed(repeat.periodUnit);
  const unitName = unit === void 0 ? void 0 : TIME_UNIT[unit];
  if (period === void 0 || unit === void 0 || unitName === void 0) {
    if (frequency === void 0) return void 0;
    const times3 = numberSpan(frequency, frequencyMax, locale);
    return locale === "nl" ? `${times3} keer` : frequency === 1 && frequencyMax === void 0 ? "once" : `${times3} times`;
  }
  const f = frequency ?? 1;
  const single = f === 1 && (frequencyMax === void 0 || frequencyMax <= 1);
  const times2 = numberSpan(f, frequencyMax, locale);
  const every = locale === "nl" ? "elke" : "every";
  if (period === 1 && periodMax === void 0) {
    const adverb = ADVERB[unit];
    if (adverb) {
      if (locale === "nl") return `${times2} keer ${adverb.nl}`;
      return single ? `once ${adverb.en}` : `${times2} times ${adverb.en}`;
    }
    const one = unitWord(unitName, 1, locale);
    if (single) return locale === "nl" ? `${unit === "h" ? "elk" : "elke"} ${one}` : `every ${one}`;
    return locale === "nl" ? `${times2} keer per ${one}` : `${times2} times per ${one}`;
  }
  if (single && period === 2 && periodMax === void 0 && unit === "d") return locale === "nl" ? "om de dag" : "every other day";
  const span = numberSpan(period, periodMax, locale);
  const units = unitWord(unitName, periodMax ?? period, locale);
  const periodText = `${span}\xA0${units}`;
  if (single) return `${every} ${periodText}`;
  return locale === "nl" ? `${times2} keer per ${periodText}` : `${times2} times every ${periodText}`;
}
function codeAsRepeat(code) {
  const value = list(code?.coding).find((c) => typeof c?.code === "string")?.code?.toUpperCase();
  if (!value) return void 0;
  const fixed = {
    QD: { frequency: 1, period: 1, periodUnit: "d" },
    BID: { frequency: 2, period: 1, periodUnit: "d" },
    TID: { frequency: 3, period: 1, periodUnit: "d" },
    QID: { frequency: 4, period: 1, periodUnit: "d" },
    QOD: { frequency: 1, period: 2, periodUnit: "d" },
    AM: { when: ["MORN"] },
    PM: { when: ["AFT"] },
    BED: { when: ["HS"] },
    WK: { frequency: 1, period: 1, periodUnit: "wk" },
    MO: { frequency: 1, period: 1, periodUnit: "mo" }
  };
  if (fixed[value]) return fixed[value];
  const hours = /^Q(\d+)H$/.exec(value);
  if (hours) return { frequency: 1, period: Number(hours[1]), periodUnit: "h" };
  return void 0;
}
function timeText(value) {
  if (typeof value !== "string") return void 0;
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.trim());
  if (!m) return void 0;
  return m[3] && m[3] !== "00" ? `${m[1]}:${m[2]}:${m[3]}` : `${m[1]}:${m[2]}`;
}
function timingText(timing, locale) {
  if (!timing || typeof timing !== "object") return void 0;
  const repeat = timing.repeat && typeof timing.repeat === "object" ? timing.repeat : codeAsRepeat(timing.code);
  const parts = [];
  if (repeat) {
    const frequency = frequencyText(repeat, locale);
    if (frequency) parts.push(frequency);
    const when = Array.isArray(repeat.when) ? repeat.when.filter((w) => typeof w === "string" && w.trim() !== "") : [];
    if (when.length) parts.push(joinList(when.map((w) => whenText(w.trim(), num(repeat.offset), locale)), locale));
    const days = Array.isArray(repeat.dayOfWeek) ? repeat.dayOfWeek.filter((d) => typeof d === "string" && DAY[d]) : [];
    if (days.length) parts.push(`${locale === "nl" ? "op" : "on"} ${joinList(days.map((d) => DAY[d][locale]), locale)}`);
    const times2 = Array.isArray(repeat.timeOfDay) ? repeat.timeOfDay.map(timeText).filter((t2) => t2 !== void 0) : [];
    if (times2.length) parts.push(`${locale === "nl" ? "om" : "at"} ${joinList(times2, locale)}`);
  } else {
    const coded = trimmed(timing.code?.text) ?? trimmed(list(timing.code?.coding).find((c) => trimmed(c?.display))?.display);
    if (coded) parts.push(coded);
  }
  const events = Array.isArray(timing.event) ? timing.event.map((e) => formatDate(e, locale)).filter((e) => e !== void 0) : [];
  if (events.length) parts.push(`${locale === "nl" ? "op" : "on"} ${joinList(events, locale)}`);
  return parts.length ? parts.join(" ") : void 0;
}
function repeatLimits(repeat, locale, withBoundsPeriod) {
  if (!repeat || typeof repeat !== "object") return [];
  const parts = [];
  const duration = formatDuration(num(repeat.duration), trimmed(repeat.durationUnit), locale);
  if (duration) parts.push(`${locale === "nl" ? "in" : "over"} ${duration}`);
  const bounds = repeat.boundsDuration;
  const boundsText = bounds && typeof bounds === "object" ? durationQuantity(bounds, locale) : void 0;
  const range = repeat.boundsRange;
  const rangeText = range && typeof range === "object" ? formatRange(timeRange(range), locale) : void 0;
  if (boundsText ?? rangeText) parts.push(`${locale === "nl" ? "gedurende" : "for"} ${boundsText ?? rangeText}`);
  if (withBoundsPeriod && repeat.boundsPeriod) {
    const period = formatPeriod(repeat.boundsPeriod.start, repeat.boundsPeriod.end, locale);
    if (period) parts.push(period);
  }
  const count = num(repeat.count);
  if (count !== void 0) {
    const countMax = num(repeat.countMax);
    if (count === 1 && countMax === void 0) parts.push(locale === "nl" ? "eenmalig" : "once only");
    else parts.push(locale === "nl" ? `${numberSpan(count, countMax, locale)} keer in totaal` : `${numberSpan(count, countMax, locale)} times in total`);
  }
  return parts;
}
function durationQuantity(q, locale) {
  const code = trimmed(q.code) ?? trimmed(q.unit);
  if (code && (TIME_UNIT[code] || knownUnit(code))) return formatDuration(num(q.value), code, locale);
  return formatQuantity(q, locale);
}
function timeRange(range) {
  const words2 = (q) => {
    if (!q || typeof q !== "object") return void 0;
    const code = trimmed(q.code) ?? trimmed(q.unit);
    return code && TIME_UNIT[code] ? { ...q, code: void 0, system: void 0, unit: TIME_UNIT[code] } : q;
  };
  return { low: words2(range.low), high: words2(range.high) };
}
function formatPeriod(start, end, locale) {
  const from = formatDate(start, locale)?.replace(/ /g, "\xA0");
  const to = formatDate(end, locale)?.replace(/ /g, "\xA0");
  if (from && to) return locale === "nl" ? `${from} tot en met ${to}` : `${from} to ${to}`;
  if (from) return locale === "nl" ? `vanaf ${from}` : `from ${from}`;
  if (to) return locale === "nl" ? `tot en met ${to}` : `until ${to}`;
  return void 0;
}
function perText(denominator, locale) {
  if (!denominator || typeof denominator !== "object") return void 0;
  const value = num(denominator.value) ?? 1;
  const code = trimmed(denominator.code) ?? trimmed(denominator.unit);
  const time = code === void 0 ? void 0 : TIME_UNIT[code] ?? knownUnit(code);
  let text;
  if (time && value === 1) text = unitWord(time, 1, locale);
  else if (time) text = formatDuration(value, code, locale);
  else if (value === 1) text = quantityUnit(denominator, locale, 1);
  else text = formatQuantity(denominator, locale);
  return text ? `per ${text}` : void 0;
}
function maxDoseText(ratio, locale) {
  if (!ratio || typeof ratio !== "object") return void 0;
  const amount = formatQuantity(ratio.numerator, locale);
  if (!amount) return void 0;
  const per = perText(ratio.denominator, locale);
  return `${locale === "nl" ? "maximaal" : "max"} ${amount}${per ? ` ${per}` : ""}`;
}
function doseAndRateText(entries, locale) {
  if (!Array.isArray(entries)) return {};
  const valid = entries.filter((e) => !!e && typeof e === "object");
  const ordered = valid.find((e) => list(e.type?.coding).some((c) => c?.code === "ordered")) ?? valid[0];
  if (!ordered) return {};
  const dose = formatQuantity(ordered.doseQuantity, locale) ?? formatRange(ordered.doseRange, locale);
  let rate = formatQuantity(ordered.rateQuantity, locale) ?? formatRange(ordered.rateRange, locale);
  if (!rate && ordered.rateRatio && typeof ordered.rateRatio === "object") {
    const numerator = formatQuantity(ordered.rateRatio.numerator, locale);
    const per = perText(ordered.rateRatio.denominator, locale);
    rate = numerator ? `${numerator}${per ? ` ${per}` : ""}` : formatRatio(ordered.rateRatio, locale);
  }
  return { dose, rate: rate ? `${locale === "nl" ? "met een snelheid van" : "at a rate of"} ${rate}` : void 0 };
}
var ROUTE = lookupTable({
  "26643006": { en: "by mouth", nl: "oraal" },
  "47625008": { en: "intravenously", nl: "intraveneus" },
  "78421000": { en: "intramuscularly", nl: "intramusculair" },
  "34206005": { en: "subcutaneously", nl: "subcutaan" },
  "37161004": { en: "rectally", nl: "rectaal" },
  "6064005": { en: "on the skin", nl: "cutaan" },
  "46713006": { en: "in the nose", nl: "nasaal" },
  "54485002": { en: "in the eye", nl: "in het oog" },
  "10547007": { en: "in the ear", nl: "in het oor" },
  "37839007": { en: "under the tongue", nl: "sublinguaal" },
  "45890007": { en: "through the skin", nl: "transdermaal" },
  "16857009": { en: "vaginally", nl: "vaginaal" },
  "447694001": { en: "by inhalation", nl: "inhalatie" }
});
var ROUTE_ABBREVIATION = lookupTable({
  SC: { en: "subcutaneously", nl: "subcutaan" },
  SQ: { en: "subcutaneously", nl: "subcutaan" },
  "SUB Q": { en: "subcutaneously", nl: "subcutaan" },
  IN: { en: "intranasally", nl: "intranasaal" },
  IJ: { en: "by injection", nl: "als injectie" }
});
function routeText(route, locale) {
  if (!route || typeof route !== "object") return void 0;
  const codings2 = Array.isArray(route.coding) ? route.coding : [];
  const snomed = codings2.find((c) => c?.system === "http://snomed.info/sct" && typeof c.code === "string" && ROUTE[c.code]);
  if (snomed?.code) return ROUTE[snomed.code][locale];
  const text = trimmed(route.text) ?? trimmed(codings2.find((c) => trimmed(c?.display))?.display);
  if (!text) return void 0;
  return ROUTE_ABBREVIATION[text.toUpperCase()]?.[locale] ?? text;
}
function conceptText(concept) {
  if (!concept || typeof concept !== "object") return void 0;
  return trimmed(concept.text) ?? trimmed(Array.isArray(concept.coding) ? concept.coding.find((c) => trimmed(c?.display))?.display : void 0);
}
function inSentence(text) {
  return lowerFirst(text);
}
function asNeededText(dosage, locale) {
  const reason = conceptText(dosage.asNeededCodeableConcept);
  if (reason) {
    const words2 = inSentence(reason).replace(/^(?:bij|for)\s+/i, "");
    return locale === "nl" ? `zo nodig bij ${words2}` : `as needed for ${words2}`;
  }
  if (dosage.asNeededBoolean === true || dosage.asNeededCodeableConcept) return locale === "nl" ? "zo nodig" : "as needed";
  return void 0;
}
var AS_AGREED = /\/ext-AsAgreedIndicator$/;
function asAgreed(extensions) {
  return Array.isArray(extensions) && extensions.some((e) => typeof e?.url === "string" && AS_AGREED.test(e.url) && e.valueBoolean === true);
}
function dosageLine(dosage, locale, options = {}) {
  if (!dosage || typeof dosage !== "object") return void 0;
  const { dose, rate } = doseAndRateText(dosage.doseAndRate, locale);
  const timing = timingText(dosage.timing, locale);
  const asNeeded = asNeededText(dosage, locale);
  const head = [dose, timing].filter((p) => !!p).join(" ");
  const rest = [
    rate,
    routeText(dosage.route, locale),
    ...repeatLimits(dosage.timing?.repeat, locale, options.withBoundsPeriod ?? false),
    asNeeded,
    maxDoseText(dosage.maxDosePerPeriod, locale),
    dosage.maxDosePerAdministration ? maxPer(dosage.maxDosePerAdministration, locale, "administration") : void 0,
    dosage.maxDosePerLifetime ? maxPer(dosage.maxDosePerLifetime, locale, "lifetime") : void 0,
    asAgreed(dosage.extension) ? locale === "nl" ? "volgens afspraak" : "as agreed" : void 0,
    ...Array.isArray(dosage.additionalInstruction) ? dosage.additionalInstruction.map((c) => conceptText(c)).map((t2) => t2 && inSentence(t2)) : []
  ].filter((p) => !!p);
  const meaningful = !!(dose || rate || timing || asNeeded);
  const text = trimmed(dosage.text);
  if (!meaningful && text) return text;
  const parts = [head, ...rest].filter((p) => p !== "");
  if (!parts.length) return text;
  return capitalize(parts.join(", "));
}
function maxPer(q, locale, per) {
  const amount = formatQuantity(q, locale);
  if (!amount) return void 0;
  if (locale === "nl") return `maximaal ${amount} ${per === "administration" ? "per keer" : "in totaal"}`;
  return `max ${amount} ${per === "administration" ? "per dose" : "in total"}`;
}
function capitalize(text) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
function dosageText(dosages, locale, options = {}) {
  const list2 = Array.isArray(dosages) ? dosages.filter((d) => !!d && typeof d === "object") : [];
  const ordered = list2.map((dosage, index) => ({ dosage, index, sequence: num(dosage.sequence) ?? Number.POSITIVE_INFINITY })).sort((a, b) => a.sequence - b.sequence || a.index - b.index);
  const sequences = new Set(ordered.map((o) => o.sequence));
  const withBoundsPeriod = ordered.length > 1;
  const lines = [];
  let previous;
  for (const { dosage, sequence } of ordered) {
    const line = dosageLine(dosage, locale, { withBoundsPeriod })?.trim();
    if (!line) continue;
    const then = previous !== void 0 && sequence !== previous && sequences.size > 1;
    lines.push(then ? `${locale === "nl" ? "Daarna" : "Then"} ${lowerFirst(line)}` : line);
    previous = sequence;
  }
  const rendered = typeof options.rendered === "string" ? options.rendered.trim() : "";
  if (!lines.length && rendered) return [rendered];
  return lines;
}
function lowerFirst(text) {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLocaleLowerCase() + text.slice(1) : text;
}

// src/model/medication.ts
var KIND_ORDER = ["agreement", "dispense-request", "use", "request", "statement"];
var KIND_LABEL = {
  agreement: { en: "Medication agreement", nl: "Medicatieafspraak" },
  "dispense-request": { en: "Dispense request", nl: "Verstrekkingsverzoek" },
  use: { en: "Medication use", nl: "Medicatiegebruik" },
  request: { en: "Medication request", nl: "Medicatieverzoek" },
  statement: { en: "Medication statement", nl: "Medicatieverklaring" }
};
var STATUS_ORDER = [
  "active",
  "on-hold",
  "intended",
  "ended",
  "stopped",
  "completed",
  "cancelled",
  "draft",
  "not-taken",
  "unknown",
  "entered-in-error"
];
var STATUS_LABEL = {
  active: { en: "Active", nl: "Actief" },
  "on-hold": { en: "On hold", nl: "Onderbroken" },
  intended: { en: "Intended", nl: "Gepland" },
  ended: { en: "Period ended", nl: "Periode verstreken" },
  stopped: { en: "Stopped", nl: "Gestopt" },
  completed: { en: "Completed", nl: "Afgerond" },
  cancelled: { en: "Cancelled", nl: "Geannuleerd" },
  draft: { en: "Draft", nl: "Concept" },
  "not-taken": { en: "Not taken", nl: "Niet ingenomen" },
  unknown: { en: "Status not known", nl: "Status onbekend" },
  "entered-in-error": { en: "Entered in error", nl: "Foutief ingevoerd" }
};
var NO_NAME = { en: "Medication name not known", nl: "Naam geneesmiddel onbekend" };
var CATEGORY = lookupTable({
  "33633005": "agreement",
  "52711000146108": "dispense-request",
  "422979000": "use"
});
var codings = (concept) => concept && typeof concept === "object" && Array.isArray(concept.coding) ? concept.coding.filter((c) => !!c && typeof c === "object") : [];
function medicationKind(resource) {
  const isRequest = resource.resourceType === "MedicationRequest";
  const categories = isRequest ? Array.isArray(resource.category) ? resource.category : [] : [resource.category];
  for (const category of categories) {
    for (const coding of codings(category)) {
      const kind = typeof coding.code === "string" ? CATEGORY[coding.code] : void 0;
      if (kind && kind === "use" !== isRequest) return kind;
    }
  }
  const profiles = Array.isArray(resource.meta?.profile) ? resource.meta.profile.filter((p) => typeof p === "string") : [];
  if (isRequest && profiles.some((p) => /MedicationAgreement/i.test(p))) return "agreement";
  if (isRequest && profiles.some((p) => /DispenseRequest/i.test(p))) return "dispense-request";
  if (!isRequest && profiles.some((p) => /MedicationUse/i.test(p))) return "use";
  return isRequest ? "request" : "statement";
}
var G_STANDAARD = {
  hpk: "urn:oid:2.16.840.1.113883.2.4.4.7",
  prk: "urn:oid:2.16.840.1.113883.2.4.4.10",
  gpk: "urn:oid:2.16.840.1.113883.2.4.4.1"
};
var PREFERRED_SYSTEMS = [G_STANDAARD.hpk, G_STANDAARD.prk, G_STANDAARD.gpk];
var NOT_A_PRODUCT = /whocc\.no\/atc|2\.16\.840\.1\.113883\.6\.73$/i;
function preferredCoding(concept) {
  const usable = codings(concept).filter((c) => trimmed(c.system) && trimmed(c.code) && !NOT_A_PRODUCT.test(c.system ?? ""));
  for (const system of PREFERRED_SYSTEMS) {
    const found = usable.find((c) => c.system === system);
    if (found) return found;
  }
  return usable[0];
}
function recordConcept(record) {
  return record.concept ?? recordMedication(record)?.code ?? record.resource.medicationCodeableConcept;
}
function recordMedication(record) {
  if (record.medication) return record.medication;
  const ref = trimmed(record.resource.medicationReference?.reference);
  if (!ref?.startsWith("#")) return void 0;
  return containedById(record.resource, ref.slice(1), "Medication");
}
function containedById(resource, id, ...types) {
  const contained = Array.isArray(resource.contained) ? resource.contained : [];
  return contained.find((r) => r && typeof r === "object" && r.id === id && types.includes(r.resourceType));
}
function medicationName(record) {
  const concept = recordConcept(record);
  const text = trimmed(concept?.text);
  if (text) return text;
  const preferred = preferredCoding(concept);
  return trimmed(preferred?.display) ?? trimmed(codings(concept).find((c) => trimmed(c.display))?.display) ?? trimmed(record.resource.medicationReference?.display);
}
function medicationStrength(medication, locale) {
  if (!medication || !Array.isArray(medication.ingredient)) return void 0;
  const parts = medication.ingredient.filter((i) => i && typeof i === "object" && i.isActive !== false).map((i) => formatRatio(i.strength, locale)).filter((s) => s !== void 0);
  return parts.length ? parts.join(" + ") : void 0;
}
function dosagesOf(resource) {
  const list2 = resource.resourceType === "MedicationRequest" ? resource.dosageInstruction : resource.dosage;
  return Array.isArray(list2) ? list2.filter((d) => !!d && typeof d === "object") : [];
}
var extensionsOf = (resource) => Array.isArray(resource.extension) ? resource.extension.filter((e) => !!e && typeof e === "object") : [];
function extensionValue(resource, suffix, read) {
  for (const e of extensionsOf(resource)) {
    if (typeof e.url === "string" && e.url.endsWith(suffix)) {
      const value = read(e);
      if (value !== void 0) return value;
    }
  }
  return void 0;
}
function renderedText(resource) {
  return extensionValue(resource, "/ext-RenderedDosageInstruction", (e) => trimmed(e.valueString) ?? trimmed(e.valueMarkdown));
}
function endAfter(start, duration) {
  const date = parseFhirDate(start);
  if (!date || !isFullDate(date) || !duration || typeof duration.value !== "number" || !Number.isFinite(duration.value) || duration.value <= 0) return void 0;
  const unit = trimmed(duration.code) ?? trimmed(duration.unit);
  const value = duration.value;
  const utc = /* @__PURE__ */ new Date(0);
  const base = dayNumber(date);
  if (unit === "d" || unit === "day" || unit === "days") utc.setTime((base + Math.ceil(value) - 1) * 864e5);
  else if (unit === "wk" || unit === "week" || unit === "weeks") utc.setTime((base + Math.ceil(value * 7) - 1) * 864e5);
  else if ((unit === "mo" || unit === "a") && Number.isInteger(value)) {
    const months = unit === "mo" ? value : value * 12;
    const target = date.month - 1 + months;
    const year = date.year + Math.floor(target / 12);
    const month = target % 12 + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    utc.setUTCFullYear(year, month - 1, Math.min(date.day, lastDay));
    utc.setTime(utc.getTime() - 864e5);
  } else return void 0;
  if (Number.isNaN(utc.getTime()) || utc.getUTCFullYear() > 9999) return void 0;
  const y = String(utc.getUTCFullYear()).padStart(4, "0");
  return `${y}-${String(utc.getUTCMonth() + 1).padStart(2, "0")}-${String(utc.getUTCDate()).padStart(2, "0")}`;
}
function periodOfUse(resource) {
  const valid = (p) => {
    if (!p || typeof p !== "object") return void 0;
    const start = parseFhirDate(p.start) ? trimmed(p.start) : void 0;
    const end = parseFhirDate(p.end) ? trimmed(p.end) : void 0;
    return start || end ? { start, end } : void 0;
  };
  const withDuration = (period, duration) => period.end || !duration ? period : { ...period, end: endAfter(period.start, duration) };
  const extDuration = extensionValue(resource, "/ext-TimeInterval.Duration", (e) => e.valueDuration && typeof e.valueDuration === "object" ? e.valueDuration : void 0);
  const extPeriod = extensionValue(resource, "/ext-TimeInterval.Period", (e) => valid(e.valuePeriod));
  if (extPeriod) return withDuration(extPeriod, extDuration);
  if (resource.resourceType === "MedicationStatement") {
    const statement = resource;
    const effective = valid(statement.effectivePeriod);
    if (effective) return withDuration(effective, extDuration);
    if (parseFhirDate(statement.effectiveDateTime)) return withDuration({ start: trimmed(statement.effectiveDateTime) }, extDuration);
  }
  const bounds = dosagesOf(resource).map((d) => d.timing?.repeat).filter((r) => r && typeof r === "object");
  const periods = bounds.map((r) => valid(r?.boundsPeriod)).filter((p) => p !== void 0);
  if (periods.length) {
    const byDate = (a, b) => compareDates(a, b);
    const starts = periods.map((p) => p.start).filter((s) => !!s).sort(byDate);
    const ends = periods.map((p) => p.end);
    const start = starts[0];
    const end = ends.every((e) => e) ? ends.sort(byDate)[ends.length - 1] : void 0;
    const single = bounds.length === 1 ? bounds[0]?.boundsDuration : void 0;
    return withDuration({ start, end }, extDuration ?? single);
  }
  if (resource.resourceType === "MedicationRequest") {
    const validity = valid(resource.dispenseRequest?.validityPeriod);
    if (validity) return withDuration(validity, extDuration);
  }
  return {};
}
function compareDates(a, b) {
  const da = a === void 0 ? void 0 : parseFhirDate(a);
  const db = b === void 0 ? void 0 : parseFhirDate(b);
  if (!da && !db) return 0;
  if (!da) return 1;
  if (!db) return -1;
  return compareCalendarDates(dateRange(da).first, dateRange(db).first);
}
function periodEnded(end, today) {
  const date = parseFhirDate(end);
  if (!date) return false;
  return compareCalendarDates(dateRange(date).last, dateRange(today).first) < 0;
}
var CURRENT_STATUSES = /* @__PURE__ */ new Set(["active", "on-hold", "intended"]);
var HISTORY_STATUSES = /* @__PURE__ */ new Set(["stopped", "completed", "cancelled", "draft", "not-taken", "unknown"]);
function recordStatus(resource, today) {
  const raw = typeof resource.status === "string" ? resource.status : "unknown";
  if (raw === "entered-in-error") return { status: "entered-in-error", group: "error" };
  if (CURRENT_STATUSES.has(raw)) {
    if (periodEnded(periodOfUse(resource).end, today)) return { status: "ended", group: "history" };
    return { status: raw, group: "current" };
  }
  return { status: HISTORY_STATUSES.has(raw) ? raw : "unknown", group: "history" };
}
function practitionerName(resource) {
  if (!resource) return void 0;
  const names = Array.isArray(resource.name) ? resource.name : [];
  const name = names.find((n) => n && typeof n === "object");
  if (typeof resource.name === "string") return trimmed(resource.name);
  if (!name) return void 0;
  const text = trimmed(name.text);
  if (text) return text;
  const given = Array.isArray(name.given) ? name.given.filter((g) => typeof g === "string") : [];
  const prefix = Array.isArray(name.prefix) ? name.prefix.filter((g) => typeof g === "string") : [];
  return trimmed([...prefix, ...given, typeof name.family === "string" ? name.family : ""].join(" "));
}
function prescriberOf(resource) {
  if (resource.resourceType !== "MedicationRequest") return void 0;
  const requester = resource.requester;
  if (!requester || typeof requester !== "object") return void 0;
  const display = trimmed(requester.display);
  if (display) return display;
  const ref = trimmed(requester.reference);
  if (ref?.startsWith("#")) return practitionerName(containedById(resource, ref.slice(1), "Practitioner", "PractitionerRole", "Organization"));
  return void 0;
}
function writtenOn(resource) {
  return resource.resourceType === "MedicationRequest" ? trimmed(resource.authoredOn) : trimmed(resource.dateAsserted);
}
function searchable(text) {
  const base = NON_ASCII.test(text) ? text.normalize("NFD").replace(/\p{M}/gu, "") : text;
  return base.toLowerCase().replace(/\s+/g, " ");
}
var NON_ASCII = /[^\x00-\x7f]/;
function prepare(record, index, options) {
  const resource = record?.resource;
  if (!resource || typeof resource !== "object" || resource.resourceType !== "MedicationRequest" && resource.resourceType !== "MedicationStatement") {
    return void 0;
  }
  const { status, group } = recordStatus(resource, options.today);
  const coding = preferredCoding(recordConcept(record));
  return {
    record,
    index,
    kind: medicationKind(resource),
    status,
    group,
    code: coding ? `${coding.system}|${coding.code}` : void 0,
    lines: dosageText(dosagesOf(resource), options.locale, { rendered: renderedText(resource) }),
    period: periodOfUse(resource)
  };
}
function byPrimary(a, b) {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || -compareDates(writtenOn(a.record.resource), writtenOn(b.record.resource)) || a.index - b.index;
}
function kindText(kinds, locale) {
  const counts = /* @__PURE__ */ new Map();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return KIND_ORDER.filter((k) => counts.has(k)).map((k) => counts.get(k) > 1 ? `${KIND_LABEL[k][locale]} (${counts.get(k)})` : KIND_LABEL[k][locale]).join(", ");
}
function buildRow(key, members, options) {
  const { locale } = options;
  const sorted = [...members].sort(byPrimary);
  const primary = sorted[0];
  const resource = primary.record.resource;
  const name = sorted.map((m) => medicationName(m.record)).find((n) => n !== void 0) ?? NO_NAME[locale];
  const strength = sorted.map((m) => medicationStrength(recordMedication(m.record), locale)).find((s) => s !== void 0);
  const prescriber = sorted.map((m) => prescriberOf(m.record.resource)).find((p) => p !== void 0);
  const groups = [];
  for (const m of sorted) {
    if (!m.lines.length) continue;
    const same2 = groups.find((g) => g.lines.join("\n") === m.lines.join("\n"));
    if (same2) {
      same2.kinds.push(m.kind);
      same2.starts.push(m.period.start);
    } else groups.push({ kinds: [m.kind], starts: [m.period.start], lines: m.lines });
  }
  const labels = groups.map((g) => kindText(g.kinds, locale));
  const dosage = groups.map((g, i) => {
    const duplicate = labels.filter((l) => l === labels[i]).length > 1;
    const since = duplicate ? formatPeriod(g.starts[0], void 0, locale) : void 0;
    return { kinds: [...new Set(g.kinds)], label: since ? `${labels[i]} (${since})` : labels[i], lines: g.lines };
  });
  const statusRank = Math.min(...sorted.map((m) => STATUS_ORDER.indexOf(m.status)));
  const status = STATUS_ORDER[statusRank];
  const period = primary.period.start || primary.period.end ? primary.period : sorted.find((m) => m.period.start || m.period.end)?.period ?? {};
  const kinds = KIND_ORDER.filter((k) => sorted.some((m) => m.kind === k));
  const text = kindText(sorted.map((m) => m.kind), locale);
  const periodText = formatPeriod(period.start, period.end, locale) ?? "";
  const dosageTextLines = primary.lines.length ? primary.lines : groups[0]?.lines ?? [];
  const statusText = STATUS_LABEL[status][locale];
  return {
    key,
    name,
    strength,
    dosageText: dosageTextLines,
    dosage,
    dosageDiffers: dosage.length > 1,
    status,
    statusText,
    statusGroup: primary.group,
    kinds,
    kindText: text,
    sources: sorted.map((m) => m.record.resource),
    records: sorted.map((m) => m.record),
    resource,
    start: period.start,
    end: period.end,
    periodText,
    prescriber,
    code: primary.code,
    searchText: searchable([name, strength, ...dosage.flatMap((d) => d.lines), statusText, text, periodText, prescriber].filter(Boolean).join(" "))
  };
}
function medicationRows(records2, options) {
  const list2 = Array.isArray(records2) ? records2 : [];
  const prepared = list2.map((record, index) => prepare(record, index, options)).filter((p) => p !== void 0);
  const buckets = /* @__PURE__ */ new Map();
  const used = /* @__PURE__ */ new Set();
  const unique = (base) => {
    let key = base;
    for (let n = 2; used.has(key); n += 1) key = `${base}~${n}`;
    used.add(key);
    return key;
  };
  const order = [];
  for (const p of prepared) {
    const resource = p.record.resource;
    const recordKey = `${p.group === "current" ? "r" : p.group === "history" ? "h" : "e"}:${resource.resourceType}/${trimmed(resource.id) ?? `#${p.index}`}`;
    const key = p.group === "current" && p.code ? `c:${p.code}` : unique(recordKey);
    if (!buckets.has(key)) {
      buckets.set(key, []);
      order.push(key);
    }
    buckets.get(key).push(p);
  }
  return order.map((key) => buildRow(key, buckets.get(key), options));
}
var collators = /* @__PURE__ */ new Map();
function collator(locale) {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(INTL_TAG[locale], { numeric: true, sensitivity: "base" });
    collators.set(locale, c);
  }
  return c;
}
function sortRows(rows, sort, direction, locale) {
  const c = collator(locale);
  const sign = direction === "descending" ? -1 : 1;
  const distinct = [...new Set(rows.map((r) => r.name))].sort(c.compare);
  const rank = /* @__PURE__ */ new Map();
  distinct.forEach((name, i) => rank.set(name, i > 0 && c.compare(distinct[i - 1], name) === 0 ? rank.get(distinct[i - 1]) : i));
  const byName = (a, b) => rank.get(a.name) - rank.get(b.name);
  const byKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  const compare = (a, b) => {
    if (sort === "start") {
      if (!a.start !== !b.start) return a.start ? -1 : 1;
      return sign * compareDates(a.start, b.start) || byName(a, b);
    }
    if (sort === "status") return sign * (STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)) || byName(a, b);
    return sign * byName(a, b) || byKey(a, b);
  };
  return [...rows].sort(compare);
}

// .prof/rows.ts
var N = 1e3;
var reqs = JSON.parse(JSON.stringify(medicationRequests(N)));
var records = reqs.map((resource) => ({ resource, concept: resource.medicationCodeableConcept }));
var opts = { locale: "en", today: { year: 2026, month: 11, day: 22 } };
var t = performance.now();
var first = medicationRows(records, opts);
console.log("first (cold) ms", (performance.now() - t).toFixed(1));
t = performance.now();
sortRows(first, "name", "ascending", "en");
console.log("first sort (cold, incl collator) ms", (performance.now() - t).toFixed(1));
var times = [];
for (let i = 0; i < 20; i++) {
  t = performance.now();
  medicationRows(records, opts);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log("warm median ms", times[10].toFixed(1));
