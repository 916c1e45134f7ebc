// One-page PDFs for the lived-in demo's documents (quotations, invoices, payment slips), so that opening one shows
// what it is instead of an empty file.

const escapePdfText = (text: string) =>
  text
    .replace(/[^\x20-\x7e]/g, '?') // the standard Helvetica font covers ASCII; the demo's papers are in English
    .replace(/[\\()]/g, (c) => `\\${c}`);

/** A valid single-page PDF (A4, Helvetica) showing `lines`, top to bottom. */
export function demoPdf(lines: readonly string[]): Uint8Array {
  const text = lines.map((line, i) => `${i === 0 ? '' : '0 -22 Td '}(${escapePdfText(line)}) Tj`).join('\n');
  const stream = `BT /F1 13 Tf 56 780 Td\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body); // ASCII only, so string length = byte length above
}
