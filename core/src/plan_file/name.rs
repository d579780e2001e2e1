//! The name an exported file is offered under: "Plan – Digitalt nattilsyn – 2026-12-01 14.05.json".
//! The time is in it so two exports of one plan on one day get different names.
//!
//! The title is the user's own text, so it is made safe for every place a file goes: Windows
//! and macOS file systems, zip tools and mail gateways. Letters of every script (æøå too) stay.

/// Longest title part, in characters and in UTF-8 bytes: many file systems allow 255 bytes in a
/// name, and the prefix, date and extension need room too.
const MAX_TITLE_CHARS: usize = 80;
const MAX_TITLE_BYTES: usize = 160;

/// Between the prefix, the title and the date.
const SEPARATOR: &str = " – ";

/// When a file is made, for its name: `2026-12-01 14.05` (a colon is not allowed in file names
/// on Windows; a point between hours and minutes is how Norwegian writes the time anyway).
pub fn file_stamp(date_iso: &str, hours: u32, minutes: u32) -> String {
    format!("{date_iso} {hours:02}.{minutes:02}")
}

/// "Plan – <title> – 2026-12-01 14.05.json" with the [`file_stamp`] as `date_iso`. `prefix` is the translated word ("Plan", "Planar",
/// "Plans"); an empty title gives "Plan – 2026-12-01.json".
pub fn file_name(prefix: &str, title: &str, date_iso: &str) -> String {
    file_name_as(prefix, title, date_iso, "json")
}

/// [`file_name`] with another extension (`md`, `docx`), for the plan's documents.
pub fn file_name_as(prefix: &str, title: &str, date_iso: &str, extension: &str) -> String {
    let parts =
        [safe(prefix, usize::MAX, usize::MAX), safe(title, MAX_TITLE_CHARS, MAX_TITLE_BYTES), safe(date_iso, 32, 32)];
    let stem = parts.iter().filter(|p| !p.is_empty()).map(String::as_str).collect::<Vec<_>>().join(SEPARATOR);
    match stem.as_str() {
        "" => format!("plan.{extension}"),
        // Only reachable with an empty prefix and date: "CON.json" cannot be created on Windows.
        s if is_reserved(s) => format!("_{s}.{extension}"),
        s => format!("{s}.{extension}"),
    }
}

/// `text` with refused characters replaced or dropped, whitespace collapsed, no leading or
/// trailing dots or spaces, cut to `max_chars` / `max_bytes` without splitting a character
/// sequence that reads as one (an emoji with a skin tone, a letter with an accent).
fn safe(text: &str, max_chars: usize, max_bytes: usize) -> String {
    let replaced: String = text.chars().filter_map(replacement).collect();
    let collapsed = replaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut = cut(collapsed.trim_matches(edge), max_chars, max_bytes);
    cut.trim_matches(edge).to_string()
}

/// Dots and spaces at either end: Windows drops them, and a leading dot hides a file.
fn edge(c: char) -> bool {
    c == '.' || c.is_whitespace()
}

/// What a character becomes in a file name; `None` drops it.
fn replacement(c: char) -> Option<char> {
    match c {
        // Path separators and the other characters Windows refuses.
        '/' | '\\' | '|' | ':' | '*' | '?' | '<' | '>' => Some('-'),
        '"' => Some('\''),
        // Invisible characters that reorder or hide text (a right-to-left override can make
        // "gpj.exe" look like "exe.jpg"), and the byte order mark.
        '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}' => None,
        // Control characters (tabs and line breaks too) become spaces, then collapse.
        c if c.is_control() => Some(' '),
        c => Some(c),
    }
}

/// The longest prefix of `text` within both limits that ends between two graphemes, as far as
/// a cheap check can tell.
fn cut(text: &str, max_chars: usize, max_bytes: usize) -> &str {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut end = chars.len().min(max_chars);
    while end > 0 && chars[end - 1].0 + chars[end - 1].1.len_utf8() > max_bytes {
        end -= 1;
    }
    while end > 0 && end < chars.len() && !boundary(&chars, end) {
        end -= 1;
    }
    match chars.get(end) {
        Some((at, _)) => &text[..*at],
        None => text,
    }
}

/// Whether a cut before `chars[at]` keeps graphemes whole: not before a combining mark or
/// modifier, not after a zero-width joiner, not inside a flag (a pair of regional indicators).
fn boundary(chars: &[(usize, char)], at: usize) -> bool {
    let (before, next) = (chars[at - 1].1, chars[at].1);
    if extends(next) || before == '\u{200D}' {
        return false;
    }
    let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    let run = chars[..at].iter().rev().take_while(|(_, c)| regional(*c)).count();
    !(regional(next) && run % 2 == 1)
}

/// Characters that attach to the one before them.
fn extends(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}' | '\u{200C}' | '\u{200D}'
        | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Names Windows reserves for devices, whatever the extension.
