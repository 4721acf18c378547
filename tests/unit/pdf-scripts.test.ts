/**
 * Names in every script the councils' members write them in, on the certificate and in the
 * committee report (security review row 8): each PDF is made, and pdftotext (poppler) must give
 * the name back. Devanagari used to throw inside fontkit's Indic shaper (a 500 for the whole
 * report), and Arabic and Chinese printed blank.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import type { CertificateView } from '../../src/lib/certificate.ts';
import { certificatePdf } from '../../src/lib/server/certificate-pdf.ts';
import { reportPdf, type CommitteeReport } from '../../src/lib/server/report.ts';
import { TextPdf, wrap } from '../../src/lib/server/pdf-writer.ts';
import { textRuns } from '../../src/lib/server/text-runs.ts';

const NAMES: Record<string, string> = {
  Hindi: 'प्रिया शर्मा',
  Bengali: 'সুমিত্রা দাস',
  Gujarati: 'પ્રિયા પટેલ',
  Punjabi: 'ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ',
  Arabic: 'محمد علي',
  Urdu: 'ثمینہ کوثر',
  Chinese: '王小明',
  Polish: 'Zofia Żółkiewska',
  Welsh: 'Siân Llŷr Ŵyn',
  'Arabic after Latin': 'Cllr محمد علي',
};

/**
 * The PDF's text as pdftotext reads it. Poppler gives right-to-left text in logical order, wrapped
 * in embedding controls (U+202B … U+202C), which are dropped here before comparing.
 */
function pdfText(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' })
    .normalize('NFC').replace(/[\u202a-\u202e]/g, '');
}

function view(name: string): CertificateView {
  const recordId = '6f1c1c52-3d1e-4d47-9a43-0d6b4e1f8a10';
  const details = [
    { label: 'Role', value: 'Councillor, Garstang ward' },
    { label: 'Record ID', value: recordId },
  ];
  return { name, role: details[0]!.value, council: 'Wyre Council', policy: 'Social media policy, version 2', date: '1 December 2026', score: '10 of 10', recordId, fingerprint: 'ab'.repeat(32), verifyUrl: `http://localhost/verify/${recordId}/`, identity: 'Self-declared', details, publicDetails: details };
}

function report(names: readonly string[]): CommitteeReport {
  return {
    date: '1 December 2026',
    tables: [{ title: 'By ward or committee', groups: names.map((n) => ({ name: `Ward ${n}`, total: 1, signed: 0, rate: 0 })) }],
    overdue: names.map((name) => ({ name, role: 'Councillor', wardOrCommittee: 'Ward L', dueDate: '2026-01-01' })),
  };
}

describe('names in any script', () => {
  it.each(Object.entries(NAMES))('a %s name prints on the certificate and comes back out of its text', async (_script, name) => {
    const pdf = await certificatePdf(view(name));
    expect(pdfText(pdf)).toContain(name.normalize('NFC'));
  });

  it('the committee report prints all of them, as overdue members and as ward names', async () => {
    const text = pdfText(await reportPdf(report(Object.values(NAMES))));
    for (const name of Object.values(NAMES)) {
      expect(text).toContain(name.normalize('NFC'));
      expect(text).toContain(`Ward ${name}`.normalize('NFC'));
    }
  });

  it('a character no font has (an emoji, a private-use character) still gives a valid PDF with the rest of the name', async () => {
    const name = 'Ann 😀 Lee \u{10fffd}';
    const pdf = await certificatePdf(view(name));
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Ann 😀 Lee'); // the text layer keeps what the page can only show as a box
    expect(pdfText(await reportPdf(report([name])))).toContain('Ann 😀 Lee');
  });

  it('fonts are subset: a certificate is kilobytes, not the megabytes of whole fonts', async () => {
    for (const name of ['Siân Llŷr Ŵyn', '王小明', 'प्रिया शर्मा']) {
      expect((await certificatePdf(view(name))).length).toBeLessThan(40_000);
    }
  });
});

