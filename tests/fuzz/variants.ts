// Malformed variants of a form post or a query string, for the fuzz test: each field missing, repeated, huge, with
// control characters, impossible dates, out-of-range numbers; other content types; random mixtures (seeded).

export type Fields = Record<string, string | string[]>;
export type FileField = { name: string; filename: string; bytes: Uint8Array; type?: string };

/** One request body: what it is (for the failure report) and how to send it. */
export type BodyVariant = { label: string; body: BodyInit | null; contentType?: string };

export const NASTY_VALUES: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '\u0001\u001f\u0007',
  '\u007f\u0085\u009f',
  'a\ud800b',
  '\udfff',
  '\ufeff\ufffe\uffff',
  'line\r\nbreak\nand\rmore',
  '\t',
  '\u2028\u2029',
  '\u202eevil\u202c',
  'x'.repeat(5_000),
  '好'.repeat(3_000),
  '😀'.repeat(500),
  '9'.repeat(40),
  '-1',
  '0',
  '-0',
  '1.5',
  '0.001',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '9999999',
  '1000001',
  '0x1F',
  ' 12 ',
  '１２３',
  'HK$-5',
  '1,000,000,000,000,000',
  '2026-02-30',
  '2026-13-45',
  '0000-00-00',
  '-271821-04-20',
  '+275760-09-13',
  '99999-01-01',
  '-271821-04-20T00:00:00Z_1',
  '2026-12-01T00:00:00Z_99999999999999999999',
  'null',
  'undefined',
  'true',
  '[object Object]',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '/\t/evil.example',
  '//evil.example',
  'DTS-2026-000001',
  'DTS-9999-999999',
];

/** A tiny seeded generator (mulberry32) so that a failure can be replayed. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function urlencoded(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
}

function multipart(fields: Fields, files: FileField[]): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  for (const file of files)
    form.append(file.name, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.filename);
  return form;
}

/** Field sets: every field of `base` mutated one at a time, then mixtures; `csrf` is always kept valid. */
export function fieldVariants(
  base: Fields,
  { count, seed, extraFields = [] }: { count: number; seed: number; extraFields?: string[] },
): { label: string; fields: Fields }[] {
  const names = [...new Set([...Object.keys(base), ...extraFields])].filter((name) => name !== '_csrf');
  const out: { label: string; fields: Fields }[] = [];
  for (const name of names) {
    const { [name]: _dropped, ...rest } = base;
    out.push({ label: `${name} missing`, fields: rest });
    const value = base[name] ?? 'x';
    out.push({
      label: `${name} repeated`,
      fields: { ...base, [name]: [...(Array.isArray(value) ? value : [value]), ...(Array.isArray(value) ? value : [value])] },
    });
    for (const nasty of NASTY_VALUES)
      out.push({ label: `${name}=${JSON.stringify(nasty.slice(0, 40))}`, fields: { ...base, [name]: nasty } });
  }
  out.push({ label: 'no fields', fields: {} });
  out.push({ label: 'unknown fields', fields: { ...base, __proto__x: '1', 'constructor[prototype]': 'x', ['a'.repeat(2_000)]: 'b' } });
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  while (out.length < count) {
    const fields: Fields = { ...base };
    const changed: string[] = [];
    for (let i = 0, n = 2 + Math.floor(random() * 3); i < n && names.length > 0; i++) {
      const name = pick(names);
      const roll = random();
      if (roll < 0.15) delete fields[name];
      else if (roll < 0.3) fields[name] = [pick(NASTY_VALUES), pick(NASTY_VALUES)];
      else fields[name] = pick(NASTY_VALUES);
      changed.push(name);
    }
    out.push({ label: `mixture #${out.length} (${changed.join(', ')}) seed ${seed}`, fields });
  }
  return out;
}

