//! Element identifiers (AKN eIds), shared by every writer so that a Markdown
//! anchor, a PDF destination and an AKN element name the same place.
//!
//! Naming follows the AKN4UN / OASIS naming convention: `para_5`,
//! `para_8__list_1__point_a`, `para_8__list_1__point_b__list_1__point_i`,
//! `preamble__container_3`, `sec_I`, `sec_I__para_3`, `att_1__para_2`, `art_12`.

use super::{push_number, FastHash};
use crate::model::{Annex, Block, Paragraph, Resolution, Section};
use std::collections::{HashMap, HashSet};

/// The eId of every paragraph, section and annex of one document.
pub struct Ids {
    by_addr: HashMap<usize, String, FastHash>,
}

impl Ids {
    /// Assigns ids by walking the document once.
    pub fn new(doc: &Resolution) -> Ids {
        let n = doc
            .annexes
            .iter()
            .map(|a| 1 + count(&a.blocks))
            .sum::<usize>()
            + count(&doc.preamble)
            + count(&doc.body);
        let mut w = Walker {
            by_addr: HashMap::with_capacity_and_hasher(n, FastHash::default()),
            used: HashSet::with_capacity_and_hasher(n, FastHash::default()),
        };
        for (i, b) in doc.preamble.iter().enumerate() {
            match b {
                Block::Paragraph(p) => {
                    let mut id = String::from("preamble__container_");
                    push_number(&mut id, i + 1);
                    let id = w.unique(id);
                    w.paragraph_children(p, &id);
                    w.put(p, id);
                }
                Block::Section(s) => w.section(s, "preamble", i),
            }
        }
        w.blocks(&doc.body, "");
        for (i, a) in doc.annexes.iter().enumerate() {
            let id = w.unique(format!("att_{}", i + 1));
            w.blocks(&a.blocks, &id);
            w.put(a, id);
        }
        Ids { by_addr: w.by_addr }
    }

    /// The eId of a paragraph or sub-paragraph of this document.
    pub fn paragraph(&self, p: &Paragraph) -> &str {
        self.get(p)
    }
    /// The eId of a section of this document.
    pub fn section(&self, s: &Section) -> &str {
        self.get(s)
    }
    /// The eId prefix of an annex (`att_1`).
    pub fn annex(&self, a: &Annex) -> &str {
        self.get(a)
    }

