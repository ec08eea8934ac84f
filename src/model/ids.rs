//! Element identifiers (AKN eIds), assigned once after reading so that every writer
//! names the same place the same way: a Markdown anchor, a PDF destination and an AKN
//! element.
//!
//! Naming follows the AKN4UN / OASIS naming convention: `para_5`,
//! `para_8__list_1__point_a`, `para_8__list_1__point_b__list_1__point_i`,
//! `preamble__container_3`, `preamble__container_3__list_1__item_a` (a blockList's items),
//! `sec_I`, `sec_2` (the second section, unnumbered), `sec_I__para_3`, `att_1__para_2`, `art_12`,
//! `art_2__para_1` (a declaration article's paragraphs).

use super::{Annex, Block, Paragraph, Resolution, Section};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;

/// Gives every paragraph, sub-paragraph, section and annex of `doc` its eId.
pub fn assign(doc: &mut Resolution) {
    let mut w = Walker {
        used: HashSet::with_capacity(count(doc)),
    };
    w.preamble(&mut doc.preamble, "preamble");
    w.blocks(&mut doc.body, "");
    for (i, a) in doc.annexes.iter_mut().enumerate() {
        let id = w.unique(format!("att_{}", i + 1));
        w.blocks(&mut a.blocks, &id);
        a.eid = id;
    }
}

/// `doc` with its eIds: as it is when they are assigned (a document read by
/// [`crate::read`]), else a copy with them (a document built by a program).
pub fn with_ids(doc: &Resolution) -> Cow<'_, Resolution> {
    if assigned(doc) {
        Cow::Borrowed(doc)
    } else {
        let mut d = doc.clone();
        assign(&mut d);
        Cow::Owned(d)
    }
}

/// Whether the eIds of `doc` are set: every document has one or none at all, so the
/// first element tells.
fn assigned(doc: &Resolution) -> bool {
    let first = |blocks: &[Block]| {
        blocks.first().map(|b| match b {
            Block::Paragraph(p) => !p.eid.is_empty(),
            Block::Section(s) => !s.eid.is_empty(),
        })
    };
    first(&doc.preamble)
        .or_else(|| first(&doc.body))
        .or_else(|| doc.annexes.first().map(|a: &Annex| !a.eid.is_empty()))
        .unwrap_or(true)
}

/// How many ids `doc` needs.
fn count(doc: &Resolution) -> usize {
    doc.annexes
        .iter()
        .map(|a| 1 + count_blocks(&a.blocks))
        .sum::<usize>()
        + count_blocks(&doc.preamble)
        + count_blocks(&doc.body)
}

fn count_blocks(blocks: &[Block]) -> usize {
    fn paragraph(p: &Paragraph) -> usize {
        1 + p.subparagraphs.iter().map(paragraph).sum::<usize>()
    }
    (blocks.iter())
        .map(|b| match b {
            Block::Paragraph(p) => paragraph(p),
            Block::Section(s) => 1 + count_blocks(&s.children),
        })
        .sum()
}

struct Walker {
    used: HashSet<String>,
}

impl Walker {
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

    fn blocks(&mut self, blocks: &mut [Block], prefix: &str) {
        let mut unnumbered = 0;
        // Sections are counted among the sections (not the blocks) of their level.
        let mut sections = 0;
        for b in blocks.iter_mut() {
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
                    } else if let Some(a) = &p.article {
                        id.push_str("art_");
                        id.push_str(a);
                    } else {
                        unnumbered += 1;
                        id.push_str("para_u");
                        push_number(&mut id, unnumbered);
                    }
                    let id = self.unique(id);
                    if p.num.is_none() && p.article.is_some() {
                        // An article's paragraphs are `para`s of it (`art_2__para_1`).
                        self.article_children(p, &id);
                    } else {
                        self.paragraph_children(p, &id);
                    }
                    p.eid = id;
                }
                Block::Section(s) => {
                    sections += 1;
                    self.section(s, prefix, sections - 1);
                }
            }
        }
    }

    /// Preambular paragraphs are containers (`preamble__container_3`), in a section of
    /// the preamble too (`preamble__sec_1__container_2`, a declaration's "Preamble").
    fn preamble(&mut self, blocks: &mut [Block], prefix: &str) {
        let mut sections = 0;
        for (i, b) in blocks.iter_mut().enumerate() {
            match b {
                Block::Paragraph(p) => {
                    let mut id = String::with_capacity(prefix.len() + 16);
                    id.push_str(prefix);
                    id.push_str("__container_");
                    push_number(&mut id, i + 1);
                    let id = self.unique(id);
                    // A preambular paragraph's sub-paragraphs are the items of a blockList.
                    self.children(p, &id, "__list_1__item_");
                    p.eid = id;
                }
                Block::Section(s) => {
                    sections += 1;
                    let mut id = String::with_capacity(prefix.len() + 16);
                    id.push_str(prefix);
                    id.push_str("__sec_");
                    push_num_or_index(&mut id, s.num.as_deref(), sections);
                    let id = self.unique(id);
                    self.preamble(&mut s.children, &id);
                    s.eid = id;
                }
            }
        }
    }

    fn section(&mut self, s: &mut Section, prefix: &str, index: usize) {
        let mut id = String::with_capacity(prefix.len() + 16);
        if !prefix.is_empty() {
            id.push_str(prefix);
            id.push_str("__");
        }
        id.push_str("sec_");
        push_num_or_index(&mut id, s.num.as_deref(), index + 1);
        let id = self.unique(id);
        self.blocks(&mut s.children, &id);
        s.eid = id;
    }

    fn article_children(&mut self, p: &mut Paragraph, id: &str) {
        for (i, sp) in p.subparagraphs.iter_mut().enumerate() {
            let mut sid = String::with_capacity(id.len() + 16);
            sid.push_str(id);
            sid.push_str("__para_");
            push_num_or_index(&mut sid, sp.num.as_deref(), i + 1);
            let sid = self.unique(sid);
            self.paragraph_children(sp, &sid);
            sp.eid = sid;
        }
    }

    fn paragraph_children(&mut self, p: &mut Paragraph, id: &str) {
        self.children(p, id, "__list_1__point_");
    }

    /// The sub-paragraphs of `p`: `{id}{infix}{number or position}`, their own the same way.
    fn children(&mut self, p: &mut Paragraph, id: &str, infix: &str) {
        for (i, sp) in p.subparagraphs.iter_mut().enumerate() {
            let mut sid = String::with_capacity(id.len() + 24);
            sid.push_str(id);
            sid.push_str(infix);
            push_num_or_index(&mut sid, sp.num.as_deref(), i + 1);
            let sid = self.unique(sid);
            self.children(sp, &sid, infix);
            sp.eid = sid;
        }
    }
}

