/**
 * The declaration form as the server reads it. Every field is checked and bounded; markup is
 * refused in names (there is no reason for `<` in a person's name) and escaped everywhere anyway.
 */
import { z } from 'zod';
import { ROLES } from '../lib/record.ts';

/**
 * Letters (any script, with accents and Welsh circumflexes), spaces, hyphens, apostrophes and full
 * stops; and the zero-width (non-)joiner between two letters, which some Bengali, Hindi, Persian and
 * Urdu spellings need ("فاطمه‌زاده").
 */
const NAME = /^[\p{L}\p{M}](?:[\p{L}\p{M} .'’-]|(?<=[\p{L}\p{M}])[\u200C\u200D](?=[\p{L}\p{M}]))*$/u;

/**
 * Characters that misdraw on screen, in PDFs and spreadsheets: controls, line breaks, text-direction
 * marks and other invisible format characters ("Evil\u202Eredro" shows as "Evilorder"). The joiners a
 * name may need between two letters are allowed.
 */
export const INVISIBLE = /[\p{Cc}\p{Zl}\p{Zp}]|(?![\u200C\u200D])\p{Cf}|(?<![\p{L}\p{M}])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}])/gu;
/** A ward or committee name: also digits, ampersands, commas, brackets and slashes. */
const GROUP = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .,'’&()/-]*$/u;

const field = (label: string, max: number, pattern: RegExp, allowed: string) =>
  z
    .string({ error: `Enter your ${label}` })
    .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, { error: `Enter your ${label}` })
        .max(max, { error: `Your ${label} must be ${max} characters or fewer` })
        .regex(pattern, { error: `Your ${label} can only contain ${allowed}` }),
    );

export const SignOffFormSchema = z.object({
  /** Full name as it should appear on the certificate. */
  name: field('full name', 100, NAME, 'letters, spaces, hyphens, apostrophes and full stops'),
  /** Councillor or co-opted member. */
  role: z.enum(ROLES, { error: 'Select whether you are a councillor or a co-opted member' }),
  /** The ward a councillor represents, or the committee a co-opted member sits on. */
  wardOrCommittee: field('ward or committee', 120, GROUP, 'letters, numbers, spaces and the punctuation . , \' & ( ) / -'),
  /** Optional: where the Monitoring Officer can reach the member. */
  email: z
    .string()
    .trim()
    .max(254, { error: 'Your email address must be 254 characters or fewer' })
    .pipe(z.union([z.literal(''), z.email({ error: 'Enter an email address in the correct format, like name@example.org' })]))
    .transform((s) => (s === '' ? null : s.toLowerCase())),
  /** The declaration checkbox. */
  declaration: z.literal('agreed', { error: 'Tick the box to confirm the declaration' }),
});

export type SignOffForm = z.infer<typeof SignOffFormSchema>;

/** Field names in the order shown, for the error summary's order and links. */
export const SIGN_OFF_FIELDS = ['name', 'role', 'wardOrCommittee', 'email', 'declaration'] as const;
