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

/// A running head with the (short) title, next to other furniture. `furniture_after`:
/// the text sets each page head's title before its last furniture line (PyMuPDF's order:
/// symbol, title, job number, folio; or title, symbol, folio, job number), so a line of
/// the title's words just after the furniture is the body going on.
pub(crate) fn is_running_title(
    t: &str,
    title: Option<&str>,
    lines: &[(usize, &str)],
    next: usize,
    furniture_after: bool,
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
    if furniture_after {
        return after;
    }
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

/// The running-head lines of a text without form feeds (PyMuPDF's pages joined): the
/// lines next to each page head's furniture (the symbol alone, folio, job number) that
/// repeat beside the furniture of another page head. A short title wrapped over several
/// lines is found whole this way, its last line of one or two words too; a line of the
/// body beside a page head is kept, as it does not repeat at the other heads.
/// `furniture_after`: the text sets the title before each head's last furniture line
/// (PyMuPDF's order, as in [`is_running_title`]): the lines below the head are body.
pub(crate) fn repeated_heads(
    lines: &[(usize, &str)],
    symbol: Option<&str>,
    furniture_after: bool,
) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    if symbol.is_none() {
        return out;
    }
    let texts: Vec<String> = lines.iter().map(|(_, l)| clean_spaces(l)).collect();
    let anchor = |k: usize| texts.get(k).is_some_and(|t| is_furniture(t, symbol));
    // A line that could be a line of a running title: it ends no sentence or clause and
    // opens no numbered paragraph or list item.
    let head_like = |t: &str| {
        !t.is_empty()
            && !t.ends_with(['.', ',', ';', ':'])
            && t.chars().any(char::is_alphabetic)
            && operative_number(t).is_none()
            && sub_label(t).is_none()
    };
    // Page heads: runs of furniture lines with at most a few lines between them.
    let mut clusters: Vec<(usize, usize)> = Vec::new();
    for k in (0..lines.len()).filter(|&k| anchor(k)) {
        match clusters.last_mut() {
            Some((_, end)) if k <= *end + 6 => *end = k,
            _ => clusters.push((k, k)),
        }
    }
    // The lines beside each head, outward up to four non-blank lines, up to the first
    // line that cannot be a line of a title.
    let beside = |from: usize, up: bool| -> Vec<usize> {
        let mut found = Vec::new();
        let mut k = from;
        while found.len() < 4 {
            let next = if up { k.checked_sub(1) } else { Some(k + 1) };
            let Some(n) = next.filter(|&n| n < lines.len()) else {
                break;
            };
            k = n;
            let t = texts.get(k).map_or("", String::as_str);
            if t.is_empty() || anchor(k) {
                continue;
            }
            if !head_like(t) {
                break;
            }
            found.push(k);
        }
        found
    };
    // Per head: the lines above it, those between its furniture lines, those below it.
    let sides: Vec<Vec<usize>> = clusters
        .iter()
        .flat_map(|&(a, b)| {
            let inner = (a + 1..b)
                .filter(|&k| !anchor(k) && texts.get(k).is_some_and(|t| head_like(t)))
                .collect();
            let below = if furniture_after {
                Vec::new()
            } else {
                beside(b, false)
            };
            [beside(a, true), inner, below]
        })
        .collect();
    let mut seen: Vec<(&str, usize)> = sides
        .iter()
        .enumerate()
        .flat_map(|(c, ks)| ks.iter().map(move |&k| (k, c / 3)))
        .filter_map(|(k, c)| texts.get(k).map(|t| (t.as_str(), c)))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    let repeats = |t: &str| seen.iter().filter(|(s, _)| *s == t).count() > 1;
    // From each head outward, the lines that repeat, up to the first that does not.
    for ks in &sides {
        for &k in ks {
            if !texts.get(k).is_some_and(|t| repeats(t)) {
                break;
            }
            if let Some(o) = out.get_mut(k) {
                *o = true;
            }
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

    fn repeated(text: &str, furniture_after: bool) -> Vec<String> {
        let lines: Vec<(usize, &str)> = text.lines().enumerate().collect();
        super::repeated_heads(&lines, Some("A/RES/9/9"), furniture_after)
            .iter()
            .zip(&lines)
            .filter(|(h, _)| **h)
            .map(|(_, (_, l))| l.trim().to_string())
            .collect()
    }

    #[test]
    fn heads_without_form_feeds_are_the_lines_repeating_beside_the_furniture() {
        // PyMuPDF's order: even page symbol, title, job number, folio; odd page title,
        // symbol, folio, job number. The title wraps over three lines, the last of two words.
        let text = "body of page one,\n\
A/RES/9/9 \n\
A title long enough that \n\
it wraps over three lines of \n\
running head\n \n\
23-12345\n\
2/3 \n \n\
running head words going on in the body, \n\
and more;\n\
A title long enough that \n\
it wraps over three lines of \n\
running head \n\
A/RES/9/9\n \n\
3/3\n\
23-12345 \n \n\
running head\n\
3. Decides;\n";
        let six = [
            "A title long enough that",
            "it wraps over three lines of",
            "running head",
            "A title long enough that",
            "it wraps over three lines of",
            "running head",
        ];
        assert_eq!(repeated(text, true), six);
        // Not in PyMuPDF's order, the lines below a head may be its title too: the body
        // line "running head" under the last head repeats and is taken.
        assert_eq!(repeated(text, false).len(), 7);
        // One page head: nothing repeats, nothing is taken.
        let one = "x,\nA/RES/9/9\nA short title\n23-12345\n2/2\nA short title\n";
        assert!(repeated(one, false).is_empty());
    }

    #[test]
    fn a_line_of_title_words_after_the_furniture_is_body_in_pymupdf_order() {
        let text = "x,\nA/RES/9/9\nBanning the production of fissile material\n23-12345\n2/2\n\
banning the production of fissile material\nexplosive devices;\n";
        let lines: Vec<(usize, &str)> = text.lines().enumerate().collect();
        let title = Some("Treaty banning the production of fissile material");
        let head = |k: usize, after| {
            let t = lines[k].1;
            super::is_running_title(t, title, &lines, k + 1, after)
        };
        // The line after the folio: a head by its neighbours, body by PyMuPDF's order.
        assert!(head(5, false));
        assert!(!head(5, true));
        let text = text.replace("\nBanning", "\nbanning");
        let lines: Vec<(usize, &str)> = text.lines().enumerate().collect();
        assert!(super::is_running_title(lines[2].1, title, &lines, 3, true));
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
