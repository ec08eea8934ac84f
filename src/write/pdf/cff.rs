//! Subsetting of name-keyed CFF fonts (the built-in Libertinus Serif), for embedding.
//!
//! The kept glyphs are renumbered in order (0, 1, 2, … in the order given); the
//! subroutines keep their numbers and only the unused ones are emptied, so every
//! charstring is copied unchanged and the hinting (the Private DICT) is untouched.
//! Anything unusual (CID-keyed fonts, seac accents, arithmetic operators) returns
//! `None`, and the caller falls back to a general subsetter.

use std::sync::OnceLock;

/// A CFF INDEX: `count` entries of `data`, located by `offsets`.
struct Index<'a> {
    count: usize,
    off_size: usize,
    offsets: &'a [u8],
    data: &'a [u8],
    /// Where the INDEX ends in the table.
    end: usize,
}

impl<'a> Index<'a> {
    fn parse(cff: &'a [u8], pos: usize) -> Option<Index<'a>> {
        let count = usize::from(u16::from_be_bytes(cff.get(pos..pos + 2)?.try_into().ok()?));
        if count == 0 {
            return Some(Index {
                count,
                off_size: 1,
                offsets: &[],
                data: &[],
                end: pos + 2,
            });
        }
        let off_size = usize::from(*cff.get(pos + 2)?);
        if !(1..=4).contains(&off_size) {
            return None;
        }
        let offsets = cff.get(pos + 3..pos + 3 + (count + 1) * off_size)?;
        let start = pos + 3 + offsets.len();
        let mut index = Index {
            count,
            off_size,
            offsets,
            data: &[],
            end: start,
        };
        let last = index.offset(count)?;
        index.data = cff.get(start..(start + last).checked_sub(1)?)?;
        index.end = start + index.data.len();
        Some(index)
    }

    /// The 1-based offset of entry `i`.
    fn offset(&self, i: usize) -> Option<usize> {
        let bytes = self
            .offsets
            .get(i * self.off_size..(i + 1) * self.off_size)?;
        Some(bytes.iter().fold(0, |v, &b| v << 8 | usize::from(b)))
    }

    fn get(&self, i: usize) -> Option<&'a [u8]> {
        let (a, b) = (self.offset(i)?, self.offset(i + 1)?);
        self.data.get(a.checked_sub(1)?..b.checked_sub(1)?)
    }
}

/// Appends an INDEX of `items`.
fn write_index(out: &mut Vec<u8>, items: &[&[u8]]) {
    out.extend_from_slice(&(items.len() as u16).to_be_bytes());
    if items.is_empty() {
        return;
    }
    let total: usize = items.iter().map(|i| i.len()).sum::<usize>() + 1;
    let off_size = off_size(total);
    out.push(off_size as u8);
    let mut at = 1usize;
    put_offset(out, at, off_size);
    for i in items {
        at += i.len();
        put_offset(out, at, off_size);
    }
    for i in items {
        out.extend_from_slice(i);
    }
}

/// The fewest bytes that hold every offset of an INDEX whose data ends at `total`.
fn off_size(total: usize) -> usize {
    match total {
        0..=0xff => 1,
        0x100..=0xffff => 2,
        0x1_0000..=0xff_ffff => 3,
        _ => 4,
    }
}

/// Appends an offset of `size` bytes.
fn put_offset(out: &mut Vec<u8>, v: usize, size: usize) {
    let b = (v as u32).to_be_bytes();
    match size {
        1 => out.push(b[3]),
        2 => out.extend_from_slice(&[b[2], b[3]]),
        3 => out.extend_from_slice(&[b[1], b[2], b[3]]),
        _ => out.extend_from_slice(&b),
    }
}

