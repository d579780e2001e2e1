//! Reads the amounts people type (`2,5 mill`, `kr 1 200 000,-`) into whole kroner. A leaf: the
//! plan keeps an amount's draft until it reads, and the decision helper and the worksheets read
//! their amount fields through here.

/// Words for the currency, before or after the number (`kr 1 200 000`, `1200000 kr`,
/// `NOK 1,200,000`), and the `,-` written after whole kroner (`1200,-`). Longest first.
const CURRENCY_WORDS: [&str; 6] = ["kroner", "kr.", "kr", "nok", ",-", ",–"];

/// Words that scale the number (`2,5 mill`, `1,2 mrd`), lowercase. Longest first, so `millioner`
/// is not read as `mill` + `ioner`.
const SCALE_WORDS: [(&str, u128); 14] = [
    ("milliardar", 1_000_000_000),
    ("milliarder", 1_000_000_000),
    ("millionar", 1_000_000),
    ("millioner", 1_000_000),
    ("milliard", 1_000_000_000),
    ("millions", 1_000_000),
    ("million", 1_000_000),
    ("thousand", 1_000),
    ("mill.", 1_000_000),
    ("tusen", 1_000),
    ("mrd.", 1_000_000_000),
    ("mill", 1_000_000),
    ("mln", 1_000_000),
    ("mrd", 1_000_000_000),
];

/// Reads an amount the way Norwegians write money, into whole kroner. Empty means no amount;
/// anything it cannot read is an error (never a guess). What it reads:
///
/// - digits, with groups of three split by spaces (also no-break), dots or commas:
///   `1200000`, `1 200 000`, `1.200.000`, `NOK 1,200,000`;
/// - øre after a decimal comma (or point), one or two digits: `1 200 000,50`. Øre are rounded
///   to the nearest krone (50 øre up). One comma or point followed by exactly three digits is a
///   thousands separator (`1,200` is 1 200 kr), since øre have at most two digits;
/// - `kr`, `kr.`, `kroner` or `NOK` before or after, and `,-` after: `kr 1 200 000`, `1200000 kr`;
/// - `tusen`, `mill`, `mill.`, `mln`, `million(er)`, `mrd`, `mrd.` and `milliard(er)` after the
///   number, which may then have decimals: `2,5 mill`, `2,5 millioner`, `1,2 mrd`.
///
/// Not read: negative amounts, letters or other signs, groups that are not three digits
/// (`12 00`), groups split by two kinds of separator (`1 200.000`), amounts above `u64::MAX`.
// One way to fail (the text is not an amount), and callers only ask whether it failed.
#[allow(clippy::result_unit_err)]
pub fn parse_nok(text: &str) -> Result<Option<u64>, ()> {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' { ' ' } else { c })
        .collect::<String>()
        .to_lowercase();
    let mut rest = spaced.trim();
    if rest.is_empty() {
        return Ok(None);
    }
    if let Some(word) = CURRENCY_WORDS.iter().find(|w| rest.starts_with(*w) && !w.starts_with(',')) {
        rest = rest[word.len()..].trim_start();
    }
    while let Some(word) = CURRENCY_WORDS.iter().find(|w| rest.ends_with(*w)) {
        rest = rest[..rest.len() - word.len()].trim_end();
    }
    let mut scale = 1u128;
    if let Some((word, factor)) = SCALE_WORDS.iter().find(|(w, _)| rest.ends_with(w)) {
        scale = *factor;
        rest = rest[..rest.len() - word.len()].trim_end();
    }
    let (whole, fraction) = split_number(rest, scale > 1).ok_or(())?;
    let ten_pow = 10u128.checked_pow(fraction.len() as u32).ok_or(())?;
    let frac: u128 = if fraction.is_empty() { 0 } else { fraction.parse().map_err(|_| ())? };
    let whole: u128 = whole.parse().map_err(|_| ())?;
    // In units of 1 / 10^decimals krone, then rounded half up to whole kroner.
    let scaled = whole
        .checked_mul(scale)
        .and_then(|w| w.checked_mul(ten_pow))
        .and_then(|w| w.checked_add(frac * scale))
        .ok_or(())?;
    let kroner = (scaled + ten_pow / 2) / ten_pow;
    u64::try_from(kroner).map(Some).map_err(|_| ())
}

