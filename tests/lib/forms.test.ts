import type { AppLoadContext } from '@remix-run/node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csrfCookie } from '../../app/lib/cookies.server';
import { readForm } from '../../app/lib/forms.server';

const TOKEN = 'a'.repeat(43);
const context = { secureCookies: false } as AppLoadContext;

async function post(body: string | Uint8Array<ArrayBuffer>, contentType?: string) {
  return new Request('http://localhost/form', {
    method: 'POST',
    headers: {
      ...(contentType ? { 'Content-Type': contentType } : {}),
      Cookie: (await csrfCookie(false).serialize(TOKEN)).split(';')[0]!,
    },
    body,
  });
}

/** What the fetch API's own reader makes of the same body. */
const fetchReads = (body: string | Uint8Array<ArrayBuffer>, contentType: string) =>
  new Response(body, { headers: { 'Content-Type': contentType } }).formData();

const entries = (form: FormData) => [...form.entries()];

describe('readForm', () => {
  it('reads a URL-encoded body as the fetch API does, for any body (property)', async () => {
    // Bodies made of the characters that matter to the format: separators, escapes (well and badly formed), `+`,
    // non-ASCII text, and bytes that are not UTF-8.
    const piece = fc.oneof(
      fc.constantFrom('&', '=', '+', '%', '%2', '%zz', '%26', '%3D', '%2B', '%E4%BD%A0', '%FF', '_csrf=' + TOKEN, ' '),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), fc.boolean(), async (pieces, raw) => {
        const text = `_csrf=${TOKEN}&${pieces.join('')}`;
        const body = raw ? new Uint8Array([...new TextEncoder().encode(text), 0xff, 0xfe]) : text;
        const type = 'application/x-www-form-urlencoded';
        expect(entries(await readForm(await post(body, type), context))).toEqual(entries(await fetchReads(body, type)));
      }),
      { numRuns: 300 },
    );
  });

  it('takes the type in any case and with a charset, and a body without a type as URL-encoded', async () => {
    const body = `_csrf=${TOKEN}&name=%E9%A3%9F%E8%82%86+one&name=two&empty=`;
    const expected = [
      ['_csrf', TOKEN],
      ['name', '食肆 one'],
      ['name', 'two'],
      ['empty', ''],
    ];
    for (const type of ['application/x-www-form-urlencoded', 'Application/X-WWW-Form-URLEncoded; charset=UTF-8']) {
      expect(entries(await readForm(await post(body, type), context))).toEqual(expected);
    }
    // Bytes get no type of their own (a string body would be text/plain).
    const untyped = await post(new TextEncoder().encode(body));
    expect(untyped.headers.get('Content-Type')).toBeNull();
    expect(entries(await readForm(untyped, context))).toEqual(expected);
  });

  it('still reads a multipart body (files) with the fetch API', async () => {
    const form = new FormData();
    form.append('_csrf', TOKEN);
    form.append('note', '你好');
    form.append('file', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'quote.pdf');
    const request = new Request('http://localhost/form', {
      method: 'POST',
      headers: { Cookie: (await csrfCookie(false).serialize(TOKEN)).split(';')[0]! },
      body: form,
    });
    const read = await readForm(request, context);
    expect(read.get('note')).toBe('你好');
    const file = read.get('file');
    expect(file).toBeInstanceOf(File);
    expect(await (file as File).text()).toBe('%PDF-1.4');
  });

  it('refuses a form whose CSRF token does not match the cookie', async () => {
    const request = await post(`_csrf=${'b'.repeat(43)}&name=x`, 'application/x-www-form-urlencoded');
    await expect(readForm(request, context)).rejects.toMatchObject({ status: 403 });
  });
});