/// Appends the subroutines of `index` as an INDEX of the same count, the ones
/// not `used` emptied (they only return), so that no call needs renumbering.
fn write_subrs(out: &mut Vec<u8>, index: &Index, used: &[bool]) -> Option<()> {
    const RETURN: u8 = 11;
    out.extend_from_slice(&u16::try_from(index.count).ok()?.to_be_bytes());
    if index.count == 0 {
        return Some(());
    }
    // The old offsets, decoded once; the new length of each entry.
    let offsets: Vec<usize> = index
        .offsets
        .chunks_exact(index.off_size)
        .map(|c| c.iter().fold(0, |v, &b| v << 8 | usize::from(b)))
        .collect();
    let lens = || {
        offsets
            .windows(2)
            .zip(used.iter().chain(std::iter::repeat(&false)))
            .map(|(w, &u)| if u { w[1].saturating_sub(w[0]) } else { 1 })
    };
    let total = lens().sum::<usize>() + 1;
    let off_size = off_size(total);
    out.push(off_size as u8);
    out.reserve((index.count + 1) * off_size + total);
    let mut at = 1usize;
    put_offset(out, at, off_size);
    for len in lens() {
        at += len;
        put_offset(out, at, off_size);
    }
    for (w, &u) in offsets
        .windows(2)
        .zip(used.iter().chain(std::iter::repeat(&false)))
    {
        if u {
            out.extend_from_slice(index.data.get(w[0].checked_sub(1)?..w[1].checked_sub(1)?)?);
        } else {
            out.push(RETURN);
        }
    }
    Some(())
}

/// One DICT entry: its operand bytes and its operator (two-byte operators as `0x0c00 | b1`).
struct Entry<'a> {
    operands: &'a [u8],
    op: u16,
}

fn dict(data: &[u8]) -> Option<Vec<Entry<'_>>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(&b0) = data.get(i) {
        match b0 {
            0..=21 => {
                let (op, len) = if b0 == 12 {
                    (0x0c00 | u16::from(*data.get(i + 1)?), 2)
                } else {
                    (u16::from(b0), 1)
                };
                out.push(Entry {
                    operands: data.get(start..i)?,
                    op,
                });
                i += len;
                start = i;
            }
            28 => i += 3,
            29 => i += 5,
            30 => {
                // A real: nibbles up to one of 0xf.
                i += 1;
                loop {
                    let b = *data.get(i)?;
                    i += 1;
                    if b & 0x0f == 0x0f || b >> 4 == 0x0f {
                        break;
                    }
                }
            }
            32..=246 => i += 1,
            247..=254 => i += 2,
            _ => return None,
        }
    }
    Some(out)
}

/// The integer operands of a DICT entry (`None` for reals).
fn ints(operands: &[u8]) -> Option<Vec<i64>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b0) = operands.get(i) {
        let b = |k: usize| operands.get(i + k).copied().map(i64::from);
        match b0 {
            28 => {
                out.push(i64::from(i16::from_be_bytes([
                    *operands.get(i + 1)?,
                    *operands.get(i + 2)?,
                ])));
                i += 3;
            }
            29 => {
                out.push(i64::from(i32::from_be_bytes(
                    operands.get(i + 1..i + 5)?.try_into().ok()?,
                )));
                i += 5;
            }
            32..=246 => {
                out.push(i64::from(b0) - 139);
                i += 1;
            }
            247..=250 => {
                out.push((i64::from(b0) - 247) * 256 + b(1)? + 108);
                i += 2;
            }
            251..=254 => {
                out.push(-(i64::from(b0) - 251) * 256 - b(1)? - 108);
                i += 2;
            }
            _ => return None,
        }
    }
    Some(out)
}

fn usize_of(v: i64) -> Option<usize> {
    usize::try_from(v).ok()
}

/// The subroutine bias for an INDEX of `count` subroutines.
fn bias(count: usize) -> i64 {
    if count < 1240 {
        107
    } else if count < 33900 {
        1131
    } else {
        32768
    }
}

/// Which subroutines a glyph calls.
struct Walk<'a, 'b> {
    gsubrs: &'b Index<'a>,
    lsubrs: Option<&'b Index<'a>>,
    /// The calls, as subroutine numbers, local ones marked with [`LOCAL`].
    calls: Vec<u32>,
    stack: Vec<i64>,
    stems: usize,
    /// Bytes left to interpret: a bound for hostile fonts.
    budget: usize,
}

/// Marks a local subroutine in a list of calls.
const LOCAL: u32 = 1 << 31;

