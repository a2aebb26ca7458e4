//! The indicators as pure functions on slices of numbers: share, rate, parity indices
//! (plain and UNESCO's adjusted GPI), gap in points, max/min ratio, coefficient of
//! variation, Gini (plain and weighted) with its Lorenz curve, S80/S20 and Palma ratios.
//! Each returns `None` when the figure does not exist (empty input, division by zero,
//! negative incomes for the Gini family).

/// Share of `part` in `total`, in percent: `part / total × 100`.
/// `None` when `total` is zero or a figure is not finite.
pub fn share(part: f64, total: f64) -> Option<f64> {
    finite(part / total * 100.0).filter(|_| total != 0.0)
}

/// A rate: `num / den × per` (per 1 000 inhabitants with `per = 1000`, per capita with
/// `per = 1`). Source: the usual demographic definition, e.g. the crude birth rate
/// (births in the year / mid-year population × 1 000, UN Demographic Yearbook).
/// `None` when `den` is zero.
pub fn rate(num: f64, den: f64, per: f64) -> Option<f64> {
    if den == 0.0 {
        return None;
    }
    finite(num / den * per)
}

/// Parity index: value of the disadvantaged (or focus) group divided by the value of the
/// comparison group, e.g. female / male (GPI), rural / urban (LPI), poorest / richest
/// quintile (WPI). 1 is parity. Source: UNESCO Institute for Statistics (UIS) glossary,
/// "Gender parity index". `None` when `advantaged` is zero.
pub fn parity_index(disadvantaged: f64, advantaged: f64) -> Option<f64> {
    if advantaged == 0.0 {
        return None;
    }
    finite(disadvantaged / advantaged)
}

/// UNESCO's adjusted parity index (GPIA), symmetrical around 1 and between 0 and 2:
/// `F / M` when `F <= M`, else `2 - M / F` (that is `2 - 1 / (F / M)`).
/// Source: UIS glossary, "Adjusted parity index". `None` when a value is zero where it
/// divides, or a value is negative.
pub fn gpi_adjusted(female: f64, male: f64) -> Option<f64> {
    if female < 0.0 || male < 0.0 {
        return None;
    }
    if female <= male {
        parity_index(female, male)
    } else {
        finite(2.0 - male / female)
    }
}

/// Gap in percentage points between two percentages: `a - b` (e.g. 45 % − 60 % is
/// −15 points; not −25 %, which would be the relative gap).
pub fn gap_points(a: f64, b: f64) -> f64 {
    a - b
}

/// Ratio of the largest to the smallest value. `None` when empty or when the smallest
/// value is zero or negative (the ratio would mean nothing).
pub fn max_min_ratio(values: &[f64]) -> Option<f64> {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if values.is_empty() || min <= 0.0 {
        return None;
    }
    finite(max / min)
}

/// Coefficient of variation: standard deviation / mean.
///
/// Uses the **population** standard deviation (divide by n, not n − 1): the values
/// compared here are the whole set of units (the 23 provinces, every school of the file),
/// not a sample drawn to estimate something larger. This is the choice of the OECD for
/// regional disparities (Regions at a Glance, "coefficient of variation"). `None` when
/// empty or when the mean is zero.
pub fn cv(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    if mean == 0.0 {
        return None;
    }
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    finite(var.sqrt() / mean)
}

/// Gini index of incomes (or any non-negative quantity), between 0 (all equal) and
/// 1 − 1/n (one unit has everything):
/// `G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄)`, computed on sorted values as
/// `G = 2 Σᵢ i·x₍ᵢ₎ / (n Σ x) − (n + 1) / n`.
/// Source: World Bank, Haughton & Khandker, *Handbook on Poverty and Inequality* (2009),
/// ch. 6. `None` when empty, when a value is negative or not finite, or when all are zero.
pub fn gini(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite() || *v < 0.0) {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len() as f64;
    let total: f64 = sorted.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let ranked: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, x)| (i as f64 + 1.0) * x)
        .sum();
    finite((2.0 * ranked / (n * total) - (n + 1.0) / n).max(0.0))
}

/// Weighted Gini index: each value stands for `weight` people (a province's mean income
/// and its population; a household and its survey weight). Computed as one minus twice the
/// area under the Lorenz curve, by trapezoids:
/// `G = 1 − Σₖ (Pₖ − Pₖ₋₁)(Lₖ + Lₖ₋₁)`, with `P` the cumulative population share and `L`
/// the cumulative income share. With equal weights it equals [`gini`].
/// Source: World Bank, Haughton & Khandker (2009), ch. 6 (Gini from the Lorenz curve).
/// `None` when lengths differ, a weight or value is negative, or totals are zero.
pub fn gini_weighted(values: &[f64], weights: &[f64]) -> Option<f64> {
    let points = lorenz_points(values, Some(weights))?;
    let area: f64 = points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0) * (w[1].1 + w[0].1))
        .sum();
    finite((1.0 - area).max(0.0))
}

