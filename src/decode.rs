//! Bytes to normalised text: BOM sniffing, UTF-16, a Windows-1252 fallback,
//! line endings folded to `\n`, NFC.

use crate::diag::Diagnostic;
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
    if let Some(pos) = raw
        .char_indices()
        .find(|&(_, c)| is_binary_char(c))
        .map(|(i, _)| i)
    {
        return Err(DecodeError::Binary(pos));
    }
    let raw = if raw.contains('\r') {
        fold_line_endings(&raw)
    } else {
        raw
    };
    // Most texts are NFC already: a quick check spares the copy through the normaliser.
    let text = match unicode_normalization::is_nfc_quick(raw.chars()) {
        unicode_normalization::IsNormalized::Yes => raw,
        _ => raw.nfc().collect(),
    };
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
            warnings.push(Diagnostic::warning(
                line,
                "not valid UTF-8; decoded as Windows-1252",
            ));
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(s.into_owned())
        }
    }
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