impl Walk<'_, '_> {
    /// Interprets a charstring; `Some(true)` when it ended the glyph.
    fn run(&mut self, code: &[u8], depth: u8) -> Option<bool> {
        if depth > 10 {
            return None;
        }
        self.budget = self.budget.checked_sub(code.len())?;
        let mut i = 0;
        while let Some(&b0) = code.get(i) {
            let b1 = || code.get(i + 1).copied().map(i64::from);
            match b0 {
                32..=246 => {
                    self.push(i64::from(b0) - 139)?;
                    i += 1;
                }
                247..=250 => {
                    self.push((i64::from(b0) - 247) * 256 + b1()? + 108)?;
                    i += 2;
                }
                251..=254 => {
                    self.push(-(i64::from(b0) - 251) * 256 - b1()? - 108)?;
                    i += 2;
                }
                28 => {
                    let v = i16::from_be_bytes([*code.get(i + 1)?, *code.get(i + 2)?]);
                    self.push(i64::from(v))?;
                    i += 3;
                }
                255 => {
                    // 16.16 fixed: only its integer part could matter (as a subroutine number).
                    let v = i32::from_be_bytes(code.get(i + 1..i + 5)?.try_into().ok()?);
                    self.push(i64::from(v >> 16))?;
                    i += 5;
                }
                // hstem, vstem, hstemhm, vstemhm (an odd count carries the width).
                1 | 3 | 18 | 23 => {
                    self.stems += self.stack.len() / 2;
                    self.stack.clear();
                    i += 1;
                }
                // hintmask, cntrmask: operands left are implied vstems; mask bytes follow.
                19 | 20 => {
                    self.stems += self.stack.len() / 2;
                    self.stack.clear();
                    i += 1 + self.stems.div_ceil(8);
                }
                10 | 29 => {
                    let n = self.stack.pop()?;
                    let local = b0 == 10;
                    let index = if local { self.lsubrs? } else { self.gsubrs };
                    let k = usize_of(n + bias(index.count))?;
                    let sub = index.get(k)?;
                    let mark = if local { LOCAL } else { 0 };
                    self.calls.push(u32::try_from(k).ok()? | mark);
                    if self.run(sub, depth + 1)? {
                        return Some(true);
                    }
                    i += 1;
                }
                // return
                11 => return Some(false),
                // endchar; four operands more would be a seac accent (other glyphs).
                14 => {
                    return (self.stack.len() < 4).then_some(true);
                }
                12 => match code.get(i + 1)? {
                    // flex operators
                    34..=37 => {
                        self.stack.clear();
                        i += 2;
                    }
                    // arithmetic and storage: not worth following
                    _ => return None,
                },
                // path operators
                4..=8 | 21 | 22 | 24..=27 | 30 | 31 => {
                    self.stack.clear();
                    i += 1;
                }
                _ => return None,
            }
        }
        Some(false)
    }

    fn push(&mut self, v: i64) -> Option<()> {
        if self.stack.len() >= 48 {
            return None;
        }
        self.stack.push(v);
        Some(())
    }
}

/// Operators left out of the subset's Top DICT: Encoding (unused by a CID font,
/// and keyed by the old glyph ids), UniqueID and XUID (a viewer must not mistake
/// the subset for the whole font).
const DROPPED: [u16; 3] = [16, 13, 14];
/// Top DICT operators that make a font one this module does not handle:
/// CharstringType, SyntheticBase, ROS, FDArray, FDSelect.
const UNHANDLED: [u16; 5] = [0x0c06, 0x0c14, 0x0c1e, 0x0c24, 0x0c25];

/// Top DICT operators whose operand is a string id: version, Notice, Copyright,
/// FullName, FamilyName, Weight, PostScript, BaseFontName.
const STRING_OPS: [u16; 8] = [0, 1, 0x0c00, 2, 3, 4, 0x0c15, 0x0c16];
/// String ids below this are the standard strings, not in the String INDEX.
const STANDARD_STRINGS: usize = 391;

fn int5(out: &mut Vec<u8>, v: usize) {
    out.push(29);
    out.extend_from_slice(&(v as u32).to_be_bytes());
}

