//! The Code 39 barcode of the job number at the foot of page 1, drawn as filled
//! rectangles (the print uses a barcode font; vectors need no font).

use super::paper::Paper;

/// Width of a narrow element and of a wide one, bar height, in points: nine
/// characters (`*1818142*`) span about 101 pt, as printed.
const NARROW: f32 = 0.7;
const WIDE: f32 = 2.1;
const HEIGHT: f32 = 12.0;
/// Lower left corner of the barcode on Letter paper.
const X: f32 = 65.4;
const Y: f32 = 28.0;

/// The nine elements of a character (bar, space, bar, …): `true` for wide.
/// Digits, the dash and the start/stop character `*`.
fn pattern(c: char) -> Option<&'static str> {
    Some(match c {
        '0' => "nnnwwnwnn",
        '1' => "wnnwnnnnw",
        '2' => "nnwwnnnnw",
        '3' => "wnwwnnnnn",
        '4' => "nnnwwnnnw",
        '5' => "wnnwwnnnn",
        '6' => "nnwwwnnnn",
        '7' => "nnnwnnwnw",
        '8' => "wnnwnnwnn",
        '9' => "nnwwnnwnn",
        '-' => "nwnnnnwnw",
        '*' => "nwnnwnwnn",
        _ => return None,
    })
}

/// The text a job number is encoded as: its digits between start and stop
/// (`18-18142` → `*1818142*`), or `None` when it has other characters.
pub fn text(job: &str) -> Option<String> {
    let digits: String = job.chars().filter(|c| *c != '-').collect();
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| format!("*{digits}*"))
}

/// The bars of `text` as (x offset, width), left to right.
pub fn bars(text: &str) -> Vec<(f32, f32)> {
    let mut out = Vec::with_capacity(text.len() * 5);
    let mut x = 0.0;
    for c in text.chars() {
        let Some(p) = pattern(c) else {
            continue;
        };
        for (k, e) in p.chars().enumerate() {
            let w = if e == 'w' { WIDE } else { NARROW };
            if k % 2 == 0 {
                out.push((x, w));
            }
            x += w;
        }
        // The gap between characters.
        x += NARROW;
    }
    out
}

/// Appends the barcode of `text` to a content stream.
pub fn draw(out: &mut Vec<u8>, text: &str, paper: Paper) {
    use std::io::Write;
    let _ = writeln!(out, "q 0 g");
    for (x, w) in bars(text) {
        let _ = writeln!(
            out,
            "{} {} {} {} re",
            X + x + paper.dx,
            Y + paper.dy,
            w,
            HEIGHT
        );
    }
    let _ = writeln!(out, "f Q");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_number_as_printed() {
        assert_eq!(text("18-18142").as_deref(), Some("*1818142*"));
        assert_eq!(text("18-1814A"), None);
        let b = bars("*1818142*");
        // Five bars a character; three of the nine elements are wide.
        assert_eq!(b.len(), 45);
        let wide = b.iter().filter(|(_, w)| *w == WIDE).count();
        assert!(wide > 0 && wide < 45);
        let (x, w) = b.last().copied().unwrap_or_default();
        assert!((x + w - 100.1).abs() < 0.01, "{}", x + w);
    }

    #[test]
    fn every_character_has_three_wide_elements() {
        for c in "0123456789-*".chars() {
            let p = pattern(c).unwrap_or("");
            assert_eq!(p.len(), 9);
            assert_eq!(p.matches('w').count(), 3, "{c}");
        }
    }
}
