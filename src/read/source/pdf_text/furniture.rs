//! Page furniture of a PDF's text: folios, job numbers, barcodes, the symbol and the
//! running title repeated on every page.

use super::clean::clean_spaces;
use crate::read::lex::label::{operative_number, sub_label};
use crate::read::lex::masthead::{find_symbol, job_number};
use crate::read::lex::organ::formula_organ;

/// Folios ("2/5"), the symbol, job numbers, barcodes and date stamps, alone or together on a line.
pub(crate) fn is_furniture(t: &str, symbol: Option<&str>) -> bool {
    if symbol == Some(t) && !t.trim().is_empty() {
        return true;
    }
    // A first token of furniture starts with a digit or sign (folio, job number, date
    // stamp), '*' (barcode) or as the symbol does: most lines fail on their first byte.
    if let Some(&first) = t.as_bytes().first() {
        if first.is_ascii_graphic()
            && !matches!(first, b'0'..=b'9' | b'+' | b'*')
            && symbol.is_none_or(|s| s.as_bytes().first() != Some(&first))
        {
            return false;
        }
    }
    // Tokens are read one at a time: most lines fail on their first.
    let mut tokens = t.split_whitespace().peekable();
    if tokens.peek().is_none() {
        return false;
    }
    let mut any = false;
    while let Some(tok) = tokens.next() {
        let is = is_folio(tok)
            || symbol == Some(tok)
            || job_number(tok).is_some()
            || (tok == "(E)" && any)
            // The release date stamp ("021118"), next to the job number or alone.
            || (tok.len() == 6
                && tok.bytes().all(|b| b.is_ascii_digit())
                && (any || tokens.peek().is_none()))
            || (tok.len() > 2
                && tok.starts_with('*')
                && tok.ends_with('*')
                && tok[1..tok.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric()));
        if !is {
            return false;
        }
        any = true;
    }
    any
}

pub(crate) fn is_folio(tok: &str) -> bool {
    let Some((a, b)) = tok.split_once('/') else {
        return false;
    };
    let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return false;
    };
    x >= 1 && x <= y && y <= 500 && !a.starts_with('0')
}

pub(crate) fn is_note_rule(t: &str) -> bool {
    t.len() >= 5 && t.chars().all(|c| c == '_')
}

/// A rule typed as a line of hyphens (`---`), set above a page's notes in texts typed or
/// cleaned by hand: no text of the document. The notes under it are read as notes are
/// anywhere in the body (a number, then the note's text).
pub(crate) fn is_typed_rule(t: &str) -> bool {
    t.len() >= 3 && t.chars().all(|c| c == '-')
}