/// The subroutines each glyph calls, found once per process for a face: walking
/// a glyph's charstring is the costly part of making a subset, and a batch shows
/// the same glyphs again and again.
#[derive(Default)]
pub struct SubrCache {
    glyphs: OnceLock<Box<[GlyphCalls]>>,
}

/// A glyph's subroutine calls, once known (`None`: a glyph this module declines).
type GlyphCalls = OnceLock<Option<Box<[u32]>>>;

/// A subset of the CFF table `cff` with the glyphs `glyphs` (the first must be 0).
/// `cache`, if given, must always come with the same table.
pub fn subset(cff: &[u8], glyphs: &[u16], cache: Option<&SubrCache>) -> Option<Vec<u8>> {
    if glyphs.first() != Some(&0) {
        return None;
    }
    let header = cff.get(..usize::from(*cff.get(2)?))?;
    let names = Index::parse(cff, header.len())?;
    let tops = Index::parse(cff, names.end)?;
    let strings = Index::parse(cff, tops.end)?;
    let gsubrs = Index::parse(cff, strings.end)?;
    if tops.count != 1 {
        return None;
    }
    let top = dict(tops.get(0)?)?;
    let (mut charset_at, mut charstrings_at, mut private) = (0, None, None);
    for e in &top {
        if UNHANDLED.contains(&e.op) {
            return None;
        }
        let v = || ints(e.operands);
        match e.op {
            15 => charset_at = usize_of(*v()?.first()?)?,
            17 => charstrings_at = Some(usize_of(*v()?.first()?)?),
            18 => match v()?.as_slice() {
                [size, at] => private = Some((usize_of(*size)?, usize_of(*at)?)),
                _ => return None,
            },
            _ => {}
        }
    }
    let charstrings = Index::parse(cff, charstrings_at?)?;
    let (private_len, private_at) = private?;
    let private_dict = cff.get(private_at..private_at + private_len)?;
    let mut subrs_at = None;
    for e in dict(private_dict)? {
        if e.op == 19 {
            subrs_at = Some(usize_of(*ints(e.operands)?.first()?)?);
        }
    }
    let lsubrs = match subrs_at {
        // The subroutines stay where the Private DICT says, after it.
        Some(at) if at >= private_len => Some((at, Index::parse(cff, private_at + at)?)),
        Some(_) => return None,
        None => None,
    };
    let sids = charset(cff, charset_at, charstrings.count, glyphs)?;
    // Only the strings the subset refers to are kept (glyph names are most of them):
    // the Top DICT's, then the kept glyphs' names, renumbered in that order.
    let mut strings_out: Vec<&[u8]> = Vec::new();
    let mut new_sid = vec![0u16; strings.count];
    let mut keep = |sid: u16| -> Option<u16> {
        let Some(k) = usize::from(sid).checked_sub(STANDARD_STRINGS) else {
            return Some(sid);
        };
        let slot = new_sid.get_mut(k)?;
        if *slot == 0 {
            strings_out.push(strings.get(k)?);
            *slot = u16::try_from(STANDARD_STRINGS + strings_out.len() - 1).ok()?;
        }
        Some(*slot)
    };
    let mut top_sids = Vec::new();
    for e in &top {
        if STRING_OPS.contains(&e.op) {
            let sid = u16::try_from(*ints(e.operands)?.first()?).ok()?;
            top_sids.push(keep(sid)?);
        }
    }
    let glyph_sids = sids
        .iter()
        .skip(1)
        .map(|&sid| keep(sid))
        .collect::<Option<Vec<u16>>>()?;

    // Which subroutines the kept glyphs use.
    let mut walk = Walk {
        gsubrs: &gsubrs,
        lsubrs: lsubrs.as_ref().map(|(_, i)| i),
        calls: Vec::new(),
        stack: Vec::with_capacity(48),
        stems: 0,
        budget: 0,
    };
    let mut calls_of = |code: &[u8]| -> Option<Box<[u32]>> {
        walk.calls.clear();
        walk.stack.clear();
        walk.stems = 0;
        walk.budget = 1 << 20;
        walk.run(code, 0)?;
        walk.calls.sort_unstable();
        walk.calls.dedup();
        Some(walk.calls.as_slice().into())
    };
    let memo = cache
        .map(|c| {
            c.glyphs
                .get_or_init(|| (0..charstrings.count).map(|_| OnceLock::new()).collect())
        })
        .filter(|m| m.len() == charstrings.count);
    let mut used_g = vec![false; gsubrs.count];
    let mut used_l = vec![false; lsubrs.as_ref().map_or(0, |(_, i)| i.count)];
    let mut kept: Vec<&[u8]> = Vec::with_capacity(glyphs.len());
    for &g in glyphs {
        let code = charstrings.get(usize::from(g))?;
        let fresh;
        let calls = match memo.and_then(|m| m.get(usize::from(g))) {
            Some(slot) => slot.get_or_init(|| calls_of(code)).as_deref()?,
            None => {
                fresh = calls_of(code)?;
                &fresh
            }
        };
        for &c in calls {
            let used = if c & LOCAL != 0 {
                &mut used_l
            } else {
                &mut used_g
            };
            *used.get_mut((c & !LOCAL) as usize)? = true;
        }
        kept.push(code);
    }
    let subrs = |index: &Index, used: &[bool]| -> Option<Vec<u8>> {
        let mut out = Vec::new();
        write_subrs(&mut out, index, used)?;
        Some(out)
    };
    let gsubrs_out = subrs(&gsubrs, &used_g)?;
    let lsubrs_out = match &lsubrs {
        Some((_, index)) => Some(subrs(index, &used_l)?),
        None => None,
    };

    // The Top DICT with its offsets as five-byte integers, so that its size is
    // known before the offsets are.
    let mut top_out = Vec::new();
    let mut top_sids = top_sids.into_iter();
    let mut patches = Vec::new();
    for e in &top {
        if DROPPED.contains(&e.op) {
            continue;
        }
        match e.op {
            15 | 17 => {
                patches.push((top_out.len(), e.op));
                int5(&mut top_out, 0);
            }
            18 => {
                int5(&mut top_out, private_len);
                patches.push((top_out.len(), e.op));
                int5(&mut top_out, 0);
            }
            op if STRING_OPS.contains(&op) => int5(&mut top_out, usize::from(top_sids.next()?)),
            _ => top_out.extend_from_slice(e.operands),
        }
        if e.op > 0xff {
            top_out.extend_from_slice(&[12, e.op as u8]);
        } else {
            top_out.push(e.op as u8);
        }
    }
    if !top.iter().any(|e| e.op == 15) {
        // The default ISOAdobe charset becomes an explicit one.
        patches.push((top_out.len(), 15));
        int5(&mut top_out, 0);
        top_out.push(15);
    }
    let mut top_index = Vec::new();
    write_index(&mut top_index, &[&top_out]);

    let mut out = Vec::with_capacity(cff.len() / 4);
    out.extend_from_slice(header);
    out.extend_from_slice(cff.get(header.len()..names.end)?);
    // The DICT's bytes end its INDEX.
    let top_dict_at = out.len() + top_index.len() - top_out.len();
    out.extend_from_slice(&top_index);
    write_index(&mut out, &strings_out);
    out.extend_from_slice(&gsubrs_out);
    let charset_out = out.len();
    out.push(0);
    for sid in glyph_sids {
        out.extend_from_slice(&sid.to_be_bytes());
    }
    let charstrings_out = out.len();
    write_index(&mut out, &kept);
    let private_out = out.len();
    out.extend_from_slice(private_dict);
    if let (Some((at, _)), Some(bytes)) = (&lsubrs, &lsubrs_out) {
        out.resize(private_out + at, 0);
        out.extend_from_slice(bytes);
    }
    for (at, op) in patches {
        let v = match op {
            15 => charset_out,
            17 => charstrings_out,
            _ => private_out,
        };
        let slot = out.get_mut(top_dict_at + at + 1..top_dict_at + at + 5)?;
        slot.copy_from_slice(&(v as u32).to_be_bytes());
    }
    Some(out)
}