/** Request bodies: the field variants as the form would send them, plus other content types and broken bodies. */
export function bodyVariants(
  base: Fields,
  {
    count,
    seed,
    csrf,
    files = [],
    multipartForm = false,
    extraFields,
  }: { count: number; seed: number; csrf: string; files?: FileField[]; multipartForm?: boolean; extraFields?: string[] },
): BodyVariant[] {
  const withCsrf = (fields: Fields): Fields => ({ ...fields, _csrf: csrf });
  const out: BodyVariant[] = fieldVariants(base, { count: Math.max(0, count - 16), seed, extraFields }).map(({ label, fields }) =>
    multipartForm
      ? { label, body: multipart(withCsrf(fields), files) }
      : { label, body: urlencoded(withCsrf(fields)), contentType: 'application/x-www-form-urlencoded' },
  );
  const all = withCsrf(base);
  const nastyName = files[0]
    ? [{ ...files[0], filename: 'a\u0000b\r\n"; x=".pdf' }, ...files.slice(1)]
    : [{ name: 'document', filename: '\u0000.pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]) }];
  out.push(
    { label: 'JSON body', body: JSON.stringify(all), contentType: 'application/json' },
    { label: 'text/plain body', body: urlencoded(all), contentType: 'text/plain' },
    { label: 'no content type', body: urlencoded(all) },
    { label: 'multipart instead of urlencoded', body: multipart(all, files) },
    { label: 'urlencoded instead of multipart', body: urlencoded(all), contentType: 'application/x-www-form-urlencoded' },
    {
      label: 'multipart with a bad boundary',
      body: `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--y--`,
      contentType: 'multipart/form-data; boundary=x',
    },
    { label: 'multipart without a boundary', body: urlencoded(all), contentType: 'multipart/form-data' },
    {
      label: 'multipart, files where text belongs',
      body: multipart(
        { _csrf: csrf },
        Object.keys(base)
          .slice(0, 4)
          .map((name) => ({ name, filename: 'x.pdf', bytes: new Uint8Array([1, 2, 3]) })),
      ),
    },
    { label: 'multipart, file names with control characters', body: multipart(all, nastyName) },
    {
      label: 'multipart, an empty file',
      body: multipart(
        all,
        files.map((file) => ({ ...file, bytes: new Uint8Array() })),
      ),
    },
    {
      label: 'multipart, not the declared type',
      body: multipart(
        all,
        files.map((file) => ({ ...file, bytes: new TextEncoder().encode('MZ not a pdf'), type: 'application/pdf' })),
      ),
    },
    { label: 'broken percent-encoding', body: `${urlencoded(all)}&a=%zz&%E0%A4%A=1`, contentType: 'application/x-www-form-urlencoded' },
    { label: 'utf-16 charset claimed', body: urlencoded(all), contentType: 'application/x-www-form-urlencoded; charset=utf-16' },
    { label: 'raw bytes', body: new Uint8Array([0, 255, 254, 1, 2, 3, 0x80, 0xc0]), contentType: 'application/x-www-form-urlencoded' },
    { label: 'empty body', body: '', contentType: 'application/x-www-form-urlencoded' },
    {
      label: 'body over the size limit',
      body: urlencoded({ ...all, padding: 'x'.repeat(400_000) }),
      contentType: 'application/x-www-form-urlencoded',
    },
  );
  return out;
}

/** Query strings: each parameter with every nasty value, missing, repeated, plus unknown and huge parameters. */
export function queryVariants(
  base: Fields,
  { count, seed, extraParams = [] }: { count: number; seed: number; extraParams?: string[] },
): { label: string; query: string }[] {
  const out = fieldVariants(base, { count: Math.max(0, count - 3), seed, extraFields: [...extraParams, 'page'] }).map(
    ({ label, fields }) => ({ label, query: urlencoded(fields) }),
  );
  out.push(
    { label: 'huge query', query: `q=${'x'.repeat(6_000)}&${urlencoded(base)}` },
    { label: 'broken percent-encoding', query: `${urlencoded(base)}&x=%zz&%ff=%fe` },
    { label: 'many repeated parameters', query: Array.from({ length: 300 }, (_, i) => `ids=${i}&features=${i}&status=${i}`).join('&') },
  );
  return out;
}
