//! Text with the embedded DejaVu Sans font: measuring it (the layouts of every chart),
//! shortening and wrapping it to fit, and rasterising it into the PNG output with
//! ab_glyph, glyph by glyph, at the same anchors as the SVG output.
//!
//! Text in a right-to-left script (Arabic, Hebrew) is **shaped** before it is drawn, as the
//! webview shapes the SVG: `unicode-bidi` splits it into runs in display order, and
//! `rustybuzz` (HarfBuzz's shaping in Rust) picks each letter's joined form and lays the
//! run out right to left. ab_glyph alone draws one isolated letter per character, left to
//! right, which no reader of Arabic can read. Other text keeps the plain glyph-by-glyph
//! layout (cmap and kerning), so French labels draw exactly as before.

use std::sync::OnceLock;

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{Look, FONT_BOLD, FONT_REGULAR};

/// The parsed embedded fonts: (regular, bold).
fn fonts() -> &'static (FontRef<'static>, FontRef<'static>) {
    static FONTS: OnceLock<(FontRef<'static>, FontRef<'static>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        (
            FontRef::try_from_slice(FONT_REGULAR).expect("embedded DejaVu Sans"),
            FontRef::try_from_slice(FONT_BOLD).expect("embedded DejaVu Sans Bold"),
        )
    })
}

fn font(bold: bool) -> &'static FontRef<'static> {
    let (regular, bold_font) = fonts();
    if bold {
        bold_font
    } else {
        regular
    }
}

/// The ab_glyph scale that draws `px` pixels to the em (the SVG `font-size`).
fn scale_for(font: &FontRef<'_>, px: f64) -> PxScale {
    let units = font.units_per_em().unwrap_or(2048.0);
    PxScale::from(px as f32 * font.height_unscaled() / units)
}

/// The shaping faces of the embedded fonts: (regular, bold).
fn faces() -> &'static (rustybuzz::Face<'static>, rustybuzz::Face<'static>) {
    static FACES: OnceLock<(rustybuzz::Face<'static>, rustybuzz::Face<'static>)> = OnceLock::new();
    FACES.get_or_init(|| {
        (
            rustybuzz::Face::from_slice(FONT_REGULAR, 0).expect("embedded DejaVu Sans"),
            rustybuzz::Face::from_slice(FONT_BOLD, 0).expect("embedded DejaVu Sans Bold"),
        )
    })
}

/// True for a character of a right-to-left script, whose text must be shaped.
fn is_rtl(ch: char) -> bool {
    matches!(ch as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// One glyph laid out on the baseline, left to right on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Placed {
    id: ab_glyph::GlyphId,
    /// Pen position and vertical offset, in pixels.
    x: f32,
    y: f32,
    /// The byte index in the text of the character(s) it draws.
    cluster: usize,
}

/// The glyphs of `text` at `px` pixels, in drawing order, and the total advance.
fn layout(text: &str, px: f64, bold: bool) -> (Vec<Placed>, f32) {
    if text.chars().any(is_rtl) {
        return shaped(text, px, bold);
    }
    let font = font(bold);
    let scaled = font.as_scaled(scale_for(font, px));
    let mut caret = 0.0f32;
    let mut prev = None;
    let mut out = Vec::with_capacity(text.len());
    for (cluster, ch) in text.char_indices() {
        let id = scaled.glyph_id(ch);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        out.push(Placed {
            id,
            x: caret,
            y: 0.0,
            cluster,
        });
        caret += scaled.h_advance(id);
        prev = Some(id);
    }
    (out, caret)
}

/// [`layout`] for text with right-to-left runs: bidi runs in display order, each shaped.
fn shaped(text: &str, px: f64, bold: bool) -> (Vec<Placed>, f32) {
    let (regular, bold_face) = faces();
    let face = if bold { bold_face } else { regular };
    let per_unit = px as f32 / f32::from(face.units_per_em() as u16);
    let info = unicode_bidi::BidiInfo::new(text, None);
    let mut out = Vec::new();
    let mut caret = 0.0f32;
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let mut buffer = rustybuzz::UnicodeBuffer::new();
            buffer.push_str(&text[run.clone()]);
            buffer.guess_segment_properties();
            buffer.set_direction(if levels[run.start].is_rtl() {
                rustybuzz::Direction::RightToLeft
            } else {
                rustybuzz::Direction::LeftToRight
            });
            let glyphs = rustybuzz::shape(face, &[], buffer);
            for (g, p) in glyphs.glyph_infos().iter().zip(glyphs.glyph_positions()) {
                out.push(Placed {
                    id: ab_glyph::GlyphId(g.glyph_id as u16),
                    x: caret + p.x_offset as f32 * per_unit,
                    y: -(p.y_offset as f32) * per_unit,
                    cluster: run.start + g.cluster as usize,
                });
                caret += p.x_advance as f32 * per_unit;
            }
        }
    }
    (out, caret)
}

