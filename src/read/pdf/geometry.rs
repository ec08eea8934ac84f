//! From glyphs to lines: words by gaps, lines by baselines, raised small digits as
//! note marks, italic spans kept.

use super::content::{Glyph, Page};

/// A run of characters of one style on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub size: f32,
    pub italic: bool,
    pub bold: bool,
    /// Set above the baseline in a smaller size: a footnote mark.
    pub raised: bool,
}

/// A line of a page: its spans left to right, with a space between spans where the gap is one.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub page: usize,
    /// Baseline, from the top of the page (points).
    pub y: f32,
    pub x0: f32,
    pub x1: f32,
    /// The main size of the line's text.
    pub size: f32,
    pub spans: Vec<Span>,
}

impl Line {
    /// The line's text, spans joined (a raised mark kept as its digits).
    pub fn text(&self) -> String {
        let mut s = String::new();
        for sp in &self.spans {
            s.push_str(&sp.text);
        }
        s
    }
}

/// Glyphs of one baseline, in stream order, before lines are formed.
struct Run {
    y: f32,
    size: f32,
    glyphs: Vec<Glyph>,
}

/// A line being formed: baseline, largest size, runs (and whether each is raised).
type Group = (f32, f32, Vec<(Run, bool)>);

/// The lines of a page, top to bottom.
pub fn lines(page: &Page, page_no: usize) -> Vec<Line> {
    // Runs: glyphs that follow on one baseline, moving right.
    let mut runs: Vec<Run> = Vec::new();
    for g in &page.glyphs {
        if !(g.x.is_finite() && g.y.is_finite() && g.size.is_finite() && g.size > 0.1) {
            continue;
        }
        let joins = runs.last().is_some_and(|r| {
            let last = r.glyphs.last();
            (r.y - g.y).abs() < 0.2 * r.size.max(g.size)
                && (r.size - g.size).abs() < 0.1 * r.size
                && last.is_some_and(|l| g.x > l.x - 0.5 && g.x - (l.x + l.w) < 3.0 * g.size)
        });
        match runs.last_mut() {
            Some(r) if joins => r.glyphs.push(*g),
            _ => runs.push(Run {
                y: g.y,
                size: g.size,
                glyphs: vec![*g],
            }),
        }
    }
    // Lines: runs grouped by baseline, from the top. Raised small runs join the line below them.
    runs.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut groups: Vec<Group> = Vec::new();
    // Big runs first form the lines; small raised runs then find their line.
    let (small, big): (Vec<Run>, Vec<Run>) = runs.into_iter().partition(is_mark_like);
    // Runs come from the top, so a run's line is one of the last few made: the search
    // stays short on any page.
    for r in big {
        let from = groups.len().saturating_sub(4);
        match groups[from..]
            .iter_mut()
            .rev()
            .find(|(y, size, _)| (y - r.y).abs() < 0.3 * size.min(r.size))
        {
            Some((_, size, rs)) => {
                *size = size.max(r.size);
                rs.push((r, false));
            }
            None => groups.push((r.y, r.size, vec![(r, false)])),
        }
    }
    // Lines are in falling baselines: a small run's line is found by bisection.
    let mut extra: Vec<Group> = Vec::new();
    for r in small {
        // The line whose baseline lies a little below the run, in a larger size.
        let below = groups.partition_point(|g| g.0 >= r.y);
        let target = groups.iter_mut().skip(below).take(3).find(|(y, size, _)| {
            let rise = r.y - *y;
            r.size < 0.8 * *size && rise > 0.1 * *size && rise < 0.75 * *size
        });
        if let Some((_, _, rs)) = target {
            rs.push((r, true));
            continue;
        }
        let near = groups.partition_point(|g| g.0 > r.y + 2.0 * r.size);
        let same = groups
            .iter_mut()
            .skip(near)
            .take(6)
            .chain(extra.iter_mut().rev().take(4))
            .find(|(y, size, _)| (*y - r.y).abs() < 0.3 * size.min(r.size));
        match same {
            Some((_, _, rs)) => rs.push((r, false)),
            None => extra.push((r.y, r.size, vec![(r, false)])),
        }
    }
    groups.append(&mut extra);
    groups.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out = Vec::with_capacity(groups.len());
    for (y, _, mut rs) in groups {
        rs.sort_by(|a, b| a.0.glyphs[0].x.total_cmp(&b.0.glyphs[0].x));
        let mut glyphs: Vec<(Glyph, bool)> = Vec::new();
        for (r, raised) in rs {
            glyphs.extend(r.glyphs.into_iter().map(|g| (g, raised)));
        }
        // Glyph by glyph: a mark drawn after its line's text stands where its x puts it.
        glyphs.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
        if let Some(line) = make_line(&glyphs, page, page_no, y) {
            out.push(line);
        }
    }
    out
}

