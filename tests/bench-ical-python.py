#!/usr/bin/python3
# bench-ical-python.py: the second reference of bench-cli for --export-ics:
# python3-icalendar building the same events and writing them.
#
#   bench-ical-python.py IN.ics OUT.ics
#
# Reads the calendar MutualPlan exported, builds it as icalendar objects
# (Calendar.from_ical: every event and property made by the library) and
# writes it serialised (to_ical), as bench-ical-libical.c does with libical.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import sys

from icalendar import Calendar

with open(sys.argv[1], 'rb') as f:
    cal = Calendar.from_ical(f.read())
if not cal.walk('VEVENT'):
    sys.exit(f'{sys.argv[1]}: no events')
with open(sys.argv[2], 'wb') as f:
    f.write(cal.to_ical())