/// Width and height of `text` at `px` pixels, as the PNG renderer lays it out.
pub(super) fn measure(text: &str, px: f64, bold: bool) -> (f64, f64) {
    (f64::from(layout(text, px, bold).1), px * 1.2)
}

/// `text` shortened with an ellipsis so that it fits in `max_w` pixels.
pub(super) fn fit(text: &str, px: f64, bold: bool, max_w: f64) -> String {
    if measure(text, px, bold).0 <= max_w {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    for keep in (1..chars.len()).rev() {
        let head: String = chars[..keep].iter().collect();
        let candidate = format!("{}…", head.trim_end());
        if measure(&candidate, px, bold).0 <= max_w {
            return candidate;
        }
    }
    "…".to_string()
}

/// Splits `text` into lines no wider than `max_w`, at spaces.
pub(super) fn wrap(text: &str, px: f64, bold: bool, max_w: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate, px, bold).0 > max_w && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| fit(&l, px, bold, max_w))
        .collect()
}

/// Splits a label into at most two lines that fit `max_w`, breaking at a
/// space or after a hyphen; shortens it with an ellipsis as a last resort.
pub(super) fn wrap_in_two(label: &str, px: f64, bold: bool, max_w: f64) -> Vec<String> {
    if measure(label, px, bold).0 <= max_w {
        return vec![label.to_string()];
    }
    // Candidate break points: after a space (dropped) or after a hyphen (kept).
    let mut best: Option<(f64, &str, &str)> = None;
    for (i, ch) in label.char_indices() {
        let (first, second) = match ch {
            ' ' => (&label[..i], &label[i + 1..]),
            '-' => (&label[..i + 1], &label[i + 1..]),
            _ => continue,
        };
        let (first, second) = (first.trim(), second.trim());
        if first.is_empty() || second.is_empty() {
            continue;
        }
        let widest = measure(first, px, bold).0.max(measure(second, px, bold).0);
        if best.is_none_or(|(b, _, _)| widest < b) {
            best = Some((widest, first, second));
        }
    }
    match best {
        Some((_, first, second)) => vec![fit(first, px, bold, max_w), fit(second, px, bold, max_w)],
        None => vec![fit(label, px, bold, max_w)],
    }
}

/// The SVG `dy` of a text anchored at `v` (plotters' convention, kept by the SVG
/// output), and the same shift in pixels at `px` for the PNG output: DejaVu Sans'
/// x-height is 0.547 em.
pub(super) fn baseline_shift(v: VPos) -> (&'static str, f64) {
    match v {
        VPos::Top => ("0.76em", 0.76),
        VPos::Center => ("0.5ex", 0.5 * 0.547),
        VPos::Bottom => ("-0.5ex", -0.5 * 0.547),
    }
}

/// A text to rasterise, in device pixels.
pub(super) struct TextOp {
    pub(super) text: String,
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) look: Look,
}

