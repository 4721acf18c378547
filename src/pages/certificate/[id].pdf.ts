/** `GET /certificate/<id>.pdf`: the certificate as an A4 PDF. */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { loadCertificate } from '../../lib/server/certificates.ts';
import { certificateIssuers } from '../../data/server-course.ts';
import { certificatePdf } from '../../lib/server/certificate-pdf.ts';
import { publicOrigin } from '../../lib/server/http.ts';
import { revokedLine } from '../../lib/server/public-record.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const certificate = loadCertificate(server().db, params.id ?? '', publicOrigin(), await certificateIssuers());
  if (!certificate) return new Response('No certificate has that record ID.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const { status } = certificate;
  const notice = status.status === 'revoked' ? `REVOKED. ${revokedLine(status.revocation.at)}`
    : status.status === 'invalid' ? `DOES NOT VERIFY: ${status.reason}` : undefined;
  const pdf = await certificatePdf(certificate.view, notice);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="certificate-${certificate.view.recordId}.pdf"`,
      'cache-control': 'no-store',
    },
  });
};
