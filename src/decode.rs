//! Bytes to normalised text: BOM sniffing, UTF-16, a Windows-1252 fallback,
//! line endings folded to `\n`, NFC.

use crate::diag::{Diagnostic, Kind};
use unicode_normalization::UnicodeNormalization;

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty input")]
    Empty,
    #[error("binary data, not text (NUL bytes or control characters at byte {0})")]
    Binary(usize),
    #[error("invalid UTF-16: odd number of bytes")]
    OddUtf16,
}

/// Decoded text and any warning about how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<Diagnostic>,
}

/// Decodes `bytes` to NFC text with `\n` line endings.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let mut warnings = Vec::new();
    let raw: String = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_or_1252(rest, &mut warnings)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        utf8_or_1252(bytes, &mut warnings)?
    };
    if raw.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let nfc = scan(&raw).map_err(DecodeError::Binary)?;
    let raw = if raw.contains('\r') {
        fold_line_endings(&raw)
    } else {
        raw
    };
    // Most texts are NFC already: the quick check spares the copy through the normaliser.
    let text = if nfc { raw } else { raw.nfc().collect() };
    Ok(Decoded { text, warnings })
}

fn utf16(bytes: &[u8], f: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if bytes.len() % 2 != 0 {
        return Err(DecodeError::OddUtf16);
    }
    let units = bytes.chunks_exact(2).map(|c| f([c[0], c[1]]));
    Ok(char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect())
}

fn utf8_or_1252(bytes: &[u8], warnings: &mut Vec<Diagnostic>) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            // Control bytes that Windows-1252 would not produce mean binary data.
            if let Some(pos) = bytes.iter().position(|&b| b == 0) {
                return Err(DecodeError::Binary(pos));
            }
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            warnings.push(Diagnostic::warn(
                Kind::Encoding,
                line,
                "not valid UTF-8; decoded as Windows-1252",
            ));
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(s.into_owned())
        }
    }
}

/// One pass over the text: `Err` with the byte offset of the first character that marks
/// binary data ([`is_binary_char`]), else whether the text is NFC by the quick check
/// (`unicode_normalization::is_nfc_quick(s.chars())` is `Yes`).
///
/// Plain ASCII is skipped eight bytes at a time; it resets the quick check's state, so
/// only the other characters are looked up, and the common ones need no look-up.
fn scan(s: &str) -> Result<bool, usize> {
    use unicode_normalization::{char::canonical_combining_class, IsNormalized};
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let b = s.as_bytes();
    let mut nfc = true;
    let mut last_cc = 0u8;
    let mut i = 0;
    while let Some(&byte) = b.get(i) {
        // Eight bytes at once when none is a control character, DEL or beyond ASCII.
        if let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
            let x = u64::from_le_bytes(w);
            let del = x ^ (0x7F * ONES);
            let plain = x & HIGH == 0
                && x.wrapping_sub(0x20 * ONES) & !x & HIGH == 0
                && del.wrapping_sub(ONES) & !del & HIGH == 0;
            if plain {
                last_cc = 0;
                i += 8;
                continue;
            }
        }
        if byte.is_ascii() {
            if is_binary_char(char::from(byte)) {
                return Err(i);
            }
            last_cc = 0;
            i += 1;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        if is_binary_char(c) {
            return Err(i);
        }
        i += c.len_utf8();
        if !nfc || nfc_starter(c) {
            last_cc = 0;
            continue;
        }
        // The quick check's own steps (unicode-normalization's `quick_check`).
        let cc = canonical_combining_class(c);
        if last_cc > cc && cc != 0
            || unicode_normalization::is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
        {
            nfc = false;
        }
        last_cc = cc;
    }
    Ok(nfc)
}

/// Common characters that are starters and NFC by themselves (a test checks them): Latin,
/// Cyrillic letters, dashes and quotation marks.
fn nfc_starter(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{2ff}' | '\u{400}'..='\u{482}' | '\u{48a}'..='\u{4ff}' | '\u{2010}'..='\u{2027}')
}

/// Control characters other than tab, newline, carriage return and form feed.
fn is_binary_char(c: char) -> bool {
    (c.is_control()
        && !matches!(c, '\t' | '\n' | '\r' | '\x0C')
        && !('\u{80}'..='\u{9F}').contains(&c))
        || c == '\u{FFFE}'
        || c == '\u{FFFF}'
}

fn fold_line_endings(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_utf16_and_line_endings_agree() {
        let plain = decode("Caf\u{e9}\nline two\n".as_bytes()).unwrap().text;
        let bom = decode("\u{feff}Caf\u{e9}\r\nline two\r\n".as_bytes())
            .unwrap()
            .text;
        let mut le = vec![0xFF, 0xFE];
        for u in "Caf\u{e9}\rline two\r".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let mut be = vec![0xFE, 0xFF];
        for u in "Cafe\u{301}\nline two\n".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(bom, plain);
        assert_eq!(decode(&le).unwrap().text, plain);
        // NFC folds the combining accent.
        assert_eq!(decode(&be).unwrap().text, plain);
    }

    #[test]
    fn windows_1252_fallback_warns() {
        let d = decode(b"\x93quoted\x94 caf\xe9\n").unwrap();
        assert_eq!(d.text, "\u{201c}quoted\u{201d} caf\u{e9}\n");
        assert_eq!(d.warnings.len(), 1);
    }

    /// What `decode` did before [`scan`]: the first binary character, else the quick check.
    fn scan_by_chars(s: &str) -> Result<bool, usize> {
        if let Some((i, _)) = s.char_indices().find(|&(_, c)| is_binary_char(c)) {
            return Err(i);
        }
        Ok(unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes)
    }

    #[test]
    fn scan_agrees_with_char_checks() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if nfc_starter(c) {
                assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            }
            for s in [
                format!("ab{c}d"),
                format!("abcdefghijklmn{c}\u{301}"),
                format!("\u{316}{c}"),
                format!("a\u{316}{c}\nabcdefgh"),
            ] {
                assert_eq!(scan(&s), scan_by_chars(&s), "{s:?}");
            }
        }
        for s in [
            "",
            "plain",
            "e\u{301}",
            "\u{301}e",
            "a\u{316}\u{301}b",
            "a\u{301}\u{316}b",
            "“Quoted” — Ёлка\r\n",
            "x\u{1100}\u{1161}y",
            "tab\tfeed\x0Cbell\x07",
            "long line of plain text that runs on\x7f",
        ] {
            let long = format!("{}{s}", "a".repeat(130));
            for t in [s, long.as_str()] {
                assert_eq!(scan(t), scan_by_chars(t), "{t:?}");
            }
        }
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b"  \n\n").unwrap_err(), DecodeError::Empty);
        assert!(matches!(
            decode(b"abc\x00def").unwrap_err(),
            DecodeError::Binary(_)
        ));
        assert!(matches!(
            decode(b"\x7fELF\x02\x01\x01\x00\x00").unwrap_err(),
            DecodeError::Binary(_)
        ));
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0x41]).unwrap_err(),
            DecodeError::OddUtf16
        ));
    }
}
