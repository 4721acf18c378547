/**
 * The server's mail round, every COURSE_MAIL_INTERVAL_SECONDS (default 300): queue what is due
 * (reminders, this week's digests), then send what is queued. Off when mail is off. A round that is
 * still running when the next is due is not overlapped. `npm run mail` runs the same round.
 */
import type { DatabaseSync } from 'node:sqlite';
import { mailSetting, smtpSender, type MailSetting } from './mail-config.ts';
import { queueAllInvitations, queueDue, sendQueued, type MailContext } from './mailer.ts';
import { anythingToSend } from './outbox.ts';

export interface RoundResult {
  invited: number;
  reminders: number;
  digests: number;
  sent: number;
  failed: number;
}

/** One round: optionally invite everyone never invited, optionally queue what is due, then send. */
export async function mailRound(db: DatabaseSync, ctx: MailContext, setting: MailSetting, { invite = false, due = true, actor = 'mail schedule', now = () => new Date() } = {}): Promise<RoundResult> {
  const invited = invite ? queueAllInvitations(db, actor, ctx, now()) : 0;
  const { reminders, digests } = due ? queueDue(db, ctx, now()) : { reminders: 0, digests: 0 };
  if (!setting.on || !anythingToSend(db, now())) return { invited, reminders, digests, sent: 0, failed: 0 };
  const sender = smtpSender(setting.config);
  try {
    return { invited, reminders, digests, ...(await sendQueued(db, sender.send, now)) };
  } finally {
    sender.close();
  }
}

let timer: NodeJS.Timeout | undefined;
let running = false;
let again = false;
let round: (() => Promise<void>) | undefined;

/** Starts the schedule (once), with the first round shortly after start-up. */
export function startMailSchedule(db: () => DatabaseSync, context: () => Promise<MailContext>): void {
  const setting = mailSetting();
  if (timer || !setting.on) return;
  const seconds = Number(process.env.COURSE_MAIL_INTERVAL_SECONDS);
  const every = (Number.isFinite(seconds) && seconds > 0 ? seconds : 300) * 1000;
  round = async () => {
    // One round at a time; a kick during a round runs one more after it.
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await mailRound(db(), await context(), setting);
      } while (again);
    } catch (error) {
      // A round that fails (the database busy, the relay refusing) is tried again next time.
      console.error(`Mail round failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  timer = setInterval(round, every);
  timer.unref();
  setTimeout(round, Math.min(every, 2000)).unref();
}

/** Runs a round now (after an officer queued invitations), without waiting for it; nothing when mail is off. */
export function kickMail(): void {
  void round?.();
}
