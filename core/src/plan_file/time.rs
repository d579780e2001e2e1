//! UTC timestamps and ISO dates without a clock or a date library: the core has no web-sys, and
//! a file's `exportedAt` must not depend on the machine's time zone.

const MS_PER_DAY: u64 = 86_400_000;

/// `2026-12-01T10:15:00Z` for milliseconds since the Unix epoch (the milliseconds dropped).
pub(super) fn iso_from_ms(ms: u64) -> String {
    let (days, rest) = (ms / MS_PER_DAY, ms % MS_PER_DAY);
    let (y, m, d) = civil_from_days(days as i64);
    let secs = rest / 1000;
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs / 60 % 60, secs % 60)
}

/// Reads what [`iso_from_ms`] writes (optionally with `.sss` milliseconds). `None` for any
/// other text.
pub(super) fn ms_from_iso(text: &str) -> Option<u64> {
    let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
    let (y, m, d) = parse_date(date)?;
    let (hms, millis) = match time.split_once('.') {
        Some((hms, frac)) if frac.len() == 3 => (hms, digits(frac)?),
        Some(_) => return None,
        None => (time, 0),
    };
    let mut parts = hms.split(':');
    let mut part = |max: u64| parts.next().filter(|p| p.len() == 2).and_then(digits).filter(|n| *n <= max);
    let (h, min, s) = (part(23)?, part(59)?, part(59)?);
    if parts.next().is_some() {
        return None;
    }
    let days = u64::try_from(days_from_civil(y, m, d)).ok()?;
    let secs = h * 3600 + min * 60 + s;
    days.checked_mul(MS_PER_DAY)?.checked_add(secs * 1000 + millis)
}

/// True for a real calendar day written `YYYY-MM-DD`. The year may have up to six digits: a
/// browser's date input accepts years up to 275760 and the app stores what it gives.
pub(super) fn is_iso_date(text: &str) -> bool {
    parse_date(text).is_some()
}

fn parse_date(text: &str) -> Option<(i64, u32, u32)> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !(4..=6).contains(&y.len()) || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (digits(y)? as i64, digits(m)? as u32, digits(d)? as u32);
    (y >= 1 && (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)).then_some((y, m, d))
}

/// The number an all-ASCII-digit text stands for (`u64::from_str` would also take a `+`).
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Year, month and day of a day count since 1970-01-01 (H. Hinnant's civil_from_days: the
/// year is counted from 1 March, so the leap day is the last day of a year).
pub(super) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The inverse of [`civil_from_days`].
pub(super) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let (m, d) = (i64::from(m), i64::from(d));
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants_format_in_utc() {
        assert_eq!(iso_from_ms(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_from_ms(951_868_800_000), "2000-03-01T00:00:00Z");
        assert_eq!(iso_from_ms(951_782_400_000), "2000-02-29T00:00:00Z", "2000 is a leap year");
        assert_eq!(iso_from_ms(1_796_120_100_999), "2026-12-01T10:15:00Z", "milliseconds are dropped");
        assert_eq!(iso_from_ms(4_107_542_399_000), "2100-02-28T23:59:59Z", "2100 is not a leap year");
        assert_eq!(iso_from_ms(253_402_300_799_000), "9999-12-31T23:59:59Z");
        assert_eq!(iso_from_ms(u64::MAX), "584556019-04-03T14:25:51Z", "no overflow at the very end");
    }

    #[test]
    fn day_counts_round_trip_over_centuries() {
        for days in (-800_000..800_000).step_by(37) {
            let (y, m, d) = civil_from_days(days);
            assert!((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d), "{days}: {y}-{m}-{d}");
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        // Consecutive days are consecutive dates.
        let mut last = civil_from_days(-1);
        for days in 0..20_000 {
            let next = civil_from_days(days);
            assert!(next > last, "{last:?} then {next:?}");
            last = next;
        }
    }

    #[test]
    fn timestamps_read_back() {
        for ms in [0, 1_796_120_100_000, 951_782_400_000, 253_402_300_799_000] {
            assert_eq!(ms_from_iso(&iso_from_ms(ms)), Some(ms));
        }
        assert_eq!(ms_from_iso("2026-12-01T10:15:00.250Z"), Some(1_796_120_100_250));
        let bad = [
            "",
            "2026-12-01",
            "2026-12-01T10:15:00",
            "2026-12-01T24:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-12-01T10:15:00+01:00",
            "2026-12-01T1:15:00Z",
            "+2026-12-01T10:15:00Z",
            "2026-12-01T10:15:00.5Z",
        ];
        for bad in bad {
            assert_eq!(ms_from_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_are_real_calendar_days() {
        for good in ["2027-03-16", "2028-02-29", "2000-02-29", "0001-01-01", "275760-09-13"] {
            assert!(is_iso_date(good), "{good}");
        }
        let bad = [
            "",
            "2027-3-16",
            "2027-02-29",
            "1900-02-29",
            "2027-13-01",
            "2027-00-10",
            "2027-01-32",
            "0000-01-01",
            "27-01-01",
            "2027-01-01T00:00",
            "2027/01/01",
            "+027-01-01",
            "2027-01-+1",
            "١٢٣٤-01-01",
        ];
        for bad in bad {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }
}
