/**
 * The local server answers each problem type's path, `/problems/<name>`, with a short page that
 * explains it (and `/problems/` with the list), from the catalogue itself: the `type` URI's path
 * resolves against `npm start` to what the type means and what to do about it.
 */
import { PROBLEM_SLUGS, PROBLEM_TYPES, problemTypeUri, type ProblemTypeInfo } from '../../functions/http/problem-types.ts';
import { HttpProblem, problemResponse } from '../../functions/http/problem.ts';
import { t } from '../../functions/i18n/messages.ts';
import type { LocalRequest, LocalResponse } from './api-gateway-adapter.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** The catalogue's prose uses `code`; nothing else of Markdown. */
const prose = (text: string) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');

function page(title: string, body: string): LocalResponse {
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
    body: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Carestock problem types</title><style>body{font:1rem/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}code{background:#eee;padding:0 .2em}dt{font-weight:bold}</style></head><body>${body}</body></html>\n`,
  };
}

function typePage(slug: string, info: ProblemTypeInfo): LocalResponse {
  const list = (entries: Readonly<Record<string, string>> | undefined) =>
    Object.entries(entries ?? {}).map(([name, what]) => `<dt><code>${escape(name)}</code></dt><dd>${prose(what)}</dd>`).join('');
  return page(
    info.title,
    `<p><a href="/problems/">All problem types</a></p><h1>${escape(info.title)}</h1>` +
      `<p><code>${escape(problemTypeUri(slug as never))}</code> · HTTP ${info.status}</p>` +
      `<h2>What happened</h2><p>${prose(info.meaning)}</p><h2>What to do</h2><p>${prose(info.action)}</p>` +
      (info.members ? `<h2>Extra members</h2><dl>${list(info.members)}</dl>` : '') +
      (info.headers ? `<h2>Headers</h2><dl>${list(info.headers)}</dl>` : ''),
  );
}

function indexPage(): LocalResponse {
  const rows = PROBLEM_SLUGS.map((slug) => `<tr><td><a href="/problems/${slug}"><code>${slug}</code></a></td><td>${PROBLEM_TYPES[slug].status}</td><td>${escape(PROBLEM_TYPES[slug].title)}</td></tr>`);
  return page('All problem types', `<h1>Problem types</h1><p>Every problem Carestock answers has one of these <code>type</code>s.</p><table><thead><tr><th>type</th><th>status</th><th>title</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
}

export async function problemPages(request: LocalRequest): Promise<LocalResponse | undefined> {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (request.method !== 'GET' || !/^\/problems(\/|$)/.test(path)) return undefined;
  const slug = path.replace(/^\/problems\/?/, '');
  if (slug === '') return indexPage();
  if (Object.hasOwn(PROBLEM_TYPES, slug)) return typePage(slug, PROBLEM_TYPES[slug as keyof typeof PROBLEM_TYPES]);
  return problemResponse(new HttpProblem('not-found', t('notFound.problemType', { slug })));
}
