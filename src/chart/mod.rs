//! Charts for DataJam Atelier: from an imported table and a [`ChartRequest`] to an SVG
//! (screen, export) or a PNG (export, at 1× or 2×), with French sentences (notes) telling
//! the trainee what was left out, and chart advice ([`advise`]).
//!
//! - [`bar`]: the original bar charts (plotters, hand-made layout), used by the lesson
//!   steps and by the `bar`/`hbar` kinds.
//! - `scene`: a small list of shapes written out as SVG (our writer: every element has a
//!   `class` and `data-*` attributes) or PNG (plotters' bitmap backend + the embedded font).
//! - `data`: reading and aggregating the table (quoted identifiers, no values in SQL).
//! - `xy`: grouped and stacked bars, lines, scatter plots, histograms, Lorenz curves.
//! - `map`: the choropleth map of Chad's provinces, with points.
//! - `advice`: which chart answers which question.
//!
//! Every chart has a title, axis labels, a source note, French numbers (`1 234,5`), the
//! Okabe–Ito colour-blind-safe palette and the DejaVu Sans font embedded in the binary.

pub mod advice;
pub mod bar;
mod data;
pub mod map;
mod request;
mod scene;
mod xy;

use std::path::Path;

use rusqlite::Connection;

use crate::i18n::Lang;

pub use advice::{advise, advise_table, Advice, Question};
pub use bar::{
    bar_chart_png, bar_chart_svg, bar_chart_svg_tagged, chart_height, format_number_fr,
    BarChartSpec, BarDatum, FONT_FAMILY, PALETTE,
};
pub use request::{Agg, ChartRequest, Format, Kind, Rendered};

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

impl ChartError {
    /// A stable, dotted code.
    pub fn code(&self) -> &'static str {
        match self {
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
        }
    }

    /// The message for the trainee, in their language.
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            ChartError::Empty => if fr {
                "Rien à dessiner : aucune ligne n'a de valeur utilisable pour ce graphique."
            } else {
                "Nothing to draw: no row has a usable value for this chart."
            }
            .into(),
            ChartError::NotFinite(label) => {
                if fr {
                    format!("La valeur de « {label} » n'est pas un nombre fini : corrigez-la ou retirez la ligne.")
                } else {
                    format!("The value of \"{label}\" is not a finite number: fix it or remove the row.")
                }
            }
            ChartError::Draw(e) => {
                if fr {
                    format!("Le graphique n'a pas pu être dessiné : {e}.")
                } else {
                    format!("The chart could not be drawn: {e}.")
                }
            }
            ChartError::Png(e) => {
                if fr {
                    format!("L'image PNG n'a pas pu être créée : {e}.")
                } else {
                    format!("The PNG image could not be created: {e}.")
                }
            }
            ChartError::UnknownKind(k) => {
                if fr {
                    format!(
                        "Type de graphique inconnu « {k} ». Types possibles : {}.",
                        Kind::names()
                    )
                } else {
                    format!(
                        "Unknown chart kind \"{k}\". Possible kinds: {}.",
                        Kind::names()
                    )
                }
            }
            ChartError::UnknownAgg(a) => {
                if fr {
                    format!("Calcul inconnu « {a} ». Calculs possibles : sum, mean, count, median, min, max.")
                } else {
                    format!("Unknown calculation \"{a}\". Possible: sum, mean, count, median, min, max.")
                }
            }
            ChartError::UnknownColumn(c) => {
                if fr {
                    format!("La colonne « {c} » n'existe pas dans ce tableau.")
                } else {
                    format!("Column \"{c}\" is not in this table.")
                }
            }
            ChartError::NotNumeric(c) => {
                if fr {
                    format!("La colonne « {c} » ne contient pas de nombres : ce graphique a besoin d'une colonne numérique.")
                } else {
                    format!("Column \"{c}\" holds no numbers: this chart needs a numeric column.")
                }
            }
            ChartError::MissingField { kind, field } => {
                if fr {
                    format!("Le graphique « {kind} » a besoin d'une colonne pour « {field} ».")
                } else {
                    format!("A \"{kind}\" chart needs a column for \"{field}\".")
                }
            }
            ChartError::NoProvince(c) => {
                if fr {
                    format!("Aucune valeur de la colonne « {c} » ne correspond à une province du Tchad (nom ou code ISO comme TD-LC).")
                } else {
                    format!("No value of column \"{c}\" names a province of Chad (name or ISO code such as TD-LC).")
                }
            }
            ChartError::BadExtension(p) => {
                if fr {
                    format!("Le nom du fichier doit finir par .svg ou .png : « {p} ».")
                } else {
                    format!("The file name must end in .svg or .png: \"{p}\".")
                }
            }
        }
    }
}

