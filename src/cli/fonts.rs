//! A font family for the PDF, read from a folder given on the command line.

use std::path::{Path, PathBuf};
use unres::write;

/// Reads a font family from a directory: one file per style, found by its name's ending.
pub(crate) fn read_font_dir(dir: &Path) -> Result<write::FontFamily, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read font directory {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf"))
        })
        .collect();
    files.sort();
    let stems: Vec<String> = files
        .iter()
        .map(|p| {
            p.file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_ascii_lowercase)
                .unwrap_or_default()
        })
        .collect();
    let Some(styles) = choose_family(&stems) else {
        return Err(format!(
            "no font family in {} (a regular face named *-Regular.ttf/.otf or without a style \
             ending, and optionally *-Italic, *-Bold, *-BoldItalic)",
            dir.display()
        ));
    };
    let read = |i: usize| -> Result<Vec<u8>, String> {
        let path = files.get(i).ok_or("font file list changed")?;
        std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    Ok(write::FontFamily {
        regular: read(styles[0])?,
        italic: read(styles[1])?,
        bold: read(styles[2])?,
        bold_italic: read(styles[3])?,
    })
}

/// Style endings of font file names (lowercase), by style: regular, italic, bold, bold italic.
const STYLE_ENDINGS: [&[&str]; 4] = [
    &["-regular", "-book", "-roman", ""],
    &["-italic", "-oblique"],
    &["-bold"],
    &["-bolditalic", "-boldoblique"],
];

/// Picks a family among font file stems (lowercase) and returns the index of the file for
/// each style: regular, italic, bold, bold italic. A family is a regular face and whatever
/// styles it has; a missing style falls back (bold italic to bold, else italic; the others
/// to regular), as fonts for Chinese and Japanese come without italics. The family with the
/// most styles is taken, a serif (the UN print is set in one) before others, then by name.
fn choose_family(stems: &[String]) -> Option<[usize; 4]> {
    let find = |family: &str, style: usize| {
        STYLE_ENDINGS[style].iter().find_map(|end| {
            stems
                .iter()
                .position(|s| s.strip_suffix(end) == Some(family))
        })
    };
    let mut best: Option<(usize, bool, [usize; 4])> = None;
    for (i, stem) in stems.iter().enumerate() {
        // A face is regular if its stem is a family name plus a regular ending, and the
        // family is not itself another face's style ("x-bold" is not the family of "x-bold").
        let family = STYLE_ENDINGS[0]
            .iter()
            .find_map(|end| stem.strip_suffix(end).filter(|f| !f.is_empty()));
        let Some(family) = family else { continue };
        let is_style = STYLE_ENDINGS[1..]
            .iter()
            .flat_map(|e| e.iter())
            .any(|end| family.ends_with(end));
        if is_style || find(family, 0) != Some(i) {
            continue;
        }
        let (italic, bold, bold_italic) = (find(family, 1), find(family, 2), find(family, 3));
        let count = [italic, bold, bold_italic].iter().flatten().count();
        let serif = family.contains("serif") && !family.contains("sans");
        let styles = [
            i,
            italic.unwrap_or(i),
            bold.unwrap_or(i),
            bold_italic.or(bold).or(italic).unwrap_or(i),
        ];
        if best.is_none_or(|(c, s, _)| (count, serif) > (c, s)) {
            best = Some((count, serif, styles));
        }
    }
    best.map(|(_, _, styles)| styles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(names: &[&str]) -> Option<[String; 4]> {
        let stems: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        choose_family(&stems).map(|i| i.map(|i| stems[i].clone()))
    }

    #[test]
    fn font_family_chosen_from_a_folder() {
        // Debian's liberation2: three whole families, the serif taken.
        let lib = [
            "liberationmono-bold",
            "liberationmono-bolditalic",
            "liberationmono-italic",
            "liberationmono-regular",
            "liberationsans-bold",
            "liberationsans-bolditalic",
            "liberationsans-italic",
            "liberationsans-regular",
            "liberationserif-bold",
            "liberationserif-bolditalic",
            "liberationserif-italic",
            "liberationserif-regular",
        ];
        assert_eq!(
            pick(&lib).unwrap(),
            [
                "liberationserif-regular",
                "liberationserif-italic",
                "liberationserif-bold",
                "liberationserif-bolditalic"
            ]
        );
        // DejaVu: no "-Regular", obliques, a condensed family beside.
        let dejavu = [
            "dejavusans",
            "dejavusans-bold",
            "dejavusans-boldoblique",
            "dejavusans-oblique",
            "dejavusanscondensed",
            "dejavusanscondensed-bold",
            "dejavuserif",
            "dejavuserif-bold",
            "dejavuserif-bolditalic",
            "dejavuserif-italic",
        ];
        assert_eq!(
            pick(&dejavu).unwrap(),
            [
                "dejavuserif",
                "dejavuserif-italic",
                "dejavuserif-bold",
                "dejavuserif-bolditalic"
            ]
        );
        // A Chinese family without italics: italic falls back to regular, bold italic to bold.
        let cjk = [
            "notoserifsc-bold",
            "notoserifsc-light",
            "notoserifsc-regular",
        ];
        assert_eq!(
            pick(&cjk).unwrap(),
            [
                "notoserifsc-regular",
                "notoserifsc-regular",
                "notoserifsc-bold",
                "notoserifsc-bold"
            ]
        );
        // Styles without their regular face are no family.
        assert_eq!(pick(&["x-bold", "x-italic", "x-bolditalic"]), None);
        assert_eq!(pick(&[]), None);
    }
}
