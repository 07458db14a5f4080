// Runs the db suites of the LINE side (users, groups, inbox, outbox, reminders, broadcasts), complaints and
// administration on better-sqlite3 and D1 (grouped for speed: see runtime-and-agencies.test.ts).
import './suites/line.ts';
import './suites/webhook-inbox.ts';
import './suites/outbox.ts';
import './suites/reminders-and-broadcasts.ts';
import './suites/complaints.ts';
import './suites/complaint-attachments.ts';
import './suites/conversation-state.ts';
import './suites/admin.ts';
