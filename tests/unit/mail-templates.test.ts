/** What emails say: the defaults filled, a pack's own wording, and everything a person typed escaped in the HTML. */
import { describe, expect, it } from 'vitest';
import { renderDigest, renderMemberMail, type MailValues } from '../../src/lib/mail-templates.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { MailTemplatesSchema } from '../../src/schemas/mail.ts';
import { parsePack } from '../../src/lib/pack.ts';

const values: MailValues = {
  name: 'Siân <script>alert(1)</script> & "Co"', council: 'Wyre Council', officer: 'Monitoring Officer',
  link: 'https://course.example/c/abc/?a=1&b=2', due: '30 June 2026', expires: '', version: 'version 3', minutes: '42',
};

describe('member emails', () => {
  it('fill the council, the officer, the due date and the link, in text and HTML', () => {
    const m = renderMemberMail('invitation', values);
    expect(m.subject).toBe('Wyre Council: your social media course');
    expect(m.text).toContain('Dear Siân <script>alert(1)</script> & "Co",');
    expect(m.text).toContain('by 30 June 2026. It takes about 42 minutes');
    expect(m.text).toContain('https://course.example/c/abc/?a=1&b=2\n');
    expect(m.text).toMatch(/Monitoring Officer\nWyre Council\n$/);
    expect(m.html).toContain('<a href="https://course.example/c/abc/?a=1&amp;b=2">https://course.example/c/abc/?a=1&amp;b=2</a>');
  });
  it('escape what a person typed in the HTML', () => {
    const { html } = renderMemberMail('overdue', values);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Dear Siân &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;,');
  });
  it('keep a subject to one line', () => {
    expect(renderMemberMail('invitation', { ...values, council: 'Wyre\r\nBcc: x@example.org' }).subject).toBe('Wyre Bcc: x@example.org: your social media course');
  });
  it('use a pack\'s own subject or body for a kind, and the default for the rest', () => {
    const own = { invitation: { subject: 'Training from the {officer}' } };
    expect(renderMemberMail('invitation', values, own).subject).toBe('Training from the Monitoring Officer');
    expect(renderMemberMail('invitation', values, own).text).toContain('Your personal course link:');
    expect(renderMemberMail('overdue', values, own).subject).toBe('Overdue: Wyre Council social media course');
  });
});

describe('a pack\'s mail wording', () => {
  it('is refused with the placeholders it may use when it names an unknown one', () => {
    const result = MailTemplatesSchema.safeParse({ invitation: { body: 'Dear {firstname}' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('{name}, {council}, {officer}, {link}');
    expect(MailTemplatesSchema.safeParse({ reminder: { body: 'x' } }).success).toBe(false);
    expect(MailTemplatesSchema.parse({ overdue: { body: 'Dear {name}, {link}' } })).toEqual({ overdue: { body: 'Dear {name}, {link}' } });
  });
  it('is read from pack.yaml, and a wrong placeholder there fails with the file and field named', () => {
    const wyre = parse(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'wyre', 'pack.yaml'), 'utf8'));
    const file = 'content/wyre/pack.yaml';
    expect(parsePack(stringify({ ...wyre, mail: { overdue: { subject: 'Late, {name}' } } }), file, 'wyre').mail).toEqual({ overdue: { subject: 'Late, {name}' } });
    expect(parsePack(stringify(wyre), file, 'wyre').mail).toEqual({});
    expect(() => parsePack(stringify({ ...wyre, mail: { overdue: { subject: 'Late, {firstname}' } } }), file, 'wyre')).toThrow(/mail\.overdue\.subject[\s\S]*\{name\}/);
  });
});

describe('the digest', () => {
  it('gives each course\'s counts and the failures, escaped in the HTML', () => {
    const d = renderDigest('Morag <b>Officer</b>', [{ council: 'Wyre Council', members: 6, signed: 2, due: 1, overdue: 1, expiring: 1, reSign: 2 }], 3, 'https://course.example/admin/');
    expect(d.text).toContain('Wyre Council: 6 members. 2 signed, 1 due (not yet overdue), 1 overdue, 1 with a sign-off running out within 30 days, 2 to sign again');
    expect(d.text).toContain('3 emails could not be sent');
    expect(d.html).toContain('Dear Morag &lt;b&gt;Officer&lt;/b&gt;,');
  });
});
