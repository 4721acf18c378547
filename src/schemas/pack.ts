/**
 * A course pack's `pack.yaml`: the council, the policy it teaches, and how sign-off works.
 * One schema; the TypeScript type is inferred from it, never restated.
 */
import { z } from 'zod';

/** A pack folder name: lower-case letters, digits and hyphens. */
export const PackIdSchema = z
  .string({ error: 'expected a pack ID such as "wyre"' })
  .regex(/^[a-z][a-z0-9-]*$/, { error: 'expected lower-case letters, digits and hyphens, starting with a letter' });

/** A calendar date written as YYYY-MM-DD, or YYYY-MM where the source gives only the month. */
const IsoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'expected a date written as YYYY-MM-DD (or YYYY-MM)' })
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'expected a date written as YYYY-MM-DD (or YYYY-MM)' })
    .refine((s) => {
      const day = s.length === 7 ? `${s}-01` : s;
      return !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
    }, {
      error: 'is not a real calendar date',
    }),
);

const text = (what: string) => z.string({ error: `expected text: ${what}` }).trim().min(1, { error: `must not be empty: ${what}` });

/** The policy document the pack teaches. */
export const PolicySchema = z.strictObject({
  /** The policy's title as the council publishes it. */
  title: text('the policy title'),
  /** The version members sign, e.g. "3" or "November 2017"; a new version means everyone re-signs. */
  version: z.coerce.string({ error: 'expected a version such as "3"' }).min(1),
  /** The date the policy is dated or was approved (YYYY-MM when the source gives only the month). */
  date: IsoDateSchema,
  /** Where the policy sits in the council's constitution or rules. */
  constitution: text('where the policy sits in the constitution'),
});

/** Where the course's facts come from. */
export const SourceSchema = z.strictObject({
  /** How a reader would cite the source document. */
  citation: text('how to cite the source document'),
  /** The source file kept with the project (in `tests/fixtures/seeds/`). */
  file: text('the source file name').optional(),
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
    /** The policy this pack teaches. */
    policy: PolicySchema,
    /** Who keeps the register of sign-offs and receives reports. */
    monitoringOfficer: z.strictObject({
      /** The role's title, e.g. "Monitoring Officer". */
      role: text("the Monitoring Officer's role title"),
    }),
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
  });

export type Pack = z.infer<typeof PackSchema>;
export type PackInput = z.input<typeof PackSchema>;
