// SSB's real figures that the project holds (tests/data/ssb), shaped as
// SSB's PxWebApi 2.0 answers them: JSON-stat 2.0 datasets with SSB's
// dimension ids, codes, `extension.px.tableid`, status symbols and labels.
//
// Used by scripts/bundle-ssb.mjs (the snapshots bundled in public/data/ssb)
// and by the end-to-end tests' stand-in for data.ssb.no
// (tests/e2e/ssb-mock.mjs). Figures the project does not hold are answered
// as SSB answers figures it has not got: null with status "..".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const csv = (path) => {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const keys = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
};

/** The figures of tests/data/ssb, keyed for lookup. */
export function figures(root) {
  const dir = join(root, 'tests', 'data', 'ssb');
  const pop = new Map(); // "code|year" -> inhabitants 0–17 on 1 January
  for (const r of csv(join(dir, 'population_0_17_1jan_2015-2026.csv'))) pop.set(`${r.kommunenr}|${r.aar}`, Number(r.pop_0_17));
  const hedmark = new Map(); // "code|variable" -> {value, status}; 2018 only
  const codeOf = (c) => (c === 'Hedmark i alt' || c === 'Hedmark' ? 'EKA04' : c === 'Heile landet' ? 'EAK' : c);
  for (const f of ['hedmark_2018_barn_med_tiltak.csv', 'hedmark_2018_aarsverk.csv']) {
    for (const r of csv(join(dir, f))) {
      hedmark.set(`${codeOf(r.region_code)}|${r.variable}`, r.value === '' ? { value: null, status: r.status || '..' } : { value: Number(r.value), status: r.status || null });
    }
  }
  const facts = new Map(); // "code|variable|year" -> {value, status}: KOSTRA key figures of Ringsaker and Nord-Odal
  for (const r of csv(join(dir, 'kommunefakta_barnevern_ringsaker_nord-odal.csv'))) {
    facts.set(`${r.region_code}|${r.variable}|${r.year}`, r.value === '' ? { value: null, status: r.status } : { value: Number(r.value), status: null });
  }
  const costs = new Map(); // "code|function|art|year" -> 1000 kr, SSB 12362
  const names = new Map(); // municipality number -> [name, first year, last year] as 12362 uses it
  // Every municipality's gross and net child welfare expenditure (FGK13),
  // under the number SSB used that year.
  for (const r of csv(join(dir, 'kostra_12362_barnevern_fgk13_2015-2025.csv'))) {
    costs.set(`${r.kommunenr}|FGK13|AGD10|${r.aar}`, Number(r.brutto_driftsutgifter_1000kr));
    costs.set(`${r.kommunenr}|FGK13|AGD2|${r.aar}`, Number(r.netto_driftsutgifter_1000kr));
    const [, from = r.aar, to = r.aar] = names.get(r.kommunenr) ?? [];
    names.set(r.kommunenr, [r.navn, from < r.aar ? from : r.aar, to > r.aar ? to : r.aar]);
  }
  // Nord-Aurdal's functions 244, 251 and 252 in 2024, as quoted. (The
  // quoted FGK13 figures are in the file above; those for 3403 before 2020
  // are the republisher's, carried back from 0403, not SSB's.)
  for (const r of csv(join(dir, 'kostra_12362_examples.csv'))) {
    if (r.function !== 'FGK13') costs.set(`${r.region_code}|${r.function}|${r.art}|${r.year}`, Number(r.value));
  }
  return { pop, hedmark, facts, costs, names };
}

/**
 * A JSON-stat 2.0 dataset. `dims`: [{id, label, cats: [[id, label, unit?]]}],
 * row-major with the last dimension fastest; `cell(ids)` gives {value, status}.
 */