/// Small runs of digits (and the odd letter or asterisk): possible note marks.
fn is_mark_like(r: &Run) -> bool {
    // The run's characters trimmed of white space, without making a string of them.
    let chars = || r.glyphs.iter().map(|g| g.ch);
    let Some(first) = chars().position(|c| !c.is_whitespace()) else {
        return false;
    };
    let last = chars().rposition(|c| !c.is_whitespace()).unwrap_or(first);
    last - first < 4
        && chars()
            .skip(first)
            .take(last - first + 1)
            .all(|c| c.is_ascii_digit() || c == '*' || c == ',' || c == '-' || c == ' ')
}

fn make_line(glyphs: &[(Glyph, bool)], page: &Page, page_no: usize, y: f32) -> Option<Line> {
    let main = glyphs
        .iter()
        .filter(|(g, r)| !r && !g.ch.is_whitespace())
        .map(|(g, _)| g.size)
        .fold(0.0f32, f32::max);
    let mut spans: Vec<Span> = Vec::new();
    let mut prev_end: Option<f32> = None;
    for &(g, raised) in glyphs {
        // A no-break space is text; only a plain space (or tab) parts words.
        let space = matches!(g.ch, ' ' | '\t' | '\n' | '\r');
        // A gap of a quarter of the size or more is a space the PDF did not draw.
        let gap = prev_end.is_some_and(|e| g.x - e > 0.2 * g.size.max(main * 0.5));
        let x1 = g.x + g.w;
        let same = spans.last().is_some_and(|s| {
            s.italic == g.italic && s.bold == g.bold && s.raised == raised && !space
        });
        if gap {
            // A gap is a space, in the style of the span before it.
            if let Some(s) = spans.last_mut() {
                if !s.text.ends_with(' ') {
                    s.text.push(' ');
                }
            }
        }
        if space {
            if let Some(s) = spans.last_mut() {
                if !s.text.ends_with(' ') {
                    s.text.push(' ');
                }
                s.x1 = s.x1.max(x1);
            }
            prev_end = Some(x1);
            continue;
        }
        if same {
            if let Some(s) = spans.last_mut() {
                s.text.push(g.ch);
                s.x1 = x1;
            }
        } else {
            spans.push(Span {
                text: g.ch.to_string(),
                x0: g.x,
                x1,
                size: g.size,
                italic: g.italic,
                bold: g.bold,
                raised,
            });
        }
        prev_end = Some(x1);
    }
    if let Some(s) = spans.last_mut() {
        s.text.truncate(s.text.trim_end().len());
    }
    spans.retain(|s| !s.text.is_empty());
    let first = spans.first()?;
    let x0 = first.x0;
    let x1 = spans.last().map_or(x0, |s| s.x1);
    Some(Line {
        page: page_no,
        y: page.height - y,
        x0,
        x1,
        size: if main > 0.0 { main } else { first.size },
        spans,
    })
}

/// A paragraph of the body, as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Document line number of its first line (1-based, over all pages).
    pub line: usize,
    pub page: usize,
    pub lines: Vec<Line>,
}

/// A footnote: its marker and its lines (over a page break when it runs on).
#[derive(Debug, Clone, PartialEq)]
pub struct FootNote {
    pub marker: String,
    pub line: usize,
    pub lines: Vec<Line>,
}

/// The document rebuilt from geometry.
#[derive(Debug, Default)]
pub struct Layout {
    pub blocks: Vec<Block>,
    pub notes: Vec<FootNote>,
    /// The first page's foot (job number, barcode): masthead matter, not body.
    pub first_foot: Vec<Line>,
    /// Lines dropped as page furniture (running heads, folios, job numbers).
    pub furniture: Vec<Line>,
}

/// The most common value of `xs`, rounded to a point.
fn mode(xs: impl Iterator<Item = f32>) -> Option<f32> {
    let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
    for x in xs {
        *counts.entry(x.round() as i32).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(x, n)| (n, -x))
        .map(|(x, _)| x as f32)
}

