/** Each problem type's URI path resolves on the local server to a page that explains it. */
import { describe, expect, it } from 'vitest';
import { PROBLEM_SLUGS, PROBLEM_TYPES, problemTypeUri } from '../../functions/http/problem-types.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();

describe('problem type pages', () => {
  it.each(PROBLEM_SLUGS)('/problems/%s explains the type: what happened and what to do', async (slug) => {
    const response = await fetch(api().url + new URL(problemTypeUri(slug)).pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain(`<h1>${PROBLEM_TYPES[slug].title.replaceAll("'", '&#39;')}</h1>`);
    expect(html).toContain('What to do');
    expect(html).toContain(`HTTP ${PROBLEM_TYPES[slug].status}`);
  });

  it('/problems/ lists every type; an unknown one is a not-found problem', async () => {
    const index = await (await fetch(`${api().url}/problems/`)).text();
    for (const slug of PROBLEM_SLUGS) expect(index).toContain(`href="/problems/${slug}"`);
    const unknown = await fetch(`${api().url}/problems/conflict`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: problemTypeUri('not-found') });
  });
});