export function dataset({ table, label, updated, note, link, dims, cell }) {
  const value = [];
  const status = {};
  const ids = dims.map(() => 0);
  const n = dims.reduce((a, d) => a * d.cats.length, 1);
  for (let i = 0; i < n; i++) {
    let k = i;
    for (let d = dims.length - 1; d >= 0; d--) {
      ids[d] = dims[d].cats[k % dims[d].cats.length][0];
      k = Math.floor(k / dims[d].cats.length);
    }
    const c = cell(ids) ?? { value: null, status: '..' };
    value.push(c.value);
    if (c.status) status[i] = c.status;
  }
  const dimension = {};
  for (const d of dims) {
    const category = {
      index: Object.fromEntries(d.cats.map(([id], i) => [id, i])),
      label: Object.fromEntries(d.cats.map(([id, l]) => [id, l])),
    };
    if (d.cats.some((c) => c[2])) category.unit = Object.fromEntries(d.cats.filter((c) => c[2]).map(([id, , u]) => [id, u]));
    dimension[d.id] = { label: d.label, category };
  }
  const out = {
    version: '2.0',
    class: 'dataset',
    label,
    source: 'Statistisk sentralbyrå',
    ...(updated ? { updated } : {}),
    ...(note ? { note } : {}),
    ...(link ? { link: { alternate: [{ type: 'text/html', href: link }] } } : {}),
    id: dims.map((d) => d.id),
    size: dims.map((d) => d.cats.length),
    dimension,
    value,
    status,
    role: { time: ['Tid'], metric: ['ContentsCode'], geo: [dims[0].id] },
    ...(table ? { extension: { px: { tableid: table, decimals: 0 } } } : {}),
  };
  return out;
}

/** The years 2015…`last`, as `Tid=*` answers them. */
const years = (last = 2024) => Array.from({ length: last - 2014 }, (_, i) => String(2015 + i));

/** The tables the project has figures for, by SSB's table id. */
export const TABLES = {
  '07459': {
    label: '07459: Befolkning, etter region, alder, statistikkvariabel og år',
    note: ['Personer 0–17 år 1. januar, summert fra SSBs ettårige aldersgrupper.'],
    dims: { Alder: [['H17', '0-17 år']], ContentsCode: [['Personer1', 'Personer', { base: 'personer', decimals: 0 }]] },
    cell: (f, [region, , , year]) => {
      const v = f.pop.get(`${region}|${year}`);
      return v === undefined ? { value: null, status: '.' } : { value: v, status: null };
    },
    region: 'Region',
    last: 2026,
  },
  12275: {
    label: '12275: Barn med tiltak i løpet av året og per 31. desember, etter region, alder, funksjon, statistikkvariabel og år',
    dims: {
      KOKalder0000: [['F000-017', '0-17 år']],
      KOKbvfunksjon0000: [['0', 'Tiltak i alt'], ['1', 'Tiltak når barnet ikke er plassert av barnevernet (251)'], ['2', 'Tiltak når barnet er plassert av barnevernet (252)']],
      ContentsCode: [['KOSbvbarntiltaka0000', 'Barn med barnevernstiltak i løpet av året', { base: 'barn', decimals: 0 }]],
    },
    cell: (f, [region, , fn, , year]) => (year === '2018' && fn === '0' ? f.hedmark.get(`${region}|barn_tiltak_aaret_i_alt`) : undefined),
  },
  12305: {
    label: '12305: Stillinger i barnevernstjenesten, etter region, statistikkvariabel og år',
    dims: { ContentsCode: [['KOSsumfunksjon240000', 'Årsverk i barnevernstjenesten', { base: 'årsverk', decimals: 1 }]] },
    cell: (f, [region, , year]) => (year === '2018' ? f.hedmark.get(`${region}|aarsverk_i_alt`) : undefined),
  },
  12362: {
    label: '12362: Utgifter til tjenesteområdene, kommunekonsern, etter region, funksjon, art og år',
    dims: {
      KOKfunksjon0000: [['FGK13', 'Barnevern'], ['244', 'Barneverntjeneste'], ['251', 'Barneverntiltak når barnet ikke er plassert av barnevernet'], ['252', 'Barneverntiltak når barnet er plassert av barnevernet']],
      KOKart0000: [['AGD2', 'Netto driftsutgifter på funksjon/tjenesteområde'], ['AGD10', 'Brutto driftsutgifter på funksjon/tjenesteområde']],
      ContentsCode: [['KOSbelop0000', 'Beløp (1000 kr)', { base: '1000 kr', decimals: 0 }]],
    },
    cell: (f, [region, fn, art, , year]) => {
      const v = f.costs.get(`${region}|${fn}|${art}|${year}`);
      if (v !== undefined) return { value: v, status: null };
      // A municipality number in a year it was not in use: «.», as SSB has it.
      const [, from, to] = f.names.get(region) ?? [];
      return from && (year < from || year > to) ? { value: null, status: '.' } : undefined;
    },
    last: 2025,
  },
  12286: {
    label: '12286: Barn med undersøkelse og prosentdelen barn med undersøkelse, etter region, statistikkvariabel og år',
    dims: {
      ContentsCode: [
        ['KOSbvbarnus0000', 'Barn med undersøkelse', { base: 'barn', decimals: 0 }],
        ['KOSbvbarnuspinnb0000', 'Prosentdelen barn med undersøkelse ift. innbyggere 0-17 år', { base: 'prosent', decimals: 1 }],
      ],
    },
    cell: (f, [region, cc, year]) => (cc === 'KOSbvbarnuspinnb0000' ? f.facts.get(`${region}|undersokelse_prosent_0_17|${year}`) : undefined),
  },
  12615: {
    label: '12615: Barn med melding og prosentdelen barn med melding i barnevernet, etter region, statistikkvariabel og år',
    dims: {
      ContentsCode: [
        ['KOSbvbarnmelding0000', 'Barn med melding', { base: 'barn', decimals: 0 }],
        ['KOSbvbarnmelding0001', 'Barn med melding ift. innbyggere 0-17 år', { base: 'prosent', decimals: 1 }],
      ],
    },
    cell: (f, [region, cc, year]) => (cc === 'KOSbvbarnmelding0001' ? f.facts.get(`${region}|melding_prosent_0_17|${year}`) : undefined),
  },
};