fn is_reserved(stem: &str) -> bool {
    let upper = stem.to_ascii_uppercase();
    let base = upper.split('.').next().unwrap_or_default().trim_end();
    matches!(base, "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$")
        || ["COM", "LPT"].iter().any(|dev| {
            let digit = |n: &str| (n.len() == 1 && n.as_bytes()[0].is_ascii_digit()) || matches!(n, "¹" | "²" | "³");
            base.strip_prefix(dev).is_some_and(digit)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: &str = "2026-12-01";

    /// Two exports of one plan on one day, an hour or a minute apart, get different names.
    #[test]
    fn the_time_is_in_the_name() {
        let at = |h, m| file_name("Plan", "Digitalt nattilsyn", &file_stamp(DAY, h, m));
        assert_eq!(at(9, 5), "Plan – Digitalt nattilsyn – 2026-12-01 09.05.json");
        assert_ne!(at(14, 5), at(14, 6));
        assert_ne!(at(9, 5), at(10, 5));
        assert_eq!(
            file_name_as("Plandokument", "T", &file_stamp(DAY, 23, 59), "docx"),
            "Plandokument – T – 2026-12-01 23.59.docx"
        );
    }

    #[test]
    fn plain_titles_keep_their_letters() {
        assert_eq!(file_name("Plan", "Digitalt nattilsyn", DAY), "Plan – Digitalt nattilsyn – 2026-12-01.json");
        assert_eq!(file_name("Plan", "Ærlig økonomi på Åsen", DAY), "Plan – Ærlig økonomi på Åsen – 2026-12-01.json");
        assert_eq!(file_name("Plans", "Ελληνικά 日本語 עברית", DAY), "Plans – Ελληνικά 日本語 עברית – 2026-12-01.json");
    }

    #[test]
    fn an_empty_title_leaves_prefix_and_date() {
        assert_eq!(file_name("Plan", "", DAY), "Plan – 2026-12-01.json");
        assert_eq!(file_name("Planar", "  \t ", DAY), "Planar – 2026-12-01.json");
        assert_eq!(file_name("Plan", "...", DAY), "Plan – 2026-12-01.json");
        assert_eq!(file_name("", "", ""), "plan.json");
    }

    #[test]
    fn reserved_characters_are_replaced() {
        assert_eq!(
            file_name("Plan", r#"Sak 2027/42: "ny" <løsning>?"#, DAY),
            "Plan – Sak 2027-42- 'ny' -løsning-- – 2026-12-01.json"
        );
        assert_eq!(file_name("Plan", r"a\b|c*d", DAY), "Plan – a-b-c-d – 2026-12-01.json");
        let name = file_name("Plan", "<script>alert(1)</script>", DAY);
        assert!(!name.contains(['<', '>', '/']), "{name}");
    }

    #[test]
    fn control_and_invisible_characters_go() {
        assert_eq!(file_name("Plan", "Linje 1\nLinje\t2\u{0}\u{7}", DAY), "Plan – Linje 1 Linje 2 – 2026-12-01.json");
        assert_eq!(file_name("Plan", "faktura\u{202E}gpj.exe", DAY), "Plan – fakturagpj.exe – 2026-12-01.json");
        assert_eq!(file_name("Plan", "\u{FEFF}Tittel\u{200B}", DAY), "Plan – Tittel – 2026-12-01.json");
        assert_eq!(file_name("Plan", "a  \u{a0} b", DAY), "Plan – a b – 2026-12-01.json", "whitespace collapses");
    }

    #[test]
    fn leading_and_trailing_dots_and_spaces_go() {
        assert_eq!(file_name("Plan", " ..skjult. ", DAY), "Plan – skjult – 2026-12-01.json");
        assert_eq!(file_name("Plan", "v. 2.0...", DAY), "Plan – v. 2.0 – 2026-12-01.json");
    }

    #[test]
    fn windows_device_names_are_harmless() {
        // With a prefix and a date the name is never a device name; the title is kept as is.
        assert_eq!(file_name("Plan", "CON", DAY), "Plan – CON – 2026-12-01.json");
        // Alone, it would be one.
        for device in ["CON", "nul", "Com1", "LPT9", "aux.txt"] {
            let name = file_name("", device, "");
            assert_eq!(name, format!("_{device}.json"));
        }
        assert_eq!(file_name("", "CONTRACT", ""), "CONTRACT.json");
        assert_eq!(file_name("", "COM10", ""), "COM10.json");
    }

    #[test]
    fn long_titles_are_cut_to_eighty_characters() {
        let title = "æ".repeat(300);
        let name = file_name("Plan", &title, DAY);
        assert_eq!(name, format!("Plan – {} – 2026-12-01.json", "æ".repeat(80)));
        let spaced = format!("{}  rest", "a".repeat(79));
        assert_eq!(
            file_name("Plan", &spaced, DAY),
            format!("Plan – {} – 2026-12-01.json", "a".repeat(79)),
            "no trailing space"
        );
    }

    #[test]
    fn emoji_stay_whole() {
        assert_eq!(file_name("Plan", "Plan 🚀 for 2027", DAY), "Plan – Plan 🚀 for 2027 – 2026-12-01.json");
        // 4-byte characters: the byte limit cuts first, between two whole emoji.
        let rockets = "🚀".repeat(100);
        let name = file_name("Plan", &rockets, DAY);
        assert_eq!(name, format!("Plan – {} – 2026-12-01.json", "🚀".repeat(40)));
        // A family (joined by zero-width joiners), a skin tone and a flag are never split.
        let family = "👩\u{200D}👩\u{200D}👧";
        for unit in [family, "👍🏽", "🇳🇴", "e\u{301}"] {
            for pad in 70..80 {
                let title = format!("{}{}", "a".repeat(pad), unit.repeat(5));
                let name = file_name("", &title, "");
                let kept = name.trim_end_matches(".json").trim_start_matches('a');
                assert!(
                    kept.len().is_multiple_of(unit.len()) && unit.repeat(kept.len() / unit.len()) == kept,
                    "{pad}: {kept:?}"
                );
            }
        }
    }
}
