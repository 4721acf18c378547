/** The certificate as one A4 page of PDF, with the same lines as the certificate page. */
import type { CertificateView } from '../certificate.ts';
import { BRAND, GREY, RED, TextPdf } from './pdf-writer.ts';

/** `notice` (e.g. "REVOKED: …") is printed at the top in red when the record is not valid. */
export async function certificatePdf(view: CertificateView, notice?: string): Promise<Uint8Array> {
  const pdf = await TextPdf.create({ title: `Certificate: ${view.name}, ${view.council}`, subject: `${view.policy}. Record ${view.recordId}` }, (page) =>
    page.drawRectangle({ x: 24, y: 24, width: page.getWidth() - 48, height: page.getHeight() - 48, borderColor: BRAND, borderWidth: 3 }));
  const { body, heavy } = pdf;
  if (notice) pdf.write(notice, heavy, 14, 12, RED);
  pdf.write("Councillors' social media course", body, 12, 18, BRAND);
  pdf.write('Certificate of completion', heavy, 28, 24);
  pdf.write('This certifies that', body, 13, 8);
  pdf.write(view.name, heavy, 24, 14);
  pdf.write(`has completed ${view.council}'s social media course, passed its final assessment and signed the declaration that they have read and will follow the council's policy:`, body, 13, 18);
  pdf.write(view.policy, heavy, 15, 24);
  for (const { label, value } of view.details) {
    pdf.write(label, heavy, 10.5, 0);
    pdf.write(value, body, 11.5, 8);
  }
  pdf.write("This certificate is backed by a record signed with the council course's Ed25519 key. Anyone can check it at the address above: any change to the record makes the check fail.", body, 10, 4, GREY);
  return pdf.save();
}
