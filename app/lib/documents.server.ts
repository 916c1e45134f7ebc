// Sending a stored document back: always as an attachment with its sniffed type, never rendered inline.
export function documentResponse(doc: { filename: string; contentType: string; content: Buffer; sizeBytes: number } | undefined): Response {
  if (!doc) throw new Response('not found', { status: 404 });
  return new Response(new Uint8Array(doc.content), {
    headers: {
      'Content-Type': doc.contentType,
      'Content-Length': String(doc.sizeBytes),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}

/** An application reference from a URL, or 404. */
export function parseReference(value: string | undefined): string {
  if (!/^DTS-\d{4}-\d{6}$/.test(value ?? '')) throw new Response('not found', { status: 404 });
  return value!;
}
