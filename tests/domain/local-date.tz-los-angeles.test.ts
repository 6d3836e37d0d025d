import { describeLocalDates } from './local-date.shared';

// TZ=America/Los_Angeles (set by the tz-los-angeles project): UTC−8 in January, behind Iraq by 11 hours.
describeLocalDates({ name: 'America/Los_Angeles', offsetOn20200103: 480 });
