// A stand-in for SSB's PxWebApi 2.0 (https://data.ssb.no/api/pxwebapi/v2)
// inside the browser under test: requests to data.ssb.no are answered with
// JSON-stat 2.0 made from SSB's real figures that the project holds
// (scripts/ssb-shape.mjs), or fail as SSB can fail. Nothing leaves the machine.
import { answer, figures, problem } from '../../scripts/ssb-shape.mjs';
import { ROOT } from './harness.mjs';

const FIGURES = figures(ROOT);
const CORS = { 'access-control-allow-origin': '*' };

/** Routes data.ssb.no for `page`: mode 'answer' (default), 'offline',
 * '429' or '500'. `slow` (benchmarks) delays each answer by a round trip
 * plus its transfer time. Resolves to the list of URLs asked, in order. */
export async function ssbMock(page, mode = 'answer', slow = null) {
  const asked = [];
  await page.unroute('https://data.ssb.no/**');
  await page.route('https://data.ssb.no/**', async (route) => {
    const url = route.request().url();
    asked.push(url);
    if (mode === 'offline') return route.abort('internetdisconnected');
    const send = (status, body, type = 'application/json') =>
      route.fulfill({ status, headers: { ...CORS, 'content-type': type, ...(status === 429 ? { 'retry-after': '60' } : {}) }, body: JSON.stringify(body) });
    if (mode === '429') return send(429, problem(429, 'Too many requests'), 'application/problem+json');
    if (mode === '500') return send(500, problem(500, 'Internal server error'), 'application/problem+json');
    const { status, body } = answer(url, FIGURES);
    if (slow) {
      const bytes = JSON.stringify(body).length;
      await new Promise((done) => setTimeout(done, slow.latency + (bytes / slow.bytesPerSecond) * 1000));
    }
    return send(status, body, status === 200 ? 'application/json' : 'application/problem+json');
  });
  return asked;
}