/// Whether a line is a footnote rule typed as underscores.
fn underscores(l: &Line) -> bool {
    let t = l.text();
    t.chars().filter(|&c| c == '_').count() >= 5 && t.chars().all(|c| c == '_' || c == ' ')
}

/// Index of the first line of the page's foot: the lowest lines of the page, set apart
/// from the text above by more than one and a half lines and standing in the page's
/// bottom tenth (folio, job number, barcode).
fn foot_start(lines: &[Line], height: f32) -> usize {
    let mut start = lines.len();
    while start > 0 {
        let l = &lines[start - 1];
        if l.y < 0.9 * height {
            break;
        }
        start -= 1;
        let Some(above) = start.checked_sub(1).and_then(|k| lines.get(k)) else {
            break;
        };
        if l.y - above.y > 1.6 * l.size.max(above.size) {
            return past_notes(lines, start);
        }
    }
    lines.len()
}

/// The foot from `start` without the notes low on a short page: a line that opens with
/// a raised mark, and the lines in its size after it, are a note (no folio, job number or
/// barcode opens so).
fn past_notes(lines: &[Line], start: usize) -> usize {
    let opens = |l: &Line| l.spans.first().is_some_and(|s| s.raised);
    let Some(k) = lines.iter().skip(start).rposition(opens).map(|k| k + start) else {
        return start;
    };
    let size = lines[k].size;
    let mut end = k + 1;
    while lines
        .get(end)
        .is_some_and(|l| !opens(l) && (l.size - size).abs() < 0.5)
    {
        end += 1;
    }
    end
}

/// Index past the page's running head: the lines above its top rule, or a small-type
/// block in the top tenth set apart from the text below.
fn head_end(lines: &[Line], page: &Page) -> usize {
    let rule_top = page
        .rules
        .iter()
        .filter(|r| r.x1 - r.x0 > 0.3 * page.width && page.height - r.y < 0.15 * page.height)
        .map(|r| page.height - r.y)
        .fold(f32::NAN, f32::min);
    if rule_top.is_finite() {
        return lines.iter().take_while(|l| l.y < rule_top).count();
    }
    let mut end = 0;
    while let Some(l) = lines.get(end) {
        if l.y > 0.1 * page.height {
            break;
        }
        end += 1;
    }
    match lines.get(end) {
        Some(next) if end > 0 && next.y - lines[end - 1].y > 1.6 * next.size => end,
        _ => 0,
    }
}

/// Where the notes' rule is drawn (from the page's top; NaN when there is none): a short
/// rule at the left in the page's lower half. A rule with others beside it on its line
/// is a table's border, not the notes' rule.
fn notes_rule(page: &Page) -> f32 {
    page.rules
        .iter()
        .filter(|r| {
            r.x1 - r.x0 < 0.4 * page.width
                && r.x0 < 0.3 * page.width
                && page.height - r.y > 0.5 * page.height
                && !page
                    .rules
                    .iter()
                    .any(|o| o.x0 > r.x1 - 1.0 && (o.y - r.y).abs() < 1.0)
        })
        .map(|r| page.height - r.y)
        .fold(f32::NAN, f32::min)
}

