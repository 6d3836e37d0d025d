import { describeLocalDates } from './local-date.shared';

// TZ=Asia/Tokyo (set by the tz-tokyo project): UTC+9 all year, ahead of Iraq by 6 hours.
describeLocalDates({ name: 'Asia/Tokyo', offsetOn20200103: -540 });
