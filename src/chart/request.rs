//! What the UI and the CLI ask for: [`ChartRequest`], and what comes back: [`Rendered`].

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use super::ChartError;

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Vertical bars, one per category.
    Bar,
    /// Horizontal bars (long category names, rankings).
    Hbar,
    /// Bars side by side for each category, one colour per group.
    Grouped,
    /// Bars stacked for each category, one colour per group.
    Stacked,
    /// Lines over an ordered x (years, dates), one per group.
    Line,
    /// Points for two numeric columns.
    Scatter,
    /// The distribution of one numeric column.
    Histogram,
    /// The Lorenz curve of one numeric column, with the equality line.
    Lorenz,
    /// Choropleth map of Chad's provinces, with optional points.
    Map,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Bar,
        Kind::Hbar,
        Kind::Grouped,
        Kind::Stacked,
        Kind::Line,
        Kind::Scatter,
        Kind::Histogram,
        Kind::Lorenz,
        Kind::Map,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Bar => "bar",
            Kind::Hbar => "hbar",
            Kind::Grouped => "grouped",
            Kind::Stacked => "stacked",
            Kind::Line => "line",
            Kind::Scatter => "scatter",
            Kind::Histogram => "histogram",
            Kind::Lorenz => "lorenz",
            Kind::Map => "map",
        }
    }

    /// The kind named `s` (case-insensitive); [`ChartError::UnknownKind`] otherwise.
    pub fn parse(s: &str) -> Result<Kind, ChartError> {
        let t = s.trim().to_ascii_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == t)
            .ok_or_else(|| ChartError::UnknownKind(s.to_string()))
    }

    pub(crate) fn names() -> String {
        Kind::ALL.map(Kind::as_str).join(", ")
    }
}

/// How the rows of one category are summarised: the aggregates of pipelines
/// ([`crate::analysis::aggregate`]), all but `share`.
pub use crate::analysis::aggregate::AggFn as Agg;

/// The calculations a chart draws, by their JSON names.
const CHART_AGGS: [&str; 6] = ["sum", "mean", "count", "median", "min", "max"];

/// The calculation named `s`: `sum`, `mean` (or `avg`), `count`, `median`, `min`, `max`,
/// or their French names, ignoring case and accents; [`ChartError::UnknownAgg`]
/// otherwise (`share` too: a chart does not draw it).
pub fn parse_agg(s: &str) -> Result<Agg, ChartError> {
    Agg::parse(s)
        .filter(|a| *a != Agg::Share)
        .ok_or_else(|| ChartError::UnknownAgg(s.to_string()))
}

/// Reads the `agg` of a chart request: the names of [`Agg`] but `share`.
fn chart_agg<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Agg>, D::Error> {
    match Option::<Agg>::deserialize(d)? {
        Some(Agg::Share) => Err(D::Error::unknown_variant("share", &CHART_AGGS)),
        a => Ok(a),
    }
}

/// A chart asked for by the UI (`{kind, x, y, agg, group, title, source}`, nulls for
/// unset values) or the CLI. Column names match the SQLite name or the header label,
/// case-insensitively.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartRequest {
    pub kind: Kind,
    /// Categories (bar kinds, line), first numeric column (scatter), the value
    /// (histogram, Lorenz when `y` is unset), the province column (map).
    pub x: String,
    /// The values; `None` counts rows.
    #[serde(default)]
    pub y: Option<String>,
    /// How rows of a category are summarised (default: sum when `y` is set, else count).
    #[serde(default, deserialize_with = "chart_agg")]
    pub agg: Option<Agg>,
    /// Colours: one bar colour or one line per value (grouped, stacked, line).
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub x_label: Option<String>,
    #[serde(default)]
    pub y_label: Option<String>,
    /// Bars sorted by value, largest first.
    #[serde(default)]
    pub sort: Option<bool>,
    /// One category drawn in the accent colour (bar kinds).
    #[serde(default)]
    pub highlight: Option<String>,
    /// Point labels (scatter).
    #[serde(default)]
    pub label: Option<String>,
    /// Weights (Lorenz: e.g. population of each row).
    #[serde(default)]
    pub weight: Option<String>,
    /// Point coordinates (map).
    #[serde(default)]
    pub lat: Option<String>,
    #[serde(default)]
    pub lon: Option<String>,
    /// Number of bins (histogram).
    #[serde(default)]
    pub bins: Option<u32>,
}

impl ChartRequest {
    /// A request for `kind` with categories `x` and everything else unset.
    pub fn new(kind: Kind, x: impl Into<String>) -> Self {
        ChartRequest {
            kind,
            x: x.into(),
            y: None,
            agg: None,
            group: None,
            title: None,
            source: None,
            x_label: None,
            y_label: None,
            sort: None,
            highlight: None,
            label: None,
            weight: None,
            lat: None,
            lon: None,
            bins: None,
        }
    }

    /// The aggregation in effect: the one asked for, else sum of `y`, else count.
    pub fn effective_agg(&self) -> Agg {
        match (&self.y, self.agg) {
            (None, _) => Agg::Count,
            (Some(_), Some(a)) => a,
            (Some(_), None) => Agg::Sum,
        }
    }
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "format")]
pub enum Format {
    Svg,
    /// PNG at `scale` × the SVG size (1 or 2; at most 4).
    Png {
        scale: u32,
    },
}

/// A drawn chart.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub format: Format,
    /// The SVG text (UTF-8) or the PNG file.
    pub bytes: Vec<u8>,
    /// French sentences for the trainee: rows skipped, categories capped, …
    pub notes: Vec<String>,
    /// Size in pixels (PNG) or SVG user units.
    pub width: u32,
    pub height: u32,
}

impl Rendered {
    /// The SVG text, for [`Format::Svg`].
    pub fn svg(&self) -> Option<&str> {
        match self.format {
            Format::Svg => std::str::from_utf8(&self.bytes).ok(),
            Format::Png { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ui_request_deserialises_with_nulls() {
        let r: ChartRequest = serde_json::from_str(
            r#"{"kind":"hbar","x":"region","y":null,"agg":"count","group":null,"title":null,"source":"x.csv"}"#,
        )
        .unwrap();
        assert_eq!(r.kind, Kind::Hbar);
        assert_eq!(r.effective_agg(), Agg::Count);
        assert_eq!(r.source.as_deref(), Some("x.csv"));
        assert!(serde_json::from_str::<ChartRequest>(r#"{"kind":"pie","x":"a"}"#).is_err());
    }

    #[test]
    fn kinds_and_aggs_parse() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()).unwrap(), k);
        }
        assert!(matches!(
            Kind::parse("pie"),
            Err(ChartError::UnknownKind(_))
        ));
        assert_eq!(parse_agg("AVG").unwrap(), Agg::Mean);
        assert!(parse_agg("mode").is_err());
        let v = vec![3.0, 1.0, 2.0, 10.0];
        assert_eq!(Agg::Median.of_numbers(&v, 4), Some(2.5));
        assert_eq!(Agg::Count.of_numbers(&[], 7), Some(7.0));
    }
}