/// Rebuilds the document: furniture out, footnotes apart, paragraphs by indents and gaps.
pub fn layout(pages: &[Page]) -> Layout {
    let mut out = Layout::default();
    // Body lines of every page, and where each page's notes start.
    let mut body: Vec<Line> = Vec::new();
    let mut line_no = 0usize;
    let mut line_nos: Vec<usize> = Vec::new();
    let mut note_lines: Vec<(usize, Line)> = Vec::new();
    let all: Vec<Vec<Line>> = pages.iter().enumerate().map(|(k, p)| lines(p, k)).collect();
    let body_size = mode(
        all.iter()
            .flatten()
            .filter(|l| !l.spans.iter().all(|s| s.raised))
            .map(|l| l.size),
    )
    .unwrap_or(10.0);
    // Where each page's head and foot sit, by position.
    let zones: Vec<(usize, usize)> = pages
        .iter()
        .zip(&all)
        .enumerate()
        .map(|(k, (page, ls))| {
            let foot = foot_start(ls, page.height);
            let head = if k == 0 { 0 } else { head_end(ls, page) };
            (head.min(foot), foot)
        })
        .collect();
    let repeated = Repeated::new(pages, &all, &zones);
    for (k, (page, ls)) in pages.iter().zip(&all).enumerate() {
        let (mut head, mut foot) = zones[k];
        // A head or foot is furniture only where it repeats: a block the other pages
        // do not print (the last lines of the text low on a page) stays text.
        if k > 0 && !repeated.confirms(k, &ls[..head]) {
            head = 0;
        }
        if k > 0 && !repeated.confirms(k, &ls[foot..]) {
            foot = ls.len();
        }
        let (head_lines, rest) = ls.split_at(head);
        out.furniture.extend(head_lines.iter().cloned());
        let (main, foot_lines) = rest.split_at(foot - head);
        if k == 0 {
            out.first_foot.extend(foot_lines.iter().cloned());
        } else {
            out.furniture.extend(foot_lines.iter().cloned());
        }
        // The footnote area: under a rule of underscores or a short drawn rule at the
        // left, or else where lines in smaller type open with a raised number.
        let rule_y = notes_rule(page);
        let notes_at = main
            .iter()
            .position(|l| underscores(l) && l.y > 0.4 * page.height)
            .or_else(|| {
                rule_y
                    .is_finite()
                    .then(|| main.iter().position(|l| l.y > rule_y))
                    .flatten()
            })
            .or_else(|| {
                main.iter().position(|l| {
                    l.y > 0.5 * page.height
                        && l.size < 0.95 * body_size
                        && l.spans.first().is_some_and(|s| s.raised)
                })
            })
            .unwrap_or(main.len());
        for l in &main[..notes_at] {
            line_no += 1;
            line_nos.push(line_no);
            body.push(l.clone());
        }
        for l in &main[notes_at..] {
            line_no += 1;
            if !underscores(l) {
                note_lines.push((line_no, l.clone()));
            }
        }
    }
    out.notes = notes(note_lines);
    out.blocks = paragraphs(body, &line_nos, body_size);
    out
}

/// The words printed in the page furniture of each page (its head and foot, and on the
/// first page its foot and masthead), for telling furniture by repetition: a running
/// head repeats the symbol and the title, a folio line the job number, on every page.
struct Repeated {
    /// Word → the pages whose furniture prints it (two at most are kept: enough to
    /// know that another page has it).
    pages_of: std::collections::HashMap<String, [usize; 2]>,
    /// Pages of the document: a folio `n/N` is the page's own number.
    count: usize,
}

impl Repeated {
    fn new(pages: &[Page], all: &[Vec<Line>], zones: &[(usize, usize)]) -> Repeated {
        let mut pages_of: std::collections::HashMap<String, [usize; 2]> = Default::default();
        for (k, ((page, ls), &(head, foot))) in pages.iter().zip(all).zip(zones).enumerate() {
            let masthead = ls.iter().take_while(|l| k == 0 && l.y < 0.2 * page.height);
            for l in ls[..head].iter().chain(&ls[foot..]).chain(masthead) {
                for w in furniture_words(l) {
                    let e = pages_of.entry(w).or_insert([k, k]);
                    if e[0] != k {
                        e[1] = k;
                    }
                }
            }
        }
        Repeated {
            pages_of,
            count: pages.len(),
        }
    }

    /// Whether a word of `lines` (page `k`'s head or foot) is printed in the furniture of
    /// another page. An empty block has nothing to confirm.
    /// Its folio (`3` or `3/5` on the third of five pages) confirms a block too: a
    /// two-page document has no other page to repeat it.
    fn confirms(&self, k: usize, lines: &[Line]) -> bool {
        let folio = [format!("{}", k + 1), format!("{}/{}", k + 1, self.count)];
        lines.is_empty()
            || lines.iter().any(|l| {
                l.text()
                    .split_whitespace()
                    .any(|w| folio.iter().any(|f| f == w))
            })
            || lines.iter().flat_map(furniture_words).any(|w| {
                self.pages_of
                    .get(&w)
                    .is_some_and(|ps| ps.iter().any(|&p| p != k))
            })
    }
}

/// The words of a line that can tell a repetition, their digits masked (a folio `2/5`
/// repeats as `#/#`, a symbol, a job number, a title's words as they are): those with a
/// digit or of four characters or more, not "of" or "the".
fn furniture_words(l: &Line) -> Vec<String> {
    l.text()
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4 || w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| {
            w.chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect()
        })
        .collect()
}

