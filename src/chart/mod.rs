//! Charts for DataJam Atelier: from an imported table and a [`ChartRequest`] to an SVG
//! (screen, export) or a PNG (export, at 1× or 2×), with French sentences (notes) telling
//! the trainee what was left out, and chart advice ([`advise`]).
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
//! Every chart has a title, axis labels, a source note, French numbers (`1 234,5`, from
//! [`crate::i18n::number`]), the Okabe–Ito colour-blind-safe palette and the DejaVu Sans
//! font embedded in the binary.

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

pub use advice::{advise, advise_table, Advice, Question};
pub use bar::{bar_chart_png, bar_chart_svg, chart_height, BarChartSpec, BarDatum};
pub use request::{parse_agg, Agg, ChartRequest, Format, Kind, Rendered};
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

/// Lays out the chart `req` asks for from the rows of `table`.
fn build(
    conn: &Connection,
    table: &str,
    req: &ChartRequest,
) -> crate::Result<(scene::Scene, Vec<String>)> {
    let info = crate::store::tables::table_info(conn, table)?;
    let input = data::Input {
        conn,
        info: &info,
        req,
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

/// Draws the chart `req` asks for from the imported table `table`.
pub fn chart_table(
    conn: &Connection,
    table: &str,
    req: &ChartRequest,
    format: Format,
) -> crate::Result<Rendered> {
    let (scene, notes) = build(conn, table, req)?;
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
