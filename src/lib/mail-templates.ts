/**
 * What each email says: a subject and a body per kind, in plain text with `{placeholders}`, made
 * into the plain-text part and an HTML part. A pack may replace any kind's subject or body under
 * `mail:` in its pack.yaml (README, "Adding a council's own pack"). Pure. In the HTML every value
 * and every word of the template is escaped; the personal link alone becomes a link.
 */

/** The kinds sent to members. */
export const MEMBER_KINDS = ['invitation', 'due-soon', 'overdue', 'expiring', 'expired', 're-sign'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export type MailKind = MemberKind | 'digest' | 'admin-setup';

/** The placeholders a template may use. */
export const PLACEHOLDERS = ['name', 'council', 'officer', 'link', 'due', 'expires', 'version', 'minutes'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type MailValues = Record<Placeholder, string>;

export interface Template {
  subject: string;
  body: string;
}

const SIGN_OFF = '{officer}\n{council}';

export const DEFAULT_TEMPLATES: Record<MemberKind, Template> = {
  invitation: {
    subject: '{council}: your social media course',
    body: 'Dear {name},\n\nPlease take {council}\'s social media course and sign the policy by {due}. It takes about {minutes} minutes, and you can stop and carry on later.\n\nYour personal course link:\n{link}\n\nThe link is for you alone: it saves your progress to your record. Please do not forward it.\n\n' + SIGN_OFF,
  },
  'due-soon': {
    subject: 'Reminder: {council} social media course due by {due}',
    body: 'Dear {name},\n\nA reminder that the social media course and sign-off are due by {due}. It takes about {minutes} minutes.\n\nYour personal course link:\n{link}\n\n' + SIGN_OFF,
  },
  overdue: {
    subject: 'Overdue: {council} social media course',
    body: 'Dear {name},\n\nThe social media course and sign-off were due by {due} and are not yet done. Please complete them as soon as you can: it takes about {minutes} minutes.\n\nYour personal course link:\n{link}\n\nIf something is stopping you, please tell me.\n\n' + SIGN_OFF,
  },
  expiring: {
    subject: 'Your social media policy sign-off runs out on {expires}',
    body: 'Dear {name},\n\nYour sign-off of {council}\'s social media policy runs out on {expires}. Please take the refresher and sign again before then.\n\nYour personal course link:\n{link}\n\n' + SIGN_OFF,
  },
  expired: {
    subject: 'Your social media policy sign-off has run out',
    body: 'Dear {name},\n\nYour sign-off of {council}\'s social media policy ran out on {expires}. Please take the refresher and sign again.\n\nYour personal course link:\n{link}\n\n' + SIGN_OFF,
  },
  're-sign': {
    subject: '{council}\'s social media policy has changed: please sign again',
    body: 'Dear {name},\n\nThe social media policy (or the course that teaches it) has changed: it is now {version}. Please take the refresher and sign the new version.\n\nYour personal course link:\n{link}\n\n' + SIGN_OFF,
  },
};

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const PLACEHOLDER = /\{([a-z]+)\}/g;

/** Placeholders in `text` that are not known, for the pack's check. */
export const unknownPlaceholders = (text: string): string[] =>
  [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));

const fill = (text: string, values: MailValues): string =>
  text.replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name as Placeholder] : whole));

/** One paragraph as HTML: the template's words and each value escaped; the link a link. */
function htmlParagraph(paragraph: string, values: MailValues): string {
  const parts = paragraph.split(PLACEHOLDER);
  // split with a capture group alternates literal text and placeholder names.
  const html = parts.map((part, i) => {
    if (i % 2 === 0) return escapeHtml(part);
    if (!(part in values)) return escapeHtml(`{${part}}`);
    const value = escapeHtml(values[part as Placeholder]);
    return part === 'link' ? `<a href="${value}">${value}</a>` : value;
  }).join('');
  return `<p>${html.replace(/\n/g, '<br>\n')}</p>`;
}

export function renderHtml(body: string, values: MailValues, title: string): string {
  const paragraphs = body.split(/\n{2,}/).map((p) => htmlParagraph(p, values)).join('\n');
  return `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5">\n${paragraphs}\n</body></html>\n`;
}

/** A member's message: the pack's template for the kind, or the default, filled. */
export function renderMemberMail(kind: MemberKind, values: MailValues, overrides: Partial<Record<MemberKind, Partial<Template>>> = {}): Rendered {
  const template = { ...DEFAULT_TEMPLATES[kind], ...overrides[kind] };
  // A subject is one line, whatever a value holds.
  const subject = fill(template.subject, values).replace(/\s+/g, ' ').trim();
  return { subject, text: `${fill(template.body, values)}\n`, html: renderHtml(template.body, values, subject) };
}

export interface DigestCounts {
  council: string;
  members: number;
  signed: number;
  due: number;
  overdue: number;
  expiring: number;
  reSign: number;
}

/** The officer's weekly digest: per course, the counts; and how many emails failed. */
export function renderDigest(officerName: string, counts: readonly DigestCounts[], failed: number, dashboard: string): Rendered {
  const lines = counts.map((c) =>
    `${c.council}: ${c.members} members. ${c.signed} signed, ${c.due} due (not yet overdue), ${c.overdue} overdue, ${c.expiring} with a sign-off running out within 30 days, ${c.reSign} to sign again (expired or policy changed).`);
  const failures = failed === 0 ? 'No email has failed.' : `${failed} email${failed === 1 ? '' : 's'} could not be sent: see the mail page.`;
  const body = `Dear ${officerName},\n\nThis week's social media course figures:\n\n${lines.join('\n\n')}\n\n${failures}\n\nThe dashboard: ${dashboard}`;
  const subject = 'Social media course: this week\'s figures';
  const esc = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5">\n${
    [`Dear ${officerName},`, 'This week\'s social media course figures:', ...lines, failures].map(esc).join('\n')
  }\n<p>The dashboard: <a href="${escapeHtml(dashboard)}">${escapeHtml(dashboard)}</a></p>\n</body></html>\n`;
  return { subject, text: `${body}\n`, html };
}

/** A colleague's setup link: an invitation to sign in to the admin area, or a password reset. */
export function renderAdminSetup(notice: { name: string; by: string; link: string; kind: 'invitation' | 'reset'; hours: number }): Rendered {
  const subject = notice.kind === 'invitation' ? 'Social media course: set up your admin account' : 'Social media course: set a new password';
  const opening = notice.kind === 'invitation'
    ? `${notice.by} has given you an account on the social media course's admin area, where the councillors' sign-offs are kept.`
    : `${notice.by} has reset your password for the social media course's admin area: your old password no longer works.`;
  const values = { name: notice.name, link: notice.link } as MailValues;
  const body = `Dear {name},\n\n${opening.replace(/[{}]/g, '')}\n\nChoose your password here (the link works once, within ${notice.hours} hours):\n{link}\n\nIf you did not expect this email, tell ${notice.by.replace(/[{}]/g, '')} and do not use the link.`;
  return { subject, text: `${fill(body, values)}\n`, html: renderHtml(body, values, subject) };
}