/// The Lorenz curve: points (cumulative population share, cumulative income share) from
/// (0, 0) to (1, 1), one per value sorted from the poorest, with `weights` (one per value)
/// or equal weights. Empty when the curve does not exist (no values, negative values or
/// weights, zero totals, lengths that differ).
pub fn lorenz(values: &[f64], weights: Option<&[f64]>) -> Vec<(f64, f64)> {
    lorenz_points(values, weights).unwrap_or_default()
}

pub(super) fn lorenz_points(values: &[f64], weights: Option<&[f64]>) -> Option<Vec<(f64, f64)>> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite() || *v < 0.0) {
        return None;
    }
    let mut pairs: Vec<(f64, f64)> = match weights {
        Some(w) => {
            if w.len() != values.len() || w.iter().any(|x| !x.is_finite() || *x < 0.0) {
                return None;
            }
            values.iter().copied().zip(w.iter().copied()).collect()
        }
        None => values.iter().map(|v| (*v, 1.0)).collect(),
    };
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let pop: f64 = pairs.iter().map(|p| p.1).sum();
    let income: f64 = pairs.iter().map(|p| p.0 * p.1).sum();
    if pop <= 0.0 || income <= 0.0 || !income.is_finite() {
        return None;
    }
    let mut out = Vec::with_capacity(pairs.len() + 1);
    out.push((0.0, 0.0));
    let (mut cp, mut ci) = (0.0, 0.0);
    for (v, w) in &pairs {
        cp += w;
        ci += v * w;
        out.push((cp / pop, ci / income));
    }
    // Rounding must not leave the last point short of (1, 1).
    if let Some(last) = out.last_mut() {
        *last = (1.0, 1.0);
    }
    Some(out)
}

/// Income share held by the poorest `p` of the population (0 ≤ p ≤ 1), reading the Lorenz
/// curve with linear interpolation between its points (the usual way with grouped data; for
/// ten equal units, the bottom 40 % is exactly the four poorest).
pub fn lorenz_at(points: &[(f64, f64)], p: f64) -> Option<f64> {
    if points.len() < 2 {
        return None;
    }
    let p = p.clamp(0.0, 1.0);
    let i = points.partition_point(|q| q.0 < p);
    if i == 0 {
        return Some(points[0].1);
    }
    if i >= points.len() {
        return points.last().map(|q| q.1);
    }
    let (a, b) = (points[i - 1], points[i]);
    if b.0 <= a.0 {
        return Some(b.1);
    }
    Some(a.1 + (b.1 - a.1) * (p - a.0) / (b.0 - a.0))
}

/// Ratio of the income share of the richest `top` to that of the poorest `bottom`.
fn top_bottom(values: &[f64], weights: Option<&[f64]>, top: f64, bottom: f64) -> Option<f64> {
    let points = lorenz_points(values, weights)?;
    let low = lorenz_at(&points, bottom)?;
    let high = 1.0 - lorenz_at(&points, 1.0 - top)?;
    if low <= 0.0 {
        return None;
    }
    finite(high / low)
}

/// Palma ratio: income share of the richest 10 % divided by that of the poorest 40 %.
/// Source: Cobham & Sumner (2013), "Is It All About the Tails? The Palma Measure of Income
/// Inequality", Center for Global Development working paper 343. `None` when the poorest
/// 40 % hold nothing, or as for [`lorenz`].
pub fn palma(values: &[f64], weights: Option<&[f64]>) -> Option<f64> {
    top_bottom(values, weights, 0.1, 0.4)
}

/// S80/S20 (income quintile share ratio): income share of the richest 20 % divided by that
/// of the poorest 20 %. Source: OECD Income Distribution Database, "S80/S20"; Eurostat,
/// "income quintile share ratio". `None` as for [`palma`].
pub fn s80_s20(values: &[f64], weights: Option<&[f64]>) -> Option<f64> {
    top_bottom(values, weights, 0.2, 0.2)
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lorenz_at_interpolates() {
        let pts = lorenz(&[1.0, 3.0], None);
        assert_eq!(pts, vec![(0.0, 0.0), (0.5, 0.25), (1.0, 1.0)]);
        assert_eq!(lorenz_at(&pts, 0.25), Some(0.125));
        assert_eq!(lorenz_at(&pts, 0.75), Some(0.625));
        assert_eq!(lorenz_at(&pts, 1.0), Some(1.0));
    }
}