/** SSB's labels of the dimensions. */
const DIM_LABELS = {
  Alder: 'alder', KOKalder0000: 'alder', KOKbvfunksjon0000: 'funksjon', KOKfunksjon0000: 'funksjon',
  KOKart0000: 'art', ContentsCode: 'statistikkvariabel',
};

/** SSB's problem JSON, as PxWebApi 2.0 sends it. */
export const problem = (status, title) => ({ type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title, status });

/**
 * What SSB would answer to a PxWebApi 2.0 data URL, made from the figures
 * the project holds: {status, body}. The codes asked for are the codes
 * answered; a code the table does not have is a 400 «Non-existent value».
 */
export function answer(url, f) {
  const u = new URL(url);
  const m = u.pathname.match(/\/tables\/([^/]+)\/data$/);
  const t = m && TABLES[m[1]];
  if (!t) return { status: 400, body: problem(404, 'Non-existent table') };
  const asked = (dim) => (u.searchParams.get(`valueCodes[${dim}]`) ?? '').split(',').filter(Boolean);
  const regionDim = t.region ?? 'KOKkommuneregion0000';
  const regions = asked(regionDim);
  const dims = [{ id: regionDim, label: 'region', cats: regions.map((c) => [c, c]) }];
  for (const [id, cats] of Object.entries(t.dims)) {
    const want = asked(id);
    const chosen = want.length ? want.map((c) => cats.find((x) => x[0] === c)) : cats;
    if (chosen.some((c) => !c)) return { status: 400, body: problem(400, 'Non-existent value') };
    dims.push({ id, label: DIM_LABELS[id] ?? id, cats: chosen });
  }
  const tid = asked('Tid');
  dims.push({ id: 'Tid', label: 'år', cats: (tid.includes('*') || !tid.length ? years(t.last) : tid).map((y) => [y, y]) });
  return {
    status: 200,
    body: dataset({ table: m[1], label: t.label, note: t.note, updated: '2024-06-14T06:00:00Z', dims, cell: (ids) => t.cell(f, ids) }),
  };
}
