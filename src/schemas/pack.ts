/**
 * A course pack's `pack.yaml`: the council, the policy it teaches, and how sign-off works.
 * One schema; the TypeScript type is inferred from it, never restated.
 */
import { z } from 'zod';
import { MailTemplatesSchema } from './mail.ts';

/** A pack folder name: lower-case letters, digits and hyphens. */
export const PackIdSchema = z
  .string({ error: 'expected a pack ID such as "wyre"' })
  .regex(/^[a-z][a-z0-9-]*$/, { error: 'expected lower-case letters, digits and hyphens, starting with a letter' });

/** YYYY-MM-DD, YYYY-MM or YYYY that is on the calendar. */
function isCalendarDate(s: string): boolean {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s)) return false;
  const day = s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day);
}

const APPROX = /^(?:c\.?|ca\.?|circa|about|approx\.?|approximately)\s*(\d{4})$/i;
const DATE_HELP = 'expected a date written as YYYY-MM-DD, YYYY-MM or YYYY, "c. 2017" when approximate, or "undated"';

/**
 * When a document is dated: exact (`"2017-11-16"`), to the month (`"2018-05"`) or year (`"2017"`),
 * approximate (`"c. 2017"` → `{ approx: true, year: 2017 }`) or unknown (`"undated"` or left out → `null`).
 */
export type DocumentDate = string | { approx: true; year: number } | null;

export const DocumentDateSchema = z.unknown().optional().transform((value, ctx): DocumentDate => {
  if (value === undefined || value === null) return null;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && (value as { approx?: unknown }).approx === true && Number.isInteger((value as { year?: unknown }).year)) {
    return { approx: true, year: (value as { year: number }).year };
  }
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined) {
    ctx.addIssue({ code: 'custom', message: DATE_HELP });
    return null;
  }
  if (/^undated$/i.test(text)) return null;
  const approx = APPROX.exec(text);
  if (approx) return { approx: true, year: Number(approx[1]) };
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) ctx.addIssue({ code: 'custom', message: DATE_HELP });
  else if (!isCalendarDate(text)) ctx.addIssue({ code: 'custom', message: 'is not a real calendar date' });
  return text;
});

const text = (what: string) => z.string({ error: `expected text: ${what}` }).trim().min(1, { error: `must not be empty: ${what}` });

/** One source document the pack teaches: a policy, a strategy, a protocol. */
export const DocumentSchema = z.strictObject({
  /** The document's title as the council publishes it. */
  title: text('the document title'),
  /** Its version, e.g. "3" or "November 2017"; a new version of a signed document means everyone re-signs. */
  version: z.coerce.string({ error: 'expected a version such as "3"' }).min(1),
  /** When it is dated or was approved; see DocumentDate. */
  date: DocumentDateSchema,
  /** Where it sits in the council's constitution or rules, if anywhere. */
  constitution: text('where the document sits in the constitution').optional(),
  /** Whether members sign it (default yes); `false` for a document the course only draws on. */
  signed: z.boolean({ error: 'expected true or false' }).default(true),
});

/** The single policy document the pack teaches (the original form; `documents:` allows several). */
export const PolicySchema = z.strictObject({
  title: text('the policy title'),
  version: z.coerce.string({ error: 'expected a version such as "3"' }).min(1),
  date: DocumentDateSchema,
  constitution: text('where the policy sits in the constitution'),
});

/** Where the course's facts come from. */
export const SourceSchema = z.strictObject({
  /** How a reader would cite the source document(s). */
  citation: text('how to cite the source document'),
  /** The source file kept with the project (in `tests/fixtures/seeds/`). */
  file: text('the source file name').optional(),
  /** Several source files, for a pack built from several documents. */
  files: z.array(text('a source file name'), { error: 'expected a list of file names' }).optional(),
});

/** A BCP 47 language tag such as "en-GB", "cy" or "cy-GB", in its canonical spelling. */
export const LangSchema = z
  .string({ error: 'expected a language tag such as "en-GB", "cy" or "cy-GB"' })
  .transform((tag, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag.trim());
      if (canonical) return canonical;
    } catch {
      // RangeError: not a well-formed tag; reported below.
    }
    ctx.addIssue({ code: 'custom', message: 'is not a language tag: expected one such as "en-GB", "cy" or "cy-GB"' });
    return tag;
  });

