// ical-check.mjs FILE…: reads iCalendar files with ical.js (Mozilla's
// parser, used by Thunderbird) and prints one JSON object per VEVENT, for
// test-ical to compare with what libical reads. Exit 77 when ical.js is
// not installed (`cd tests && npm install`).
import { readFileSync } from 'node:fs';

let ICAL;
try {
  ICAL = (await import('ical.js')).default;
} catch (e) {
  process.exit(77);
}

function when(prop) {
  if (!prop) return null;
  const t = prop.getFirstValue();
  const p = (n, w = 2) => String(n).padStart(w, '0');
  let s = p(t.year, 4) + p(t.month) + p(t.day);
  if (!t.isDate) {
    s += 'T' + p(t.hour) + p(t.minute) + p(t.second);
    if (t.zone === ICAL.Timezone.utcTimezone && !prop.getParameter('tzid')) s += 'Z';
  }
  return s;
}

for (const path of process.argv.slice(2)) {
  const cal = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  for (const ev of cal.getAllSubcomponents('vevent')) {
    const rrule = ev.getFirstPropertyValue('rrule');
    const obj = {
      file: path,
      method: cal.getFirstPropertyValue('method') || '',
      uid: ev.getFirstPropertyValue('uid'),
      summary: ev.getFirstPropertyValue('summary') || '',
      description: ev.getFirstPropertyValue('description') || '',
      location: ev.getFirstPropertyValue('location') || '',
      start: when(ev.getFirstProperty('dtstart')),
      end: when(ev.getFirstProperty('dtend')),
      tzid: ev.getFirstProperty('dtstart').getParameter('tzid') || '',
      sequence: ev.getFirstPropertyValue('sequence') || 0,
      interval: rrule ? (rrule.interval || 1) : 0,
      attendees: ev.getAllProperties('attendee').map((a) => a.getParameter('cn') || ''),
      alarms: ev.getAllSubcomponents('valarm').length,
    };
    const sorted = {};
    for (const k of Object.keys(obj).sort()) sorted[k] = obj[k];
    console.log(JSON.stringify(sorted));
  }
}
