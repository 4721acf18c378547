/** The committee report's figures, shared by the printable page and the PDF. */
import { byIsoDate, byName, type DashboardRow } from './dashboard.ts';
import { TextPdf, GREY } from './pdf-writer.ts';

export interface Group { name: string; total: number; signed: number; rate: number }
export interface CommitteeReport {
  date: string;
  tables: { title: string; groups: Group[] }[];
  overdue: { name: string; role: string; wardOrCommittee: string; dueDate: string }[];
}

const roleName = (role: string) => (role === 'councillor' ? 'Councillor' : 'Co-opted member');

export function committeeReport(rows: readonly DashboardRow[], council: (pack: string) => string, now = new Date()): CommitteeReport {
  const group = (key: (r: DashboardRow) => string): Group[] => {
    const map = new Map<string, { total: number; signed: number }>();
    for (const r of rows) {
      const g = map.get(key(r)) ?? { total: 0, signed: 0 };
      g.total++;
      if (r.status === 'signed') g.signed++;
      map.set(key(r), g);
    }
    return [...map].sort(([a], [b]) => byName(a, b))
      .map(([name, g]) => ({ name, ...g, rate: g.total ? Math.round((g.signed * 100) / g.total) : 0 }));
  };
  return {
    date: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(now),
    tables: [
      { title: 'By course', groups: group((r) => council(r.pack)) },
      { title: 'By role', groups: group((r) => (r.role === 'councillor' ? 'Councillors' : 'Co-opted members')) },
      { title: 'By ward or committee', groups: group((r) => r.ward_or_committee) },
    ],
    overdue: rows.filter((r) => r.status === 'overdue').sort((a, b) => byIsoDate(a.due_date, b.due_date) || byName(a.name, b.name))
      .map((r) => ({ name: r.name, role: roleName(r.role), wardOrCommittee: r.ward_or_committee, dueDate: r.due_date })),
  };
}

export const REPORT_TITLE = 'Social media policy: completion report';
export const REPORT_NOTE = '"Completed" means signed the current version of the policy within its refresh period.';

export async function reportPdf(report: CommitteeReport): Promise<Uint8Array> {
  const pdf = await TextPdf.create({ title: `${REPORT_TITLE}, ${report.date}` });
  const { body, heavy } = pdf;
  pdf.write(REPORT_TITLE, heavy, 20, 8);
  pdf.write(`For the Standards Committee, ${report.date}. ${REPORT_NOTE}`, body, 11, 14, GREY);
  const widths = [pdf.width - 210, 70, 70, 70];
  for (const table of report.tables) {
    pdf.write(table.title, heavy, 13, 4);
    pdf.row(['Group', 'Members', 'Completed', 'Rate'], widths, heavy);
    for (const g of table.groups) pdf.row([g.name, String(g.total), String(g.signed), `${g.rate}%`], widths, body);
    pdf.y -= 10;
  }
  pdf.write(`Overdue members (${report.overdue.length})`, heavy, 13, 4);
  if (report.overdue.length === 0) pdf.write('None.', body, 10);
  const overdueWidths = [pdf.width - 260, 100, 90, 70];
  if (report.overdue.length > 0) pdf.row(['Name', 'Role', 'Ward or committee', 'Due'], overdueWidths, heavy);
  for (const o of report.overdue) pdf.row([o.name, o.role, o.wardOrCommittee, o.dueDate], overdueWidths, body);
  return pdf.save();
}
