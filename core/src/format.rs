//! How the app writes dates, moments, money, numbers and sizes, in each language. A leaf: the
//! documents, the decision texts, the legal amounts and the UI all write them through here, so
//! an amount reads the same everywhere (and [`crate::amount::parse_nok`] reads every one back).

use crate::Lang;

/// `2027-03-01` → `01.03.2027` (Norwegian) or `1 March 2027` (English, with no-break spaces so
/// a date never breaks across lines); other text unchanged.
pub fn format_date(iso: &str, lang: Lang) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let (Some(y), Some(m), Some(d)) = (parts.first(), parts.get(1), parts.get(2)) else {
        return iso.to_string();
    };
    let (Ok(_), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>()) else {
        return iso.to_string();
    };
    if parts.len() != 3 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return iso.to_string();
    }
    match lang {
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            format!("{day}\u{a0}{}\u{a0}{y}", MONTHS[month - 1])
        }
        Lang::Nb | Lang::Nn => format!("{day:02}.{month:02}.{y}"),
    }
}

/// A moment (milliseconds since the Unix epoch) as a local date and time, `07.12.2026 14:05` or
/// `7 December 2026 14:05`; `utc_offset_minutes` is how far local time was ahead of UTC then.
pub fn format_moment(ms: u64, utc_offset_minutes: i32, lang: Lang) -> String {
    let local = ms as i64 / 60_000 + i64::from(utc_offset_minutes);
    let (days, minutes) = (local.div_euclid(1440), local.rem_euclid(1440));
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let date = format_date(&format!("{year:04}-{month:02}-{day:02}"), lang);
    format!("{date} {:02}:{:02}", minutes / 60, minutes % 60)
}

/// "12 kB" for a size in UTF-16 units, as browsers count storage (two bytes each).
pub fn format_kilobytes(units: usize) -> String {
    format!("{}\u{a0}kB", (units * 2).div_ceil(1000).max(1))
}

/// `3400000` → `3 400 000 kr` (Norwegian, with a no-break space) or `NOK 3,400,000` (English).
pub fn format_nok(amount: u64, lang: Lang) -> String {
    let grouped = format_number(amount, lang);
    match lang {
        Lang::En => format!("NOK {grouped}"),
        Lang::Nb | Lang::Nn => format!("{grouped}\u{a0}kr"),
    }
}

/// A whole number with thousands grouped: `1\u{a0}400\u{a0}000` (Norwegian), `1,400,000` (English).
pub fn format_number(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = if lang == Lang::En { ',' } else { '\u{a0}' };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_amounts_and_dates() {
        assert_eq!(format_nok(3_400_000, Lang::En), "NOK 3,400,000");
        assert_eq!(format_nok(1_300_000, Lang::Nb), "1\u{a0}300\u{a0}000\u{a0}kr");
        assert_eq!(format_nok(999, Lang::Nn), "999\u{a0}kr");
        assert_eq!(format_date("2027-03-01", Lang::Nb), "01.03.2027");
        assert_eq!(format_date("2027-03-01", Lang::En), "1\u{a0}March\u{a0}2027");
        assert_eq!(format_date("soon", Lang::En), "soon");
        assert_eq!(format_date("2027-13-01", Lang::En), "2027-13-01");
    }
}