describe('a shaper that throws', () => {
  it('costs only the run it failed on: the PDF is made, that text drawn plainly with its real text in the text layer', async () => {
    vi.resetModules();
    // As fontkit's Indic shaper did ("regeneratorRuntime is not defined"), here for every Devanagari run.
    vi.doMock('harfbuzzjs', async (original) => {
      const hb = await original<typeof import('harfbuzzjs')>();
      return {
        ...hb,
        shape(font: InstanceType<typeof hb.Font>, buffer: InstanceType<typeof hb.Buffer>) {
          if (buffer.getGlyphInfos().some((g) => g.codepoint >= 0x900 && g.codepoint <= 0x97f)) throw new ReferenceError('regeneratorRuntime is not defined');
          hb.shape(font, buffer);
        },
      };
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { reportPdf: freshReportPdf } = await import('../../src/lib/server/report.ts');
      const text = pdfText(await freshReportPdf(report(['प्रिया शर्मा', '王小明'])));
      expect(text).toContain('प्रिया शर्मा');
      expect(text).toContain('王小明');
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('could not be shaped'), expect.any(ReferenceError));
    } finally {
      errors.mockRestore();
      vi.doUnmock('harfbuzzjs');
      vi.resetModules();
    }
  });
});

describe('line wrapping with shaped widths', () => {
  it('breaks at spaces, each line within the width', async () => {
    const { body } = await TextPdf.create({ title: 'wrap' });
    const text = Array.from({ length: 12 }, () => 'प्रिया शर्मा').join(' ');
    const lines = wrap(text, body, 12, 150);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(body.widthOfTextAtSize(line, 12)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe(text);
  });

  it('cuts a line with no spaces (Chinese) between characters as read, never before a vowel sign', async () => {
    const { body } = await TextPdf.create({ title: 'wrap' });
    const han = '王小明'.repeat(20);
    const lines = wrap(han, body, 12, 100);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(body.widthOfTextAtSize(line, 12)).toBeLessThanOrEqual(100);
    expect(lines.join('')).toBe(han);
    const hindi = 'प्रियाशर्मा'.repeat(6);
    const cut = wrap(hindi, body, 12, 60);
    expect(cut.join('')).toBe(hindi);
    for (const line of cut) expect(line).not.toMatch(/^[\p{M}\u094d]/u);
  });

  it('prints a line break or other control character in a name as a space, on one line (review row 19)', async () => {
    const { body } = await TextPdf.create({ title: 'wrap' });
    expect(wrap('Line\n=1+1\u202eEvil', body, 10, 400)).toEqual(['Line =1+1Evil']);
  });
});

describe('runs in visual order', () => {
  const fonts = 2;
  // Font 0 has Latin and spaces; font 1 has Arabic and spaces.
  const covers = (font: number, cp: number) => cp === 0x20 || (font === 0 ? cp < 0x600 : cp >= 0x600 && cp < 0x700);
  const pieces = (line: string) => textRuns(line, fonts, covers).map((r) => [line.slice(r.start, r.end), r.dir, r.font]);

  it('an Arabic name is one right-to-left run', () => {
    expect(pieces('محمد علي')).toEqual([['محمد علي', 'rtl', 1]]);
  });

  it('Latin then Arabic in a left-to-right line: the Latin first, the Arabic after it, read right to left', () => {
    expect(pieces('Cllr محمد علي')).toEqual([['Cllr ', 'ltr', 0], ['محمد علي', 'rtl', 1]]);
  });

  it('in a right-to-left line the runs go right to left, the Latin word reading left to right between them', () => {
    expect(pieces('محمد Ali علي')).toEqual([[' علي', 'rtl', 1], ['Ali', 'ltr', 0], ['محمد ', 'rtl', 1]]);
  });

  it('a character no font has stays in the run around it', () => {
    expect(pieces('Ann 😀 Lee')).toEqual([['Ann 😀 Lee', 'ltr', 0]]);
  });
});
