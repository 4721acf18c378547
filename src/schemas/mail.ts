/** A pack's own email wording: `mail:` in pack.yaml, any kind's subject or body (src/lib/mail-templates.ts). */
import { z } from 'zod';
import { MEMBER_KINDS, PLACEHOLDERS, unknownPlaceholders } from '../lib/mail-templates.ts';

const known = (text: string) => unknownPlaceholders(text).length === 0;
const help = `may use only these placeholders: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;

const TemplateSchema = z.strictObject({
  subject: z.string({ error: 'expected the subject line as text' }).min(1).refine(known, { error: `the subject ${help}` }).optional(),
  body: z.string({ error: 'expected the message as text' }).min(1).refine(known, { error: `the body ${help}` }).optional(),
});

export const MailTemplatesSchema = z.strictObject(
  Object.fromEntries(MEMBER_KINDS.map((k) => [k, TemplateSchema.optional()])) as Record<(typeof MEMBER_KINDS)[number], z.ZodOptional<typeof TemplateSchema>>,
);