/// Note lines: a raised number opens a note; other lines continue the one before,
/// also at the top of the next page's note area.
fn notes(lines: Vec<(usize, Line)>) -> Vec<FootNote> {
    let mut out: Vec<FootNote> = Vec::new();
    for (no, mut l) in lines {
        let opens = l
            .spans
            .first()
            .filter(|s| s.raised)
            .map(|s| s.text.trim().to_string())
            .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '*'));
        match opens {
            Some(marker) => {
                l.spans.remove(0);
                out.push(FootNote {
                    marker,
                    line: no,
                    lines: vec![l],
                });
            }
            None => match out.last_mut() {
                Some(n) => n.lines.push(l),
                None => out.push(FootNote {
                    marker: String::new(),
                    line: no,
                    lines: vec![l],
                }),
            },
        }
    }
    out
}

/// Groups body lines into paragraphs: a new one where the gap above is wider than a
/// line's, where a line is indented past the text's left edge and past the line above,
/// or where an indented line follows a short one.
fn paragraphs(body: Vec<Line>, nos: &[usize], body_size: f32) -> Vec<Block> {
    let margin = mode(
        body.iter()
            .filter(|l| (l.size - body_size).abs() < 0.5)
            .map(|l| l.x0),
    )
    .unwrap_or(0.0);
    let right = mode(
        body.iter()
            .filter(|l| (l.size - body_size).abs() < 0.5)
            .map(|l| l.x1),
    )
    .unwrap_or(0.0);
    let mut out: Vec<Block> = Vec::new();
    let mut prev: Option<&Line> = None;
    for (k, l) in body.iter().enumerate() {
        let no = nos.get(k).copied().unwrap_or(k + 1);
        let new = match prev {
            None => true,
            // A heading is set in bold throughout, its paragraph not: where one ends
            // and the other begins is a new block, whatever the gap.
            Some(a) if all_bold(a) != all_bold(l) => true,
            Some(a) => {
                let size = a.size.max(l.size);
                let indented = l.x0 > margin + 0.5 * l.size;
                if a.page != l.page {
                    // Over a page break: an indented start, or a short line before it
                    // (the end of a paragraph; a paragraph's other lines are justified).
                    // A line in another size (a heading) starts one too.
                    indented || a.x1 < right - 2.0 * size || (a.size - l.size).abs() > 1.0
                } else {
                    let gap = l.y - a.y;
                    gap > 1.45 * size
                        || gap < 0.0
                        || (indented && l.x0 > a.x0 + 0.5 * l.size)
                        || (indented && a.x1 < right - 2.0 * size && (l.x0 - a.x0).abs() < 1.0)
                }
            }
        };
        if new {
            out.push(Block {
                line: no,
                page: l.page,
                lines: vec![l.clone()],
            });
        } else if let Some(b) = out.last_mut() {
            b.lines.push(l.clone());
        }
        prev = Some(l);
    }
    out
}

