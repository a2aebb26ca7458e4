//! Charts for DataJam Atelier: from an imported table and a [`ChartRequest`] to an SVG
//! (screen, export) or a PNG (export, at 1× or 2×), with sentences (notes) telling the
//! trainee what was left out, and chart advice ([`advise`]). Charts are drawn in the
//! language of their caller: every word and note comes from the message catalog
//! (`src/i18n/ftl/<lang>/chart.ftl`), numbers are written its way.
//!
//! Every kind is laid out as a `scene` (a list of shapes in pixels) and written out by
//! its one renderer: SVG from our writer (every mark has a `class` and `data-*`
//! attributes), PNG through plotters' bitmap backend with the embedded font.
//!
//! - [`bar`]: bar charts (`bar`/`hbar` kinds and the lesson chart steps).
//! - `series`: grouped and stacked bars, lines.
//! - `scatter`, `histogram`, `lorenz`: charts of numbers.
//! - [`map`]: the choropleth map of Chad's provinces, with points.
//! - `layout`: what the layouts share (texts around the chart, axes, ticks, tags).
//! - `scene`: the shapes and the renderer; `text`: measuring and rasterising text.
//! - `style`: palette, fonts, sizes and margins.
//! - `data`: reading and aggregating the table (quoted identifiers, no values in SQL).
//! - `request`: what the UI and the CLI ask for; `advice`: which chart answers which question.
//!
//! Every chart has a title, axis labels, a source note, numbers written the way of its
//! language (`1 234,5` in French, `1,234.5` in English, from [`crate::i18n::format_number`]),
//! the Okabe–Ito colour-blind-safe palette and the DejaVu Sans font embedded in the binary.

pub mod advice;
pub mod bar;
mod data;
mod histogram;
mod layout;
mod lorenz;
pub mod map;
mod request;
mod scatter;
mod scene;
mod series;
mod style;
mod text;

use std::path::Path;

use rusqlite::Connection;

use crate::i18n::Lang;
use crate::tr;

pub use advice::{advise, advise_table, Advice, Question};
pub use bar::{bar_chart_png, bar_chart_svg, chart_height, BarChartSpec, BarDatum};
pub use request::{parse_agg, Agg, ChartRequest, Format, Kind, Rendered};
pub use scene::esc as escape_xml;
pub use style::{FONT_FAMILY, PALETTE};

/// Why a chart could not be produced.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ChartError {
    #[error("no data to draw")]
    Empty,
    #[error("value is not a finite number for {0}")]
    NotFinite(String),
    #[error("drawing failed: {0}")]
    Draw(String),
    #[error("PNG encoding failed: {0}")]
    Png(String),
    #[error("unknown chart kind: {0}")]
    UnknownKind(String),
    #[error("unknown aggregation: {0}")]
    UnknownAgg(String),
    #[error("unknown column: {0}")]
    UnknownColumn(String),
    #[error("column {0} holds no numbers")]
    NotNumeric(String),
    #[error("a {kind} chart needs the {field} field")]
    MissingField {
        kind: &'static str,
        field: &'static str,
    },
    #[error("no value of column {0} names a province of Chad")]
    NoProvince(String),
    #[error("the file name must end in .svg or .png: {0}")]
    BadExtension(String),
}

crate::stage_error!(ChartError {
    ChartError::Empty => "chart.empty",
    ChartError::NotFinite(_) => "chart.not_finite",
    ChartError::Draw(_) => "chart.draw",
    ChartError::Png(_) => "chart.png",
    ChartError::UnknownKind(_) => "chart.unknown_kind",
    ChartError::UnknownAgg(_) => "chart.unknown_agg",
    ChartError::UnknownColumn(_) => "chart.unknown_column",
    ChartError::NotNumeric(_) => "chart.not_numeric",
    ChartError::MissingField { .. } => "chart.missing_field",
    ChartError::NoProvince(_) => "chart.no_province",
    ChartError::BadExtension(_) => "chart.bad_extension",
});

