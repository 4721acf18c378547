-- Placeholder: 007 is another branch's number (the mail outbox). Delete this file when that branch's
-- 007 is merged; it changes nothing, and only keeps 008 from being a gap until then.
SELECT 1;
