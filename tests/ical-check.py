#!/usr/bin/python3
# ical-check.py FILE…: reads iCalendar files with python3-icalendar (Debian)
# and prints one JSON object per VEVENT, for test-ical to compare with
# what libical reads. Exit 77 when the module is missing.
import json
import sys

try:
    import icalendar
except ImportError:
    sys.exit(77)


def when(prop):
    if prop is None:
        return None
    v = prop.dt
    if hasattr(v, 'hour'):
        s = v.strftime('%Y%m%dT%H%M%S')
        if v.tzinfo is not None and str(v.tzinfo) in ('UTC', 'UTC+00:00') and 'TZID' not in prop.params:
            s += 'Z'
        return s
    return v.strftime('%Y%m%d')


for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        cal = icalendar.Calendar.from_ical(f.read())
    for ev in cal.walk('VEVENT'):
        att = ev.get('ATTENDEE')
        if att is None:
            att = []
        elif not isinstance(att, list):
            att = [att]
        rrule = ev.get('RRULE')
        print(json.dumps({
            'file': path,
            'method': str(cal.get('METHOD', '')),
            'uid': str(ev.get('UID')),
            'summary': str(ev.get('SUMMARY', '')),
            'description': str(ev.get('DESCRIPTION', '')),
            'location': str(ev.get('LOCATION', '')),
            'start': when(ev.get('DTSTART')),
            'end': when(ev.get('DTEND')),
            'tzid': ev['DTSTART'].params.get('TZID', ''),
            'sequence': int(ev.get('SEQUENCE', 0)),
            'interval': int(rrule.get('INTERVAL', [1])[0]) if rrule else 0,
            'attendees': [str(a.params.get('CN', '')) for a in att],
            'alarms': len(ev.walk('VALARM')),
        }, ensure_ascii=False, sort_keys=True))