    fn get<T>(&self, x: &T) -> &str {
        self.by_addr
            .get(&(x as *const T as usize))
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// How many ids `blocks` need.
fn count(blocks: &[Block]) -> usize {
    fn paragraph(p: &Paragraph) -> usize {
        1 + p.subparagraphs.iter().map(paragraph).sum::<usize>()
    }
    (blocks.iter())
        .map(|b| match b {
            Block::Paragraph(p) => paragraph(p),
            Block::Section(s) => 1 + count(&s.children),
        })
        .sum()
}

struct Walker {
    by_addr: HashMap<usize, String, FastHash>,
    used: HashSet<String, FastHash>,
}

impl Walker {
    fn put<T>(&mut self, x: &T, id: String) {
        self.by_addr.insert(x as *const T as usize, id);
    }

    /// `id`, or `id_2`, `id_3`… when taken (duplicate numbers in the source).
    fn unique(&mut self, id: String) -> String {
        if self.used.insert(id.clone()) {
            return id;
        }
        let mut n = 2;
        loop {
            let candidate = format!("{id}_{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }

    fn blocks(&mut self, blocks: &[Block], prefix: &str) {
        let mut unnumbered = 0;
        for (i, b) in blocks.iter().enumerate() {
            match b {
                Block::Paragraph(p) => {
                    let mut id = String::with_capacity(prefix.len() + 16);
                    if !prefix.is_empty() {
                        id.push_str(prefix);
                        id.push_str("__");
                    }
                    if let Some(n) = &p.num {
                        id.push_str("para_");
                        push_num_token(&mut id, n);
                    } else if let Some(a) = article_number(p) {
                        id.push_str("art_");
                        id.push_str(&a);
                    } else {
                        unnumbered += 1;
                        id.push_str("para_u");
                        push_number(&mut id, unnumbered);
                    }
                    let id = self.unique(id);
                    self.paragraph_children(p, &id);
                    self.put(p, id);
                }
                Block::Section(s) => self.section(s, prefix, i),
            }
        }
    }

    fn section(&mut self, s: &Section, prefix: &str, index: usize) {
        let mut id = String::with_capacity(prefix.len() + 16);
        if !prefix.is_empty() {
            id.push_str(prefix);
            id.push_str("__");
        }
        id.push_str("sec_");
        push_num_or_index(&mut id, s.num.as_deref(), index + 1);
        let id = self.unique(id);
        self.blocks(&s.children, &id);
        self.put(s, id);
    }

    fn paragraph_children(&mut self, p: &Paragraph, id: &str) {
        for (i, sp) in p.subparagraphs.iter().enumerate() {
            let mut sid = String::with_capacity(id.len() + 24);
            sid.push_str(id);
            sid.push_str("__list_1__point_");
            push_num_or_index(&mut sid, sp.num.as_deref(), i + 1);
            let sid = self.unique(sid);
            self.paragraph_children(sp, &sid);
            self.put(sp, sid);
        }
    }
}

/// Appends the token of `num`, or `index` when there is no number or it has no token.
fn push_num_or_index(id: &mut String, num: Option<&str>, index: usize) {
    let start = id.len();
    if let Some(n) = num {
        push_num_token(id, n);
    }
    if id.len() == start {
        push_number(id, index);
    }
}

/// The number with brackets and final punctuation stripped: `1.` → `1`, `(a)` → `a`, `11.2` → `11-2`.
pub fn num_token(num: &str) -> String {
    let mut out = String::new();
    push_num_token(&mut out, num);
    out
}

/// [`num_token`], appended to `out`.
fn push_num_token(out: &mut String, num: &str) {
    let t = num
        .trim()
        .trim_matches(|c: char| matches!(c, '(' | ')' | '.' | ':' | ' '));
    let token = |c: char| match c {
        '.' | '/' | ' ' => Some('-'),
        c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
        _ => None,
    };
    if t.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push_str(t);
    } else {
        out.extend(t.chars().filter_map(token));
    }
}

/// "Article 12" headings name their paragraph `art_12`.
fn article_number(p: &Paragraph) -> Option<String> {
    let h = p.heading.as_ref()?.to_plain();
    // "第十一条": no spaces, Han numerals.
    if let Some(n) = crate::read::lex::heading::cjk_article_number(&h) {
        return Some(n.to_string());
    }
    let mut words = h.split_whitespace();
    let first = words.next()?;
    let n = words.next()?;
    // A capital, or a script without capitals ("المادة 1").
    let opens = |c: char| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase());
    if words.next().is_some() || !first.chars().next().is_some_and(opens) {
        return None;
    }
    if n.chars().all(|c| c.is_ascii_digit()) {
        return Some(n.to_string());
    }
    // Arabic-Indic digits (U+0660–U+0669), given in ASCII.
    n.chars()
        .map(|c| {
            u32::from(c)
                .checked_sub(0x660)
                .filter(|&d| d <= 9)
                .and_then(|d| char::from_digit(d, 10))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Section, Text};

    fn para(num: Option<&str>, subs: Vec<Paragraph>) -> Paragraph {
        Paragraph {
            num: num.map(String::from),
            content: vec![Text::plain("x")],
            subparagraphs: subs,
            ..Paragraph::default()
        }
    }

    #[test]
    fn ids_follow_the_naming_convention() {
        let doc = Resolution {
            preamble: vec![
                Block::Paragraph(para(None, vec![])),
                Block::Paragraph(para(None, vec![])),
            ],
            body: vec![
                Block::Paragraph(para(Some("1."), vec![])),
                Block::Paragraph(para(
                    Some("8."),
                    vec![
                        para(Some("(a)"), vec![]),
                        para(Some("(b)"), vec![para(Some("(i)"), vec![])]),
                    ],
                )),
                Block::Section(Section {
                    num: Some("I.".into()),
                    heading: Text::plain("Heading"),
                    level: 1,
                    children: vec![Block::Paragraph(para(Some("3."), vec![]))],
                }),
                Block::Paragraph(para(Some("1."), vec![])),
            ],
            ..Resolution::default()
        };
        let ids = Ids::new(&doc);
        let pre = doc.preambular_paragraphs();
        assert_eq!(ids.paragraph(pre[1]), "preamble__container_2");
        let ops = doc.operative_paragraphs();
        assert_eq!(ids.paragraph(ops[0]), "para_1");
        assert_eq!(ids.paragraph(ops[1]), "para_8");
        assert_eq!(
            ids.paragraph(&ops[1].subparagraphs[0]),
            "para_8__list_1__point_a"
        );
        assert_eq!(
            ids.paragraph(&ops[1].subparagraphs[1].subparagraphs[0]),
            "para_8__list_1__point_b__list_1__point_i"
        );
        assert_eq!(ids.paragraph(ops[2]), "sec_I__para_3");
        // A duplicated number still gets a unique id.
        assert_eq!(ids.paragraph(ops[3]), "para_1_2");
        assert_eq!(num_token("11.2"), "11-2");
    }
}