/// The title from the number-and-title line and what follows it up to the formula.
pub(crate) fn title_guess(lines: &[(usize, &str)]) -> Option<String> {
    let start = lines.iter().position(|(_, l)| {
        let t = l.trim();
        let head = t.split_whitespace().next().unwrap_or("");
        head.ends_with('.')
            && head.contains('/')
            && head
                .trim_end_matches('.')
                .split('/')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    })?;
    let mut title = String::new();
    let first = clean_spaces(lines[start].1);
    let rest = first.split_once(' ').map(|x| x.1).unwrap_or("");
    title.push_str(rest);
    for (_, l) in lines.iter().skip(start + 1).take(6) {
        let t = clean_spaces(l);
        if t.is_empty() {
            if title.is_empty() {
                continue;
            }
            break;
        }
        if formula_organ(&t).is_some() {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(&t);
    }
    (!title.is_empty()).then_some(title)
}

/// A running head with the (short) title, next to other furniture.
pub(crate) fn is_running_title(
    t: &str,
    title: Option<&str>,
    lines: &[(usize, &str)],
    next: usize,
) -> bool {
    let Some(title) = title else { return false };
    let tn = t.trim();
    // Longer than the title: neither the title nor a line of it.
    if tn.len() > title.len()
        || t.ends_with(['.', ',', ';', ':'])
        || t.split_whitespace().nth(1).is_none()
    {
        return false;
    }
    // The running head is the title, or a line of it when it wraps.
    if !(title == tn || (contains_short(title, tn) && tn.split_whitespace().nth(2).is_some())) {
        return false;
    }
    // Furniture (symbol, folio, job number) must be close by: it is a page head, not the title itself.
    let near = |l: &&(usize, &str)| {
        let c = clean_spaces(l.1);
        is_folio(&c) || find_symbol(&c).is_some_and(|s| s == c) || job_number(&c).is_some()
    };
    let after = lines.iter().skip(next).take(4).any(|l| near(&l));
    let before = lines
        .iter()
        .take(next.saturating_sub(1))
        .rev()
        .take(4)
        .any(|l| near(&l));
    after || before
}

/// `hay.contains(needle)` for a short haystack, such as a title: a plain scan costs less
/// than setting up the general searcher for every line.
pub(crate) fn contains_short(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    // UTF-8 is self-synchronising: a byte match of a whole text is a match of its characters.
    h.len() >= n.len()
        && h.windows(n.len())
            .any(|w| w.first() == Some(&first) && w == n)
}

/// The pieces of a line between runs of three or more spaces (the columns of layout text).
fn pieces(l: &str) -> impl Iterator<Item = &str> {
    l.split("   ").map(str::trim).filter(|p| !p.is_empty())
}

/// The lines of the running head at the top of each page after the first, found by the
/// symbol standing alone as a column of the page's first block of lines, and by the
/// short title beside it: in one block with it (layout text) or in the block just before
/// or after it (plain text), told by its repeating at other page heads or, on a
/// document of two pages, by its shape (a few lines that end no sentence).
pub(crate) fn page_heads(lines: &[(usize, &str)], symbol: Option<&str>) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let Some(symbol) = symbol else {
        return out;
    };
    // The first blocks (runs of lines between blank lines) of each page after the first.
    let mut pages: Vec<Vec<Vec<usize>>> = Vec::new();
    for (s, _) in lines
        .iter()
        .enumerate()
        .filter(|(_, (_, l))| l.contains('\x0C'))
    {
        let mut blocks: Vec<Vec<usize>> = Vec::new();
        let mut cur: Vec<usize> = Vec::new();
        for (k, (_, l)) in lines.iter().enumerate().skip(s) {
            if (k > s && l.contains('\x0C')) || blocks.len() == 3 || cur.len() > 5 {
                break;
            }
            if l.trim_matches(|c: char| c.is_whitespace()).is_empty() {
                if !cur.is_empty() {
                    blocks.push(std::mem::take(&mut cur));
                }
            } else {
                cur.push(k);
            }
        }
        if !cur.is_empty() && blocks.len() < 3 {
            blocks.push(cur);
        }
        pages.push(blocks);
    }
    let text_of = |b: &[usize]| -> String {
        b.iter()
            .filter_map(|&k| lines.get(k))
            .map(|(_, l)| clean_spaces(&l.replace('\x0C', "")))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let alone = |b: &[usize]| b.len() == 1 && text_of(b) == symbol;
    let has_symbol = |b: &[usize]| {
        b.iter()
            .filter_map(|&k| lines.get(k))
            .any(|(_, l)| pieces(&l.replace('\x0C', "")).any(|p| p == symbol))
    };
    // Block texts seen at the page heads, to tell a short title by its repeating.
    let mut seen: Vec<String> = pages
        .iter()
        .flat_map(|p| p.iter().take(2).map(|b| text_of(b)))
        .collect();
    seen.sort_unstable();
    let repeats = |t: &str| seen.iter().filter(|s| s.as_str() == t).count() > 1;
    let title_like = |b: &[usize]| {
        let t = text_of(b);
        b.len() <= 4
            && (repeats(&t)
                || (pages.len() <= 2
                    && t.len() <= 200
                    && !t.ends_with(['.', ',', ';', ':'])
                    && operative_number(&t).is_none()
                    && sub_label(&t).is_none()))
    };
    for blocks in &pages {
        let mut mark = |b: &Vec<usize>| {
            for &k in b {
                if let Some(o) = out.get_mut(k) {
                    *o = true;
                }
            }
        };
        match (blocks.first(), blocks.get(1)) {
            (Some(a), b) if has_symbol(a) => {
                mark(a);
                if let Some(b) = b.filter(|b| alone(a) && title_like(b)) {
                    mark(b);
                }
            }
            (Some(a), Some(b)) if alone(b) && title_like(a) => {
                mark(a);
                mark(b);
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn typed_rules() {
        assert!(super::is_typed_rule("---"));
        assert!(super::is_typed_rule("----------"));
        assert!(!super::is_typed_rule("--"));
        assert!(!super::is_typed_rule("- - -"));
        assert!(!super::is_typed_rule("-- text"));
    }

    use super::page_heads;

    fn heads(text: &str, symbol: &str) -> Vec<String> {
        let lines: Vec<(usize, &str)> = text.lines().enumerate().collect();
        page_heads(&lines, Some(symbol))
            .iter()
            .zip(&lines)
            .filter(|(h, _)| **h)
            .map(|(_, (_, l))| l.replace('\x0C', "").trim().to_string())
            .collect()
    }

    #[test]
    fn layout_heads_with_the_symbol_as_a_column_are_furniture() {
        // Even page: symbol left, title right; odd page: the mirror, the title wrapped
        // with the symbol beside its last line.
        let text = "body line one;\n\
\x0CA/RES/9/9                                  A short title\n\
\n\
     2. Decides something;\n\
\x0C                                  A longer title that wraps\n\
                                  onto a second line            A/RES/9/9\n\
\n\
     3. Requests more;\n";
        assert_eq!(
            heads(text, "A/RES/9/9"),
            [
                "A/RES/9/9                                  A short title",
                "A longer title that wraps",
                "onto a second line            A/RES/9/9"
            ]
        );
        // The symbol inside a sentence is no column of a head.
        let text = "x\n\x0C     Recalling resolution A/RES/9/9 of 2001,\nand more\n";
        assert!(heads(text, "A/RES/9/9").is_empty());
    }

    #[test]
    fn plain_heads_take_the_title_block_beside_the_symbol() {
        let text = "end of page one,\n\
\x0CA/RES/9/9\n\
\n\
A short title\n\
\n\
Recalling its resolution,\n\
\x0CA short title\n\
\n\
A/RES/9/9\n\
\n\
4. Decides;\n\
\x0CA/RES/9/9\n\
\n\
A short title\n\
\n\
5. Requests;\n";
        assert_eq!(
            heads(text, "A/RES/9/9"),
            [
                "A/RES/9/9",
                "A short title",
                "A short title",
                "A/RES/9/9",
                "A/RES/9/9",
                "A short title"
            ]
        );
        // Two pages: the block after the symbol is the title when it ends no sentence.
        let two = "one,\n\x0CA/RES/9/9\n\nA short title\n\nRecalling also,\n";
        assert_eq!(heads(two, "A/RES/9/9"), ["A/RES/9/9", "A short title"]);
        let two = "one,\n\x0CA/RES/9/9\n\n4. Decides to act;\n\nmore\n";
        assert_eq!(heads(two, "A/RES/9/9"), ["A/RES/9/9"]);
    }
}