impl ChartError {
    /// The message for the trainee in `lang` (the catalog's `error-<code>`).
    pub fn message(&self, lang: Lang) -> String {
        let key = crate::error::message_key(self.code());
        let key = key.as_str();
        match self {
            ChartError::Empty => tr!(lang, key),
            ChartError::NotFinite(label) => tr!(lang, key, label = label),
            ChartError::Draw(e) | ChartError::Png(e) => tr!(lang, key, detail = e),
            ChartError::UnknownKind(k) => tr!(lang, key, kind = k, kinds = Kind::names()),
            ChartError::UnknownAgg(a) => tr!(lang, key, agg = a),
            ChartError::UnknownColumn(c)
            | ChartError::NotNumeric(c)
            | ChartError::NoProvince(c) => tr!(lang, key, column = c),
            ChartError::MissingField { kind, field } => {
                tr!(lang, key, kind = *kind, field = *field)
            }
            ChartError::BadExtension(p) => tr!(lang, key, path = p),
        }
    }
}

/// Lays out the chart `req` asks for from the rows of `table`, in `lang`.
fn build(
    conn: &Connection,
    table: &str,
    req: &ChartRequest,
    lang: Lang,
) -> crate::Result<(scene::Scene, Vec<String>)> {
    let info = crate::store::tables::table_info(conn, table)?;
    let input = data::Input {
        conn,
        info: &info,
        req,
        lang,
    };
    let mut notes = Vec::new();
    let scene = match req.kind {
        Kind::Bar | Kind::Hbar => bar::from_table(input, &mut notes)?,
        Kind::Grouped | Kind::Stacked | Kind::Line => series::series_chart(input, &mut notes)?,
        Kind::Scatter => scatter::scatter(input, &mut notes)?,
        Kind::Histogram => histogram::histogram(input, &mut notes)?,
        Kind::Lorenz => lorenz::lorenz(input, &mut notes)?,
        Kind::Map => map::map_chart(input, &mut notes)?,
    };
    Ok((scene, notes))
}

/// Draws the chart `req` asks for from the imported table `table`, in `lang` (its words,
/// numbers and notes).
pub fn chart_table(
    conn: &Connection,
    table: &str,
    req: &ChartRequest,
    format: Format,
    lang: Lang,
) -> crate::Result<Rendered> {
    let (scene, notes) = build(conn, table, req, lang)?;
    let (width, height) = (scene.width.round() as u32, scene.height.round() as u32);
    let (bytes, scale) = match format {
        Format::Svg => (scene.to_svg().into_bytes(), 1),
        Format::Png { scale } => {
            let scale = scale.clamp(1, style::MAX_SCALE);
            (scene.to_png(scale)?, scale)
        }
    };
    Ok(Rendered {
        format,
        bytes,
        notes,
        width: width * scale,
        height: height * scale,
    })
}

/// The SVG of the chart and its notes (what the screen shows).
pub fn chart_svg_for(
    conn: &Connection,
    table: &str,
    req: &ChartRequest,
    lang: Lang,
) -> crate::Result<(String, Vec<String>)> {
    let r = chart_table(conn, table, req, Format::Svg, lang)?;
    let svg = String::from_utf8(r.bytes).map_err(|e| ChartError::Draw(e.to_string()))?;
    Ok((svg, r.notes))
}

/// Writes the chart to `path`, as SVG or PNG (at `scale`) from the extension; the file is
/// written to a temporary file next to it and renamed, so nothing is ever half-written.
/// Returns the notes.
pub fn save(
    conn: &Connection,
    table: &str,
    req: &ChartRequest,
    path: &Path,
    scale: u32,
    lang: Lang,
) -> crate::Result<Vec<String>> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = match ext.as_deref() {
        Some("svg") => Format::Svg,
        Some("png") => Format::Png { scale },
        _ => return Err(ChartError::BadExtension(path.display().to_string()).into()),
    };
    let rendered = chart_table(conn, table, req, format, lang)?;
    crate::store::fsio::write_atomic(path, &rendered.bytes)?;
    Ok(rendered.notes)
}