fn push_number(out: &mut String, n: usize) {
    let _ = write!(out, "{n}");
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
#[cfg(test)]
fn num_token(num: &str) -> String {
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

    /// A declaration's "Preamble" is a section of the preamble: its recitals stay containers.
    #[test]
    fn a_preamble_section_holds_containers() {
        let doc = Resolution {
            preamble: vec![Block::Section(Section {
                num: None,
                heading: Text::plain("Preamble"),
                level: 1,
                children: vec![
                    Block::Paragraph(para(None, vec![])),
                    Block::Paragraph(para(None, vec![para(Some("(a)"), vec![])])),
                ],
                eid: String::new(),
            })],
            ..Resolution::default()
        };
        let doc = with_ids(&doc);
        let Some(Block::Section(s)) = doc.preamble.first() else {
            panic!("a section")
        };
        assert_eq!(s.eid, "preamble__sec_1");
        let pre = doc.preambular_paragraphs();
        assert_eq!(pre[1].eid, "preamble__sec_1__container_2");
        assert_eq!(
            pre[1].subparagraphs[0].eid,
            "preamble__sec_1__container_2__list_1__item_a"
        );
    }

    #[test]
    fn ids_follow_the_naming_convention() {
        let doc = Resolution {
            preamble: vec![
                Block::Paragraph(para(None, vec![])),
                Block::Paragraph(para(None, vec![para(Some("(a)"), vec![])])),
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
                    eid: String::new(),
                }),
                Block::Paragraph(para(Some("1."), vec![])),
                Block::Section(Section {
                    num: None,
                    heading: Text::plain("Unnumbered"),
                    level: 1,
                    children: vec![],
                    eid: String::new(),
                }),
            ],
            ..Resolution::default()
        };
        let doc = with_ids(&doc);
        let pre = doc.preambular_paragraphs();
        assert_eq!(pre[1].eid, "preamble__container_2");
        // A preambular paragraph's sub-paragraphs are items of a blockList.
        assert_eq!(
            pre[1].subparagraphs[0].eid,
            "preamble__container_2__list_1__item_a"
        );
        let ops = doc.operative_paragraphs();
        assert_eq!(ops[0].eid, "para_1");
        assert_eq!(ops[1].eid, "para_8");
        assert_eq!(ops[1].subparagraphs[0].eid, "para_8__list_1__point_a");
        assert_eq!(
            ops[1].subparagraphs[1].subparagraphs[0].eid,
            "para_8__list_1__point_b__list_1__point_i"
        );
        assert_eq!(ops[2].eid, "sec_I__para_3");
        // A duplicated number still gets a unique id.
        assert_eq!(ops[3].eid, "para_1_2");
        // An unnumbered section: its count among the sections (the second), not its position.
        let Block::Section(s) = &doc.body[4] else {
            panic!("a section")
        };
        assert_eq!(s.eid, "sec_2");
        // Assigned once: a document with ids is taken as it is.
        assert!(matches!(with_ids(&doc), Cow::Borrowed(_)));
        assert_eq!(num_token("11.2"), "11-2");
    }
}