/// What a request turns into before it is written out.
enum Drawing {
    /// The `bar`/`hbar` kinds, drawn by [`bar`].
    Bars(BarChartSpec, Vec<BarDatum>),
    /// Every other kind.
    Scene(scene::Scene),
}

impl Drawing {
    fn svg(&self) -> Result<String, ChartError> {
        match self {
            Drawing::Bars(spec, data) => bar_chart_svg_tagged(spec, data),
            Drawing::Scene(s) => Ok(s.to_svg()),
        }
    }
    fn png(&self, scale: u32) -> Result<Vec<u8>, ChartError> {
        match self {
            Drawing::Bars(spec, data) => bar_chart_png(spec, data, scale),
            Drawing::Scene(s) => s.to_png(scale),
        }
    }
    fn size(&self) -> (u32, u32) {
        match self {
            Drawing::Bars(spec, data) => (960, chart_height(spec, data.len())),
            Drawing::Scene(s) => (s.width.round() as u32, s.height.round() as u32),
        }
    }
}

/// Lays out the chart `req` asks for from the rows of `table`.
fn build(
    conn: &Connection,
    table: &str,
    req: &ChartRequest,
) -> crate::Result<(Drawing, Vec<String>)> {
    let info = crate::store::tables::table_info(conn, table)?;
    let mut notes = Vec::new();
    let drawing = match req.kind {
        Kind::Bar | Kind::Hbar => {
            let (spec, data) = xy::bars(conn, &info, req, &mut notes)?;
            Drawing::Bars(spec, data)
        }
        Kind::Grouped | Kind::Stacked | Kind::Line => {
            Drawing::Scene(xy::series_chart(conn, &info, req, &mut notes)?)
        }
        Kind::Scatter => Drawing::Scene(xy::scatter(conn, &info, req, &mut notes)?),
        Kind::Histogram => Drawing::Scene(xy::histogram(conn, &info, req, &mut notes)?),
        Kind::Lorenz => Drawing::Scene(xy::lorenz(conn, &info, req, &mut notes)?),
        Kind::Map => Drawing::Scene(map::map_chart(conn, &info, req, &mut notes)?),
    };
    Ok((drawing, notes))
}

/// Draws the chart `req` asks for from the imported table `table`.
pub fn chart_table(
    conn: &Connection,
    table: &str,
    req: &ChartRequest,
    format: Format,
) -> crate::Result<Rendered> {
    let (drawing, notes) = build(conn, table, req)?;
    let (width, height) = drawing.size();
    let (bytes, scale) = match format {
        Format::Svg => (drawing.svg()?.into_bytes(), 1),
        Format::Png { scale } => {
            let scale = scale.clamp(1, bar::MAX_SCALE);
            (drawing.png(scale)?, scale)
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
) -> crate::Result<(String, Vec<String>)> {
    let r = chart_table(conn, table, req, Format::Svg)?;
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
    let rendered = chart_table(conn, table, req, format)?;
    crate::store::fsio::write_atomic(path, &rendered.bytes)?;
    Ok(rendered.notes)
}