/// The string ids of `glyphs` (ascending), from the charset at `at` (0: ISOAdobe,
/// the identity) of a font of `count` glyphs.
fn charset(cff: &[u8], at: usize, count: usize, glyphs: &[u16]) -> Option<Vec<u16>> {
    if glyphs.last().is_some_and(|&g| usize::from(g) >= count) {
        return None;
    }
    if at == 0 {
        return Some(glyphs.to_vec());
    }
    if at <= 2 {
        // The Expert charsets: not for text fonts.
        return None;
    }
    let u16_at = |i: usize| -> Option<u16> { be16(cff, i) };
    let format = *cff.get(at)?;
    if format == 0 {
        // An array of the string ids of glyphs 1, 2, …
        return glyphs
            .iter()
            .map(|&g| match g {
                0 => Some(0),
                _ => u16_at(at + 1 + 2 * (usize::from(g) - 1)),
            })
            .collect();
    }
    // Ranges (first id, count left), walked once for the ascending glyphs.
    let mut out = Vec::with_capacity(glyphs.len());
    let mut i = at + 1;
    // The range under the cursor: its first glyph, first id and length.
    let (mut first_glyph, mut first_sid, mut len) = (0usize, 0u16, 1usize);
    for &g in glyphs {
        let g = usize::from(g);
        while g >= first_glyph + len {
            first_glyph += len;
            first_sid = u16_at(i)?;
            let left = match format {
                1 => usize::from(*cff.get(i + 2)?),
                2 => usize::from(u16_at(i + 2)?),
                _ => return None,
            };
            i += if format == 1 { 3 } else { 4 };
            len = left + 1;
        }
        out.push(match g {
            0 => 0,
            _ => first_sid.checked_add(u16::try_from(g - first_glyph).ok()?)?,
        });
    }
    Some(out)
}