/** The whole `pack.yaml`. */
export const PackSchema = z
  .strictObject({
    /** Must equal the pack's folder name under `content/`. */
    id: PackIdSchema,
    /** The council's full name, e.g. "Wyre Council". */
    council: text("the council's name"),
    /** A short name for headings and links, e.g. "Wyre". */
    shortName: text('a short name for the council'),
    /** The language of the pack's pages, as a BCP 47 tag (default "en-GB"); set on <html lang>. */
    lang: LangSchema.default('en-GB'),
    /** The policy this pack teaches, when it is one document; or give `documents` instead. */
    policy: PolicySchema.optional(),
    /** The documents this pack teaches, when there are several (or one without a constitution entry). */
    documents: z.array(DocumentSchema, { error: 'expected a list of documents, each with a title, version and date' })
      .min(1, { error: 'must list at least one document' }).optional(),
    /** Who keeps the register of sign-offs and receives reports. */
    monitoringOfficer: z.strictObject({
      /** The role's title: "Monitoring Officer", "Clerk", "Proper Officer". */
      role: text("the officer's role title, e.g. Monitoring Officer or Clerk"),
    }),
    /** Words the pages use for people the pack's council has (see src/lib/roles.ts). */
    wording: z.strictObject({
      /** Who members also tell about threats or harassment, e.g. "your group leader"; leave out if nobody (a parish council has no groups). */
      escalateTo: text('who members escalate threats to, e.g. "your group leader"').optional(),
      /** The council's word for its members, e.g. "councillors". */
      members: text('the council\'s word for its members, e.g. "councillors"').default('councillors'),
    }).default({ members: 'councillors' }),
    /** Percentage of marks needed to pass the final assessment. */
    passMark: z
      .number({ error: 'expected a whole number from 1 to 100 (a percentage)' })
      .int({ error: 'expected a whole number from 1 to 100 (a percentage)' })
      .min(1, { error: 'expected a whole number from 1 to 100 (a percentage)' })
      .max(100, { error: 'expected a whole number from 1 to 100 (a percentage)' }),
    /** How many questions each final-assessment attempt draws from the bank (default 10). */
    assessmentQuestions: z
      .number({ error: 'expected a whole number of questions from 5 to 50' })
      .int({ error: 'expected a whole number of questions from 5 to 50' })
      .min(5, { error: 'expected a whole number of questions from 5 to 50' })
      .max(50, { error: 'expected a whole number of questions from 5 to 50' })
      .default(10),
    /** Months after signing before a member must refresh. */
    refreshMonths: z
      .number({ error: 'expected a whole number of months from 1 to 60' })
      .int({ error: 'expected a whole number of months from 1 to 60' })
      .min(1, { error: 'expected a whole number of months from 1 to 60' })
      .max(60, { error: 'expected a whole number of months from 1 to 60' }),
    /** Where the course's facts come from. */
    source: SourceSchema,
    /** The scenarios each route asks for (file names without `.yaml`); the rest are optional practice. */
    routes: z.strictObject({
      /** Played by every member at induction: together they must reach every outcome the pack's scenarios use. */
      induction: z.array(z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a scenario file name such as "01-youth-club"' })).min(1),
      /** The short set a member re-signing plays (two to four is usual). */
      refresher: z.array(z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a scenario file name such as "01-youth-club"' })).min(1),
    }),
    /** The pack's own wording for emails to members, by kind (invitation, due-soon, overdue, expiring, expired, re-sign); the rest use the defaults. */
    mail: MailTemplatesSchema.default({}),
  })
  .superRefine((pack, ctx) => {
    if (!pack.policy === !pack.documents) {
      ctx.addIssue({ code: 'custom', path: pack.policy ? ['documents'] : ['policy'], message: pack.policy
        ? 'give either "policy" (one document) or "documents" (a list), not both'
        : 'give "policy" (one document) or "documents" (a list of documents)' });
    }
    if (pack.documents && !pack.documents.some((d) => d.signed)) {
      ctx.addIssue({ code: 'custom', path: ['documents'], message: 'members must sign at least one document: remove "signed: false" from one' });
    }
    if (pack.source.file && pack.source.files) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'give either "file" or "files", not both' });
    }
  })
  .transform(({ policy, documents, source, ...pack }) => {
    /** Every document, the single `policy` becoming a one-item list that members sign. */
    const all = documents ?? [{ ...policy!, signed: true }];
    const signed = all.filter((d) => d.signed);
    return {
      ...pack,
      documents: all,
      /**
       * What members sign, as one title and one version string: the signed documents' titles and
       * versions joined; a pack with one document signs exactly its title and version.
       */
      policy: { title: signed.map((d) => d.title).join(' and '), version: signed.map((d) => d.version).join(' + ') },
      source: { citation: source.citation, files: source.files ?? (source.file ? [source.file] : []) },
    };
  });

export type Pack = z.output<typeof PackSchema>;
export type PolicyDocument = Pack['documents'][number];
export type PackInput = z.input<typeof PackSchema>;