/// Splits a number into its whole-kroner digits and its decimal digits, checking the grouping.
/// `scaled` (a word like `mill` follows) means a single comma or point is always a decimal mark.
fn split_number(s: &str, scaled: bool) -> Option<(String, String)> {
    if s.is_empty()
        || !s.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | ','))
        || !s.starts_with(|c: char| c.is_ascii_digit())
        || !s.ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let (dots, commas) = (s.matches('.').count(), s.matches(',').count());
    let decimal_mark = match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let (mark, count) = if dots > 0 { ('.', dots) } else { (',', commas) };
            let tail = s.rsplit(mark).next().unwrap_or("");
            (count == 1 && (scaled || tail.len() != 3)).then_some(mark)
        }
        // Both: the last one is the decimal mark (`1.200.000,50`, `1,200,000.50`).
        _ => s.chars().rev().find(|c| matches!(c, '.' | ',')),
    };
    let (int_part, fraction) = match decimal_mark {
        Some(mark) => {
            let (i, f) = s.rsplit_once(mark)?;
            if s.matches(mark).count() != 1 || !f.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            if !scaled && f.len() > 2 {
                return None;
            }
            (i, f)
        }
        None => (s, ""),
    };
    // One kind of separator between groups: `1 200.000` is more likely a typo than an amount.
    if [' ', '.', ','].iter().filter(|c| int_part.contains(**c)).count() > 1 {
        return None;
    }
    let groups: Vec<&str> = int_part.split([' ', '.', ',']).collect();
    let grouped_ok =
        groups.len() == 1 || (matches!(groups[0].len(), 1..=3) && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok || groups.iter().any(|g| g.is_empty()) {
        return None;
    }
    Some((groups.concat(), fraction.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::format_nok;
    use crate::Lang;

    #[test]
    fn parses_typed_amounts() {
        assert_eq!(parse_nok(""), Ok(None));
        assert_eq!(parse_nok("  "), Ok(None));
        assert_eq!(parse_nok("3400000"), Ok(Some(3_400_000)));
        assert_eq!(parse_nok("3 400 000"), Ok(Some(3_400_000)));
        assert_eq!(parse_nok("3\u{a0}400\u{a0}000"), Ok(Some(3_400_000)));
        assert_eq!(parse_nok("3.400.000"), Ok(Some(3_400_000)));
        assert_eq!(parse_nok("-5"), Err(()));
        assert_eq!(parse_nok("99999999999999999999999"), Err(()));
    }

    /// How Norwegians (and English speakers) write money, and what each one means.
    #[test]
    fn parses_amounts_as_norwegians_write_them() {
        let cases: &[(&str, Option<u64>)] = &[
            ("1 200 000", Some(1_200_000)),
            ("1.200.000", Some(1_200_000)),
            ("1,200,000", Some(1_200_000)),
            ("1200000", Some(1_200_000)),
            ("  1200000  ", Some(1_200_000)),
            ("1\u{202f}200\u{202f}000", Some(1_200_000)),
            ("1 200 000,50", Some(1_200_001)),
            ("1 200 000,49", Some(1_200_000)),
            ("1 200 000,5", Some(1_200_001)),
            ("1.200.000,50", Some(1_200_001)),
            ("1,200,000.50", Some(1_200_001)),
            ("1200000.25", Some(1_200_000)),
            ("0,50", Some(1)),
            ("0,49", Some(0)),
            ("0", Some(0)),
            ("1,200", Some(1_200)),
            ("1.200", Some(1_200)),
            ("12,5", Some(13)),
            ("2,5 mill", Some(2_500_000)),
            ("2,5 mill.", Some(2_500_000)),
            ("2,5mill", Some(2_500_000)),
            ("2,5 millioner", Some(2_500_000)),
            ("2,5 millionar", Some(2_500_000)),
            ("2.5 million", Some(2_500_000)),
            ("NOK 2.5 million", Some(2_500_000)),
            ("2,5 mill. kr", Some(2_500_000)),
            ("2,5 millioner kroner", Some(2_500_000)),
            ("3 mill", Some(3_000_000)),
            ("3 MILL", Some(3_000_000)),
            ("1 million", Some(1_000_000)),
            ("1,25 mln", Some(1_250_000)),
            ("1,250 mill", Some(1_250_000)),
            ("1,2 mrd", Some(1_200_000_000)),
            ("1,2 mrd.", Some(1_200_000_000)),
            ("1,2 milliarder", Some(1_200_000_000)),
            ("1 milliard", Some(1_000_000_000)),
            ("0,0000001 mill", Some(0)),
            ("1,2345675 mill", Some(1_234_568)),
            ("1 200 mill", Some(1_200_000_000)),
            ("500 tusen", Some(500_000)),
            ("kr 1 200 000", Some(1_200_000)),
            ("kr. 1 200 000", Some(1_200_000)),
            ("Kr 1 200 000", Some(1_200_000)),
            ("kr1200000", Some(1_200_000)),
            ("1200000 kr", Some(1_200_000)),
            ("1200000kr", Some(1_200_000)),
            ("1 200 000 kroner", Some(1_200_000)),
            ("1 200 000,-", Some(1_200_000)),
            ("kr 1 200 000,-", Some(1_200_000)),
            ("1 200 000 kr,-", Some(1_200_000)),
            ("NOK 1,200,000", Some(1_200_000)),
            ("nok 1 200 000", Some(1_200_000)),
            ("1 200 000 NOK", Some(1_200_000)),
            ("1\u{a0}300\u{a0}000\u{a0}kr", Some(1_300_000)),
            ("18446744073709551615", Some(u64::MAX)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_nok(text), Ok(*expected), "{text:?}");
        }
    }

    /// What is refused rather than guessed at.
    #[test]
    fn refuses_amounts_it_cannot_read() {
        let refused = [
            "abc",
            "12 abc",
            "kr",
            "NOK",
            "mill",
            "-5",
            "- 5",
            "+5",
            "5-",
            "1e6",
            "1/2",
            "12 00",
            "1 2000",
            "1.20.000",
            "1200 000",
            "1..200",
            "1, 200",
            ".5",
            ",5",
            "5.",
            "5,",
            "1,200,00",
            "1.200,000",
            "1,2,3",
            "1 200 000,505",
            "1 200.000",
            "1.200 000",
            "1 200,50,5",
            "1.5.0",
            "kr kr",
            "mill 2",
            "2 mill mill",
            "2,5 mrd mill",
            "1 200 000 euro",
            "$1200",
            "1200 €",
            "18446744073709551616",
            "99999999999999999999999",
            "99999999999999 mrd",
            "½",
            "١٢٣",
        ];
        for text in refused {
            assert_eq!(parse_nok(text), Err(()), "{text:?} should be refused");
        }
    }

    proptest::proptest! {
        /// Whatever the app writes, it reads back: format_nok → parse_nok in every language.
        #[test]
        fn formatted_amounts_read_back(amount: u64) {
            for lang in [Lang::Nb, Lang::Nn, Lang::En] {
                proptest::prop_assert_eq!(parse_nok(&format_nok(amount, lang)), Ok(Some(amount)));
            }
        }

        /// Plain digits and digits grouped by spaces or dots read as the same number.
        #[test]
        fn grouped_digits_read_back(amount in 0u64..1_000_000_000_000_000) {
            let plain = amount.to_string();
            let grouped = |sep: &str| {
                let len = plain.len();
                plain.chars().enumerate().fold(String::new(), |mut s, (i, c)| {
                    if i > 0 && (len - i) % 3 == 0 { s.push_str(sep); }
                    s.push(c);
                    s
                })
            };
            proptest::prop_assert_eq!(parse_nok(&plain), Ok(Some(amount)));
            proptest::prop_assert_eq!(parse_nok(&grouped(" ")), Ok(Some(amount)));
            proptest::prop_assert_eq!(parse_nok(&format!("kr {}", grouped("."))), Ok(Some(amount)));
            proptest::prop_assert_eq!(parse_nok(&format!("{},-", grouped(" "))), Ok(Some(amount)));
        }

        /// Millions with up to two decimals are exact.
        #[test]
        fn millions_with_decimals(whole in 0u64..100_000, hundredths in 0u64..100) {
            let text = format!("{whole},{hundredths:02} mill");
            proptest::prop_assert_eq!(parse_nok(&text), Ok(Some(whole * 1_000_000 + hundredths * 10_000)));
        }

        /// Any text at all: an answer or a refusal, never a panic.
        #[test]
        fn never_panics(text in "\\PC{0,40}") {
            let _ = parse_nok(&text);
        }
    }
}
