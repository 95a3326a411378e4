// Writes the real SSB figures bundled with Innsyn (public/data/ssb/) from
// the project's copies of SSB's published figures (tests/data/ssb), in the
// shape SSB's PxWebApi 2.0 answers: an offline start shows real figures.
// They are not fetched snapshots (no machine here reaches SSB): each file's
// note says what it was made from. `innsyn fetch` replaces them with
// fetched ones where it can. Run: node scripts/bundle-ssb.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answer, dataset, figures } from './ssb-shape.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'public', 'data', 'ssb');
const f = figures(ROOT);

/** Every file this script writes, by name. */
export function bundled() {
  const codes = [...new Set([...f.pop.keys()].map((k) => k.split('|')[0]))];
  const pop = answer(
    `https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?valueCodes[Region]=${codes.join(',')}&valueCodes[Alder]=H17&valueCodes[ContentsCode]=Personer1&valueCodes[Tid]=*&codelist[Alder]=agg_TodeltGrupperingB`,
    f,
  ).body;
  delete pop.updated;
  pop.note = [
    'Personer 0–17 år 1. januar, summert fra SSBs ettårige aldersgrupper i tabell 07459 slik Folkehelseinstituttets åpne datapakker gjengir dem. Samlet av Innsyn, ikke hentet fra SSBs API.',
  ];

  const munis = [...new Set([...f.hedmark.keys()].map((k) => k.split('|')[0]))];
  const name = (c) => ({ EKA04: 'Hedmark (kommunene i alt)', EAK: 'Landet' })[c] ?? c;
  const variables = [
    ['barn_tiltak_aaret_i_alt', 'Barn 0–22 år med barnevernstiltak i løpet av året', 'barn', 0],
    ['barn_tiltak_aaret_omsorg', 'Barn 0–22 år med omsorgstiltak i løpet av året', 'barn', 0],
    ['barn_tiltak_aaret_hjelpe', 'Barn 0–22 år med hjelpetiltak i løpet av året', 'barn', 0],
    ['barn_tiltak_3112_i_alt', 'Barn 0–22 år med barnevernstiltak per 31.12.', 'barn', 0],
    ['aarsverk_i_alt', 'Årsverk i barnevernstjenesten per 31.12.', 'årsverk', 1],
    ['tilsette_per_1000_0_17', 'Tilsatte per 1 000 innbyggere 0–17 år', 'per 1000 innbyggere 0–17 år', 1],
  ];
  const hedmark = dataset({
    label: 'Barnevern 2018: barn med tiltak og årsverk i barnevernstjenesten, kommunene i Hedmark',
    note: [
      'Tall fra SSBs publiserte tabeller for barnevern 2018 (barnev0304: barn med tiltak; barnev0404: årsverk), skrevet av for hver kommune. Ikke hentet fra SSBs API.',
      'Kolon (:) er tall SSB ikke offentliggjør for å verne enkeltpersoner.',
    ],
    link: 'https://www.ssb.no/a/barnogunge/2019/tabeller/barnevern/barnev0304.html',
    dims: [
      { id: 'KOKkommuneregion0000', label: 'region', cats: munis.map((c) => [c, name(c)]) },
      { id: 'ContentsCode', label: 'statistikkvariabel', cats: variables.map(([id, l, base, decimals]) => [id, l, { base, decimals }]) },
      { id: 'Tid', label: 'år', cats: [['2018', '2018']] },
    ],
    cell: ([region, v]) => f.hedmark.get(`${region}|${v}`),
  });
  return { '07459-befolkning-0-17.json': pop, 'barnevern-2018-hedmark.json': hedmark, '12362-barnevern.json': expenditure() };
}

/** SSB table 12362, child welfare (FGK13), net and gross, every year, each
 * municipality under every number SSB has used for it: the catalog's request
 * for the figures the project holds, answered as PxWebApi 2.0 answers it. */
function expenditure() {
  const codes = [...f.names.keys()].sort();
  const ds = answer(
    `https://data.ssb.no/api/pxwebapi/v2/tables/12362/data?valueCodes[KOKkommuneregion0000]=${codes.join(',')}&valueCodes[KOKfunksjon0000]=FGK13&valueCodes[KOKart0000]=AGD2,AGD10&valueCodes[ContentsCode]=KOSbelop0000&valueCodes[Tid]=*`,
    f,
  ).body;
  delete ds.updated; // SSB's own date is not known: the note says when the figures were taken.
  // SSB's region labels: the name, and for a number no longer used the years it was.
  const label = ds.dimension.KOKkommuneregion0000.category.label;
  for (const c of codes) {
    const [name, from, to] = f.names.get(c);
    label[c] = to === '2025' ? name : `${name} (${from === '2015' ? '' : from}-${to})`;
  }
  ds.note = [
    'Netto (AGD2) og brutto (AGD10) driftsutgifter til barnevern, tjenesteområde FGK13 (funksjon 244, 251 og 252), 1 000 kr i løpende priser.',
    'Ikke hentet av Innsyn fra SSBs API: SSBs tall slik det offentlige depotet Lippen1995/Project_statsbudsjett (GitHub) hentet dem fra PxWebApi 2.0 14. september 2026, satt sammen i SSBs form av Innsyn 6. desember 2026. innsyn fetch erstatter fila med SSBs eget svar.',
    'Punktum (.): kommunenummeret var ikke i bruk det året.',
  ];
  return ds;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT, { recursive: true });
  for (const [file, ds] of Object.entries(bundled())) {
    writeFileSync(join(OUT, file), JSON.stringify(ds) + '\n');
    console.log(`wrote public/data/ssb/${file}`);
  }
}
