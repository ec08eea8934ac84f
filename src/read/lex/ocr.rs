//! Paragraph numbers damaged by OCR in scanned texts: "14," (a comma for the full stop),
//! "ll." (two letters l for 11), "1,".

/// The rest of `s` when it opens with a damaged number that stands for `expected`, the
/// number due next; `None` for a number printed whole (read elsewhere) or any other text.
pub(crate) fn damaged_number(s: &str, expected: u32) -> Option<&str> {
    let (tok, rest) = s.split_once(' ')?;
    let body = tok.strip_suffix(['.', ','])?;
    let digits = body.chars().filter(char::is_ascii_digit).count();
    // One capital alone is a section's roman number ("I."), not a damaged 1; a lower-case
    // "i." or "l." before a capital is.
    if body.is_empty()
        || body.len() > 3
        || (digits == 0 && body.len() < 2 && body != "i" && body != "l")
    {
        return None;
    }
    if tok.ends_with('.') && digits == body.len() {
        return None;
    }
    let read: String = body
        .chars()
        .map(|c| match c {
            'l' | 'I' | 'i' => '1',
            'O' | 'o' => '0',
            c => c,
        })
        .collect();
    let rest = rest.trim_start();
    (read == expected.to_string() && rest.starts_with(char::is_uppercase)).then_some(rest)
}

/// Whether the sub-paragraph label `label` ("(6)") is `expected` ("(b)") damaged by OCR:
/// the same shape, a digit where a letter like it stood.
pub(crate) fn damaged_label(label: &str, expected: &str) -> bool {
    let strip = |s: &str| s.trim_matches(['(', ')']).to_string();
    let (got, want) = (strip(label), strip(expected));
    let like = |g: char, w: char| {
        g == w || matches!((g, w), ('6', 'b') | ('0', 'o') | ('1', 'l') | ('1', 'i'))
    };
    got != want
        && label.replace(&got, "") == expected.replace(&want, "")
        && got.chars().count() == want.chars().count()
        && got.chars().zip(want.chars()).all(|(g, w)| like(g, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_numbers_read_as_the_number_due() {
        assert_eq!(
            damaged_number("14, Urges all States", 14),
            Some("Urges all States")
        );
        assert_eq!(
            damaged_number("ll. Calls once again", 11),
            Some("Calls once again")
        );
        assert_eq!(
            damaged_number("1, Approves the report", 1),
            Some("Approves the report")
        );
        assert_eq!(damaged_number("14. Urges", 14), None);
        assert_eq!(damaged_number("14, Urges", 15), None);
        assert_eq!(damaged_number("I. Global context", 1), None);
        assert_eq!(
            damaged_number("i. Condemns the proclamation", 1),
            Some("Condemns the proclamation")
        );
        assert_eq!(damaged_number("1, 2 and 3 of the annex", 1), None);
        assert!(damaged_label("(6)", "(b)"));
        assert!(!damaged_label("(b)", "(b)"));
        assert!(!damaged_label("(7)", "(b)"));
        assert!(!damaged_label("6)", "(b)"));
    }
}
