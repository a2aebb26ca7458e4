//! How every chart looks: the Okabe–Ito colour-blind-safe palette and the neutral
//! colours, the DejaVu Sans fonts embedded in the binary (never a system font), font
//! sizes, margins and the chart sizes. Nothing here draws; [`super::scene`] does.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

/// The SVG `font-family` of every text of the charts: the embedded DejaVu Sans (the
/// webview loads it, and the PNG output rasterises it), then close fallbacks for an
/// exported SVG opened where it is not installed.
pub const FONT_FAMILY: &str = "DejaVu Sans, Verdana, sans-serif";

/// The Okabe–Ito colour-blind-safe palette, in its usual order: black,
/// orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
pub const PALETTE: [&str; 8] = [
    "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
];

/// The embedded fonts (DejaVu Sans, regular and bold).
pub(super) static FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub(super) static FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

// Okabe–Ito colours of the marks (must match `PALETTE`).
pub(super) const BAR: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub(super) const ACCENT: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
// Neutral colours for text and guides.
pub(super) const TEXT: RGBColor = RGBColor(0x1F, 0x1F, 0x1F);
pub(super) const MUTED: RGBColor = RGBColor(0x4D, 0x4D, 0x4D);
pub(super) const SOURCE: RGBColor = RGBColor(0x6B, 0x6B, 0x6B);
pub(super) const GRID: RGBColor = RGBColor(0xE2, 0xE2, 0xE2);
pub(super) const BASELINE: RGBColor = RGBColor(0x80, 0x80, 0x80);
/// Marks left without a colour (a scatter group beyond the palette).
pub(super) const OTHER: RGBColor = RGBColor(0x99, 0x99, 0x99);

/// Colours for series, from the Okabe–Ito palette (blue first like the bars; the hard
/// to see yellow and the black late).
pub(super) const SERIES: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x00, 0x00),
    RGBColor(0xF0, 0xE4, 0x42),
];

/// Map classes, light to dark (ColorBrewer "Blues": sequential, readable by colour-blind
/// people and in grey).
pub const CLASS_COLORS: [&str; 5] = ["#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C"];
pub(super) const CLASS_RGB: [RGBColor; 5] = [
    RGBColor(0xEF, 0xF3, 0xFF),
    RGBColor(0xBD, 0xD7, 0xE7),
    RGBColor(0x6B, 0xAE, 0xD6),
    RGBColor(0x31, 0x82, 0xBD),
    RGBColor(0x08, 0x51, 0x9C),
];
/// Map areas without a value, and the province outlines.
pub(super) const MISSING: RGBColor = RGBColor(0xE0, 0xE0, 0xE0);
pub(super) const OUTLINE: RGBColor = RGBColor(0x8C, 0x8C, 0x8C);

// Rendered font sizes, in pixels at scale 1.
pub(super) const TITLE_PX: f64 = 20.0;
pub(super) const AXIS_TITLE_PX: f64 = 12.5;
pub(super) const CATEGORY_PX: f64 = 13.0;
pub(super) const TICK_PX: f64 = 12.0;
pub(super) const VALUE_PX: f64 = 12.5;
pub(super) const LABEL_PX: f64 = 12.0;
pub(super) const SOURCE_PX: f64 = 11.0;
/// Smallest font size used when many bars must share the space.
pub(super) const MIN_PX: f64 = 8.0;

// Spacing, in pixels at scale 1.
pub(super) const MARGIN_X: f64 = 28.0;
pub(super) const MARGIN_TOP: f64 = 18.0;
pub(super) const MARGIN_BOTTOM: f64 = 14.0;
pub(super) const GAP: f64 = 8.0;

/// Width and height of a chart at scale 1, in pixels (the SVG viewBox); horizontal bar
/// charts with many bars and the map are taller.
pub(super) const WIDTH: f64 = 960.0;
pub(super) const HEIGHT: f64 = 540.0;
/// Largest PNG scale factor accepted; larger requests are clamped to it.
pub(super) const MAX_SCALE: u32 = 4;

/// How a piece of text looks: size in pixels at scale 1, weight, colour and
/// anchor (which point of the text box `(x, y)` designates, in the text's
/// own direction) and whether it reads bottom-to-top (rotated 270°).
#[derive(Clone, Copy)]
pub(super) struct Look {
    pub(super) px: f64,
    pub(super) bold: bool,
    pub(super) color: RGBColor,
    pub(super) h: HPos,
    pub(super) v: VPos,
    pub(super) rotated: bool,
}

pub(super) fn look(px: f64, bold: bool, color: RGBColor, h: HPos, v: VPos) -> Look {
    Look {
        px,
        bold,
        color,
        h,
        v,
        rotated: false,
    }
}

impl Look {
    /// The same look, turned to read bottom-to-top.
    pub(super) fn rotated(self) -> Look {
        Look {
            rotated: true,
            ..self
        }
    }
}

/// `#RRGGBB`.
pub(super) fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_class_colours_are_written_as_their_hex_codes() {
        for (rgb, code) in CLASS_RGB.iter().zip(CLASS_COLORS) {
            assert_eq!(hex(*rgb), code);
        }
        assert_eq!(hex(SERIES[0]), PALETTE[5]);
    }
}