/// Rasterises texts into an RGB buffer of width `w` with ab_glyph.
///
/// plotters 0.3.7's own ab_glyph rasteriser drops each glyph's left side
/// bearing, which gives visibly uneven letter spacing ("Provin ce"); this
/// lays glyphs out properly, with the same anchors as the SVG output
/// so that the PNG matches the SVG.
pub(super) fn draw_texts(pixels: &mut [u8], w: u32, h: u32, texts: &[TextOp]) {
    for op in texts {
        let font = font(op.look.bold);
        let em = op.look.px as f32;
        let scale = scale_for(font, op.look.px);

        // Lay the glyphs out on a baseline at y = 0.
        let (placed, caret) = layout(&op.text, op.look.px, op.look.bold);
        let glyphs = placed
            .iter()
            .map(|g| g.id.with_scale_and_position(scale, point(g.x, g.y)));
        let dx = match op.look.h {
            HPos::Left => 0.0,
            HPos::Center => -caret / 2.0,
            HPos::Right => -caret,
        };
        let dy = baseline_shift(op.look.v).1 as f32 * em;
        let (ax, ay) = (op.x.round() as i64, op.y.round() as i64);
        let (dx, dy) = (dx.round() as i64, dy.round() as i64);
        let rotated = op.look.rotated;
        let (r, g, b) = (op.look.color.0, op.look.color.1, op.look.color.2);
        for glyph in glyphs {
            let Some(outline) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outline.px_bounds();
            outline.draw(|gx, gy, coverage| {
                // Pixel in the text's own frame, relative to the anchor.
                let lx = dx + bounds.min.x as i64 + i64::from(gx);
                let ly = dy + bounds.min.y as i64 + i64::from(gy);
                // SVG's rotate(270): (lx, ly) -> (ly, -lx).
                let (x, y) = if rotated {
                    (ax + ly, ay - lx)
                } else {
                    (ax + lx, ay + ly)
                };
                if x < 0 || y < 0 || x >= i64::from(w) || y >= i64::from(h) {
                    return;
                }
                let i = ((y as usize) * (w as usize) + x as usize) * 3;
                let a = coverage.clamp(0.0, 1.0);
                if let Some(px) = pixels.get_mut(i..i + 3) {
                    for (dst, src) in px.iter_mut().zip([r, g, b]) {
                        *dst = (f32::from(*dst) * (1.0 - a) + f32::from(src) * a).round() as u8;
                    }
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_font_covers_french_accents_and_arabic_letters() {
        let (regular, bold) = fonts();
        for font in [regular, bold] {
            for ch in "éèêëàâîïôöùûüçÉÈÀÇŒœ«»€تشاد".chars() {
                assert_ne!(font.glyph_id(ch).0, 0, "{ch}");
            }
        }
        assert!(measure("تشاد", 12.0, false).0 > 10.0);
    }

    #[test]
    fn arabic_is_shaped_joined_and_right_to_left() {
        let text = "تشاد"; // Chad
        let (glyphs, width) = layout(text, 20.0, false);
        assert_eq!(glyphs.len(), 4);
        // Drawn right to left: the leftmost glyph is the last letter, dal.
        let clusters: Vec<usize> = glyphs.iter().map(|g| g.cluster).collect();
        let dal = text.char_indices().last().unwrap().0;
        assert_eq!(clusters[0], dal, "{clusters:?}");
        assert_eq!(*clusters.last().unwrap(), 0);
        assert!(glyphs.windows(2).all(|w| w[0].x < w[1].x));
        // Joined forms, not the isolated letters a character-by-character draw gives:
        // teh and sheen take their initial and medial forms.
        let plain = font(false);
        let isolated: Vec<u16> = text.chars().map(|c| plain.glyph_id(c).0).collect();
        let drawn: Vec<u16> = glyphs.iter().rev().map(|g| g.id.0).collect();
        assert_ne!(drawn[0], isolated[0], "teh keeps its isolated form");
        assert_ne!(drawn[1], isolated[1], "sheen keeps its isolated form");
        assert!(width > 20.0);
        // A French label is laid out as before, glyph by glyph, left to right.
        let (latin, _) = layout("Guéra", 20.0, false);
        let ids: Vec<u16> = latin.iter().map(|g| g.id.0).collect();
        let expected: Vec<u16> = "Guéra".chars().map(|c| plain.glyph_id(c).0).collect();
        assert_eq!(ids, expected);
        // Mixed text, in a left-to-right paragraph: the French words come first, then the
        // Arabic run; a number after Arabic letters belongs to the run (Unicode's rule W2),
        // so it is drawn to the left of the word and the word's first letter ends the line.
        let mixed = "Population du تشاد 2009";
        let (glyphs, _) = layout(mixed, 20.0, false);
        assert_eq!(glyphs[0].cluster, 0, "the label starts with « P »");
        assert_eq!(glyphs.last().unwrap().cluster, mixed.find('ت').unwrap());
    }

    #[test]
    fn measuring_grows_with_text_and_size() {
        let (a, _) = measure("Guéra", 12.0, false);
        let (b, _) = measure("Guéra Guéra", 12.0, false);
        let (c, _) = measure("Guéra", 24.0, false);
        assert!(a > 10.0 && b > a && (c - 2.0 * a).abs() < 1.0);
        assert!(fit("Ville de N'Djamena", 12.0, false, 40.0).ends_with('…'));
    }

    #[test]
    fn long_labels_break_in_two_at_a_space_or_after_a_hyphen() {
        assert_eq!(wrap_in_two("Lac", 12.0, false, 100.0), ["Lac"]);
        let w = measure("Mayo-Kebbi", 12.0, false).0;
        assert_eq!(
            wrap_in_two("Mayo-Kebbi Ouest", 12.0, false, w + 1.0),
            ["Mayo-Kebbi", "Ouest"]
        );
        let w = measure("Baguirmi", 12.0, false).0;
        assert_eq!(
            wrap_in_two("Chari-Baguirmi", 12.0, false, w + 1.0),
            ["Chari-", "Baguirmi"]
        );
        let one = wrap_in_two("Ouaddaï", 12.0, false, 20.0);
        assert_eq!(one.len(), 1);
        assert!(one[0].ends_with('…'));
    }
}