/// Whether every span of a line with a letter or digit in it is bold (raised marks and
/// asterisks aside).
fn all_bold(l: &Line) -> bool {
    let mut spans = l
        .spans
        .iter()
        .filter(|s| !s.raised && s.text.chars().any(char::is_alphanumeric))
        .peekable();
    spans.peek().is_some() && spans.all(|s| s.bold)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(page: usize, y: f32, text: &str) -> Line {
        Line {
            page,
            y,
            x0: 72.0,
            x1: 300.0,
            size: 10.0,
            spans: vec![Span {
                text: text.to_string(),
                x0: 72.0,
                x1: 300.0,
                size: 10.0,
                italic: false,
                bold: false,
                raised: false,
            }],
        }
    }

    fn page() -> Page {
        Page {
            width: 612.0,
            height: 792.0,
            ..Page::default()
        }
    }

    /// A head or foot is furniture where another page prints its words (the symbol, the
    /// job number); the last lines of the text low on a page are not.
    #[test]
    fn furniture_is_what_repeats() {
        let pages = [page(), page(), page()];
        let all = vec![
            vec![
                line(0, 40.0, "United Nations A/RES/78/1"),
                line(0, 300.0, "Text"),
            ],
            vec![
                line(1, 40.0, "A/RES/78/1 Cooperation"),
                line(1, 300.0, "Text"),
                line(1, 760.0, "2/3 23-25985"),
            ],
            vec![
                line(2, 40.0, "Cooperation A/RES/78/1"),
                line(2, 300.0, "Text"),
                line(2, 760.0, "50th plenary meeting"),
            ],
        ];
        let zones = [(0, 2), (1, 2), (1, 2)];
        let r = Repeated::new(&pages, &all, &zones);
        assert!(r.confirms(1, &all[1][..1]));
        assert!(r.confirms(2, &all[2][..1]));
        // Page 2's foot: its own folio. Page 3's: a meeting line printed nowhere else.
        assert!(r.confirms(1, &all[1][2..]));
        assert!(!r.confirms(2, &all[2][2..]));
        assert!(!r.confirms(1, &[line(1, 760.0, "23-25985 1/3")]));
        assert!(r.confirms(2, &[]));
    }

    /// A heading in bold is a block of its own, though no wider gap parts it from the
    /// paragraph below it or from the date line before it.
    #[test]
    fn bold_lines_and_plain_lines_are_apart() {
        let bold = |y, text: &str| {
            let mut l = line(0, y, text);
            l.spans[0].bold = true;
            l
        };
        let mut marked = bold(124.0, "Palestine:");
        marked.spans.push(Span {
            text: "**".into(),
            bold: false,
            ..marked.spans[0].clone()
        });
        let body = vec![
            line(0, 100.0, "22 December 2023"),
            bold(112.0, "France, Guinea and State of"),
            marked,
            bold(136.0, "Annex"),
            bold(148.0, "Staffing table for 2026"),
            line(0, 160.0, "Number of posts"),
        ];
        let blocks = paragraphs(body, &[1, 2, 3, 4, 5, 6], 10.0);
        let sizes: Vec<usize> = blocks.iter().map(|b| b.lines.len()).collect();
        // Asterisks (an unraised note mark) do not make a bold line plain.
        assert_eq!(sizes, vec![1, 4, 1]);
    }

    /// The notes' rule is a short rule alone on its line; the borders of a table's
    /// cells, side by side, are none.
    #[test]
    fn a_table_border_is_no_notes_rule() {
        use super::super::content::Rule;
        let rule = |x0, x1, y| Rule { x0, x1, y };
        let mut p = page();
        p.rules = vec![
            rule(123.0, 244.0, 300.0),
            rule(245.0, 330.0, 300.0),
            rule(331.0, 415.0, 300.0),
        ];
        assert!(notes_rule(&p).is_nan());
        p.rules.push(rule(123.0, 195.0, 120.0));
        assert_eq!(notes_rule(&p), 792.0 - 120.0);
    }

    /// A note at the foot of a one-page document opens with a raised mark: it is no part
    /// of the foot (job number, barcode) below it.
    #[test]
    fn a_note_low_on_the_page_is_no_foot() {
        let mut note = line(0, 732.0, "A/80/79.");
        note.size = 8.5;
        note.spans.insert(
            0,
            Span {
                text: "1".into(),
                raised: true,
                size: 6.0,
                ..note.spans[0].clone()
            },
        );
        let mut more = line(0, 741.0, "and Corr.1.");
        more.size = 8.5;
        let lines = vec![
            line(0, 600.0, "actions taken in this regard."),
            note,
            more,
            line(0, 752.0, "25-21054 (E) 241225"),
            line(0, 764.0, "*2521054*"),
        ];
        assert_eq!(foot_start(&lines, 792.0), 3);
        // Without a note the foot starts below the text.
        let plain = [&lines[..1], &lines[3..]].concat();
        assert_eq!(foot_start(&plain, 792.0), 1);
    }

    /// A raised number opens a note; the lines after it, also those at the top of the
    /// next page's note area, continue it: a note over a page break stays one note.
    #[test]
    fn a_note_runs_over_the_page_break() {
        let mark = |page, y, n: &str, text: &str| {
            let mut l = line(page, y, text);
            l.spans.insert(
                0,
                Span {
                    text: n.to_string(),
                    raised: true,
                    size: 6.0,
                    ..l.spans[0].clone()
                },
            );
            l
        };
        let lines = vec![
            (1, mark(0, 700.0, "1", "Resolution 76/181, annex.")),
            (
                2,
                mark(0, 712.0, "2", "See Official Records of the General"),
            ),
            (3, line(0, 724.0, "Assembly, Seventy-eighth Session,")),
            (4, line(1, 690.0, "Supplement No. 25 (A/78/25).")),
            (5, mark(1, 702.0, "3", "Ibid.")),
        ];
        let notes = notes(lines);
        let got: Vec<(&str, usize)> = notes
            .iter()
            .map(|n| (n.marker.as_str(), n.lines.len()))
            .collect();
        assert_eq!(got, vec![("1", 1), ("2", 3), ("3", 1)]);
        assert_eq!(notes[1].lines[2].page, 1);
        assert_eq!(
            notes[1].lines[0].text(),
            "See Official Records of the General"
        );
    }
}