fn be16(table: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(table.get(at..at + 2)?.try_into().ok()?))
}

/// An OpenType font around the subset CFF table `cff`, with the metrics tables
/// for the kept `glyphs`: what a PDF viewer needs of an `OTTO` font program.
pub fn open_type(face: &ttf_parser::RawFace, cff: Vec<u8>, glyphs: &[u16]) -> Option<Vec<u8>> {
    let table = |t: &[u8; 4]| face.table(ttf_parser::Tag::from_bytes(t));
    let mut head = table(b"head")?.get(..54)?.to_vec();
    // checkSumAdjustment, set once the whole font is known.
    head.get_mut(8..12)?.fill(0);
    let hhea_in = table(b"hhea")?.get(..36)?;
    let hmtx_in = table(b"hmtx")?;
    let metrics = usize::from(be16(hhea_in, 34)?);
    let n = u16::try_from(glyphs.len()).ok()?;
    let mut hhea = hhea_in.to_vec();
    hhea.get_mut(34..36)?.copy_from_slice(&n.to_be_bytes());
    let mut hmtx = Vec::with_capacity(glyphs.len() * 4);
    for &g in glyphs {
        let g = usize::from(g);
        // Glyphs past the last full metric share its advance and have their own side bearing.
        let advance = be16(hmtx_in, 4 * g.min(metrics.checked_sub(1)?))?;
        let lsb = if g < metrics {
            be16(hmtx_in, 4 * g + 2)?
        } else {
            be16(hmtx_in, 4 * metrics + 2 * (g - metrics))?
        };
        hmtx.extend_from_slice(&advance.to_be_bytes());
        hmtx.extend_from_slice(&lsb.to_be_bytes());
    }
    let mut maxp = vec![0, 0, 0x50, 0];
    maxp.extend_from_slice(&n.to_be_bytes());
    let mut font = sfnt(
        b"OTTO",
        &[
            (*b"CFF ", &cff),
            (*b"head", &head),
            (*b"hhea", &hhea),
            (*b"hmtx", &hmtx),
            (*b"maxp", &maxp),
        ],
    );
    // head is the second table; its checkSumAdjustment makes the font sum to a constant.
    let head_at = 12 + 16 * 5 + cff.len().next_multiple_of(4);
    let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&font));
    font.get_mut(head_at + 8..head_at + 12)?
        .copy_from_slice(&adjust.to_be_bytes());
    Some(font)
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0u8; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// An sfnt file of `tables`, which must be sorted by tag.
fn sfnt(version: &[u8; 4], tables: &[([u8; 4], &[u8])]) -> Vec<u8> {
    let n = tables.len() as u16;
    let size: usize = tables
        .iter()
        .map(|(_, t)| t.len().next_multiple_of(4))
        .sum();
    let mut out = Vec::with_capacity(12 + 16 * tables.len() + size);
    out.extend_from_slice(version);
    let power = 1u16 << (15 - n.max(1).leading_zeros() as u16);
    let search = power * 16;
    out.extend_from_slice(&n.to_be_bytes());
    out.extend_from_slice(&search.to_be_bytes());
    out.extend_from_slice(&(power.trailing_zeros() as u16).to_be_bytes());
    out.extend_from_slice(&(n * 16 - search).to_be_bytes());
    let mut at = 12 + 16 * tables.len();
    for (tag, t) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(t).to_be_bytes());
        out.extend_from_slice(&(at as u32).to_be_bytes());
        out.extend_from_slice(&(t.len() as u32).to_be_bytes());
        at += t.len().next_multiple_of(4);
    }
    for (_, t) in tables {
        out.extend_from_slice(t);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::pdf::fonts::default_faces;

    /// Records an outline as text, to compare glyphs.
    #[derive(Default)]
    struct Path(String);

    impl ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0 += &format!("M{x} {y}");
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0 += &format!("L{x} {y}");
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0 += &format!("Q{x1} {y1} {x} {y}");
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0 += &format!("C{x1} {y1} {x2} {y2} {x} {y}");
        }
        fn close(&mut self) {
            self.0 += "Z";
        }
    }

    fn outline(face: &ttf_parser::Face, g: u16) -> String {
        let mut p = Path::default();
        face.outline_glyph(ttf_parser::GlyphId(g), &mut p);
        p.0
    }

    #[test]
    fn the_subset_keeps_outlines_and_metrics_of_the_kept_glyphs() {
        for face in &default_faces().unwrap().faces {
            let m = &face.metrics;
            let raw = m.raw_face();
            let table = raw.table(ttf_parser::Tag::from_bytes(b"CFF ")).unwrap();
            let mut glyphs: Vec<u16> = "The General Assembly, Recalling 65/122 (a)–(b) Ж λ éß"
                .chars()
                .filter_map(|c| m.glyph_index(c))
                .map(|g| g.0)
                .chain([0])
                .collect();
            glyphs.sort_unstable();
            glyphs.dedup();
            let cff = subset(table, &glyphs, None).expect("Libertinus is a name-keyed CFF");
            assert!(
                cff.len() < table.len() / 5,
                "{} of {}",
                cff.len(),
                table.len()
            );
            let font = open_type(raw, cff, &glyphs).unwrap();
            assert_eq!(checksum(&font), 0xB1B0_AFBA);
            let sub = ttf_parser::Face::parse(&font, 0).unwrap();
            assert_eq!(usize::from(sub.number_of_glyphs()), glyphs.len());
            for (new, &old) in glyphs.iter().enumerate() {
                let (new, old_id) = (new as u16, ttf_parser::GlyphId(old));
                assert_eq!(outline(&sub, new), outline(m, old), "glyph {old}");
                assert_eq!(
                    sub.glyph_hor_advance(ttf_parser::GlyphId(new)),
                    m.glyph_hor_advance(old_id)
                );
                assert_eq!(
                    sub.glyph_name(ttf_parser::GlyphId(new)),
                    m.glyph_name(old_id)
                );
            }
        }
    }

    #[test]
    fn a_font_it_does_not_handle_is_declined() {
        assert!(subset(b"\x01\x00\x04\x01", &[0], None).is_none());
        assert!(subset(&[], &[0], None).is_none());
        let f = &default_faces().unwrap().faces[0];
        let table = f
            .metrics
            .raw_face()
            .table(ttf_parser::Tag::from_bytes(b"CFF "))
            .unwrap();
        // .notdef must come first.
        assert!(subset(table, &[5], None).is_none());
        assert!(subset(table, &[0, u16::MAX], None).is_none());
    }
}
