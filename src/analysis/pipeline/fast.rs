//! The in-memory engine of pipelines: a group that comes first (after filters) on a
//! large table, computed over the columns of [`crate::analysis::columnar`] instead of
//! SQLite's sorter, with the aggregates of [`crate::analysis::aggregate`]. The filters
//! before it select the rows through SQLite (the same SQL as the pipeline); the steps
//! after it run in SQLite over the grouped rows, passed as one JSON parameter
//! (`json_each`). Anything it cannot do exactly as SQLite (mixed types, sums beyond 64
//! bits…) is left to SQLite.

use std::cmp::Ordering;
use std::sync::Arc;

use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;

use super::compile::{by_name, compile, q, Col, Compiled, Compiler};
use super::model::{AggFn, Pipeline, Step};
use super::run::{execute, Engine, COLUMNS_MIN_ROWS};
use crate::analysis::columnar::{self, ColumnData, FastMap, Values, NULL_CODE};
use crate::analysis::{self, ResultTable};
use crate::error::Result;
use crate::store::tables::{table_info, TableInfo};
use crate::store::tables::{ColumnInfo, ColumnType};

const ROWID_ALIAS: &str = "__dj_rowid";

pub(super) fn try_run(
    conn: &Connection,
    source: &str,
    pipeline: &Pipeline,
    full: &Compiled,
    max_rows: usize,
    engine: Engine,
) -> Result<Option<ResultTable>> {
    let Some(g) = pipeline
        .steps
        .iter()
        .position(|s| matches!(s, Step::Group { .. }))
    else {
        return Ok(None);
    };
    if !pipeline.steps[..g]
        .iter()
        .all(|s| matches!(s, Step::Filter { .. }))
    {
        return Ok(None);
    }
    let info = table_info(conn, source)?;
    if engine == Engine::Auto && info.rows < COLUMNS_MIN_ROWS {
        return Ok(None);
    }
    if info
        .columns
        .iter()
        .any(|c| c.name.eq_ignore_ascii_case(ROWID_ALIAS))
    {
        return Ok(None);
    }
    let Step::Group { by, aggregates } = &pipeline.steps[g] else {
        return Ok(None);
    };
    let find = |name: &str| by_name(&info.columns, name, |c| &c.name);
    let mut wanted: Vec<(&str, ColumnType)> = Vec::new();
    fn index_of<'a>(c: &'a ColumnInfo, wanted: &mut Vec<(&'a str, ColumnType)>) -> usize {
        if let Some(i) = wanted.iter().position(|(n, _)| *n == c.name) {
            i
        } else {
            wanted.push((&c.name, c.column_type));
            wanted.len() - 1
        }
    }
    let mut keys = Vec::new();
    for b in by {
        let Some(c) = find(b) else { return Ok(None) };
        keys.push(index_of(c, &mut wanted));
    }
    let mut aggs: Vec<(AggFn, Option<usize>)> = Vec::new();
    for a in aggregates {
        let col = match &a.column {
            Some(c) if !c.trim().is_empty() => match find(c) {
                Some(ci) => Some(index_of(ci, &mut wanted)),
                None => return Ok(None),
            },
            _ => None,
        };
        aggs.push((a.func, col));
    }
    let data: Vec<Arc<ColumnData>> = if wanted.is_empty() {
        // Only counts: any one column gives the rows.
        match info.columns.first() {
            Some(c) => columnar::columns(conn, &info.name, &[(&c.name, c.column_type)])?,
            None => return Ok(None),
        }
    } else {
        columnar::columns(conn, &info.name, &wanted)?
    };
    if data.iter().any(|d| matches!(d.values, Values::Mixed(_)))
        || data.iter().any(|d| d.len() != data[0].len())
    {
        return Ok(None);
    }
    let selection: Option<Vec<u32>> = if g > 0 {
        Some(select_positions(
            conn,
            &info,
            &pipeline.steps[..g],
            &data[0].rowids,
        )?)
    } else {
        None
    };
    let upto = compile(
        conn,
        source,
        &Pipeline {
            steps: pipeline.steps[..=g].to_vec(),
        },
    )?;
    let Some(grouped) = group(&data, &keys, &aggs, selection.as_deref()) else {
        return Ok(None);
    };
    if g + 1 == pipeline.steps.len() {
        let types: Vec<ColumnType> = upto.columns.iter().map(|c| c.ty).collect();
        let total_rows = grouped.len() as u64;
        let rows = grouped
            .iter()
            .take(max_rows)
            .map(|r| {
                r.iter()
                    .zip(&types)
                    .map(|(v, t)| analysis::json_value(ValueRef::from(v), Some(*t)))
                    .collect()
            })
            .collect();
        return Ok(Some(ResultTable {
            columns: full.columns(),
            rows,
            total_rows,
            sql: full.display_sql(),
        }));
    }
    // The rest of the pipeline over the grouped rows.
    let json = serde_json::Value::Array(
        grouped
            .iter()
            .map(|r| serde_json::Value::Array(r.iter().map(raw_json).collect()))
            .collect(),
    )
    .to_string();
    let cols: Vec<Col> = upto.columns.clone();
    let items: Vec<String> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| format!("value ->> {i} AS {}", q(&c.name)))
        .collect();
    let order = keys_order(by, &cols);
    let mut c = Compiler::new(conn, cols, vec![Value::Text(json)], order);
    c.push_cte(
        g + 1,
        "regrouper (en mémoire)",
        format!("SELECT {} FROM json_each(?)", items.join(", ")),
    );
    for (i, s) in pipeline.steps.iter().enumerate().skip(g + 1) {
        c.step(i + 1, s)?;
    }
    let rest = c.finish();
    Ok(Some(execute(conn, &rest, max_rows, full.display_sql())?))
}

fn keys_order(by: &[String], cols: &[Col]) -> Vec<String> {
    cols.iter()
        .take(by.len())
        .flat_map(|c| [format!("{} IS NULL", q(&c.name)), q(&c.name)])
        .collect()
}

fn raw_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => serde_json::Value::from(*i),
        Value::Real(f) => serde_json::Number::from_f64(*f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        Value::Text(t) => serde_json::Value::String(t.clone()),
        Value::Blob(_) => serde_json::Value::Null,
    }
}

/// Positions of the rows the filters keep, through SQLite (same SQL as the pipeline).
fn select_positions(
    conn: &Connection,
    info: &TableInfo,
    filters: &[Step],
    rowids: &[i64],
) -> Result<Vec<u32>> {
    let mut c = Compiler::from_table(conn, info, Some(ROWID_ALIAS));
    for (i, s) in filters.iter().enumerate() {
        c.step(i + 1, s)?;
    }
    let sql = format!(
        "{}SELECT {} FROM {}",
        c.with_clause(),
        q(ROWID_ALIAS),
        c.current
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(c.params.iter()))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if let Ok(p) = rowids.binary_search(&id) {
            out.push(p as u32);
        }
    }
    Ok(out)
}

/// Per-row codes of a key column and the value of each code.
fn key_codes(d: &ColumnData) -> (Vec<u32>, Vec<Value>) {
    match &d.values {
        Values::Text { codes, dict } => {
            let null = dict.len() as u32;
            let c = codes
                .iter()
                .map(|&c| if c == NULL_CODE { null } else { c })
                .collect();
            let mut values: Vec<Value> = dict.iter().map(|s| Value::Text(s.to_string())).collect();
            values.push(Value::Null);
            (c, values)
        }
        Values::Int(v) => number_codes(v, |i| i, Value::Integer),
        // -0.0 and 0.0 are one key, as in SQLite.
        Values::Real(v) => number_codes(v, |f| (f + 0.0).to_bits(), |f| Value::Real(f + 0.0)),
        Values::Mixed(_) => (Vec::new(), Vec::new()),
    }
}

/// Per-row codes of a number column, numbered as first seen after 0 for missing, and the
/// value of each code; `key` says which numbers are one.
fn number_codes<T: Copy, K: std::hash::Hash + Eq>(
    v: &[Option<T>],
    key: impl Fn(T) -> K,
    value: impl Fn(T) -> Value,
) -> (Vec<u32>, Vec<Value>) {
    let mut map: FastMap<K, u32> = FastMap::default();
    let mut values = vec![Value::Null];
    let codes = v
        .iter()
        .map(|x| match x {
            None => 0,
            Some(x) => *map.entry(key(*x)).or_insert_with(|| {
                values.push(value(*x));
                (values.len() - 1) as u32
            }),
        })
        .collect();
    (codes, values)
}

fn value_cmp(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Greater,
        (_, Value::Null) => Ordering::Less,
        (Value::Integer(x), Value::Integer(y)) => x.cmp(y),
        (Value::Real(x), Value::Real(y)) => x.total_cmp(y),
        (Value::Text(x), Value::Text(y)) => x.as_bytes().cmp(y.as_bytes()),
        _ => Ordering::Equal,
    }
}

/// The grouped rows (keys then aggregates), sorted by keys with missing last;
/// `None` when the keys are too many to combine.
fn group(
    data: &[Arc<ColumnData>],
    keys: &[usize],
    aggs: &[(AggFn, Option<usize>)],
    selection: Option<&[u32]>,
) -> Option<Vec<Vec<Value>>> {
    let n = data[0].len();
    let rows: Box<dyn Iterator<Item = usize> + '_> = match selection {
        Some(s) => Box::new(s.iter().map(|&p| p as usize)),
        None => Box::new(0..n),
    };
    let rows: Vec<usize> = rows.collect();
    let coded: Vec<(Vec<u32>, Vec<Value>)> = keys.iter().map(|&k| key_codes(&data[k])).collect();
    let mut mults = Vec::with_capacity(coded.len());
    let mut space: u64 = 1;
    for (_, values) in &coded {
        mults.push(space);
        space = space.checked_mul(values.len().max(1) as u64)?;
    }
    // Group id of each selected row, groups numbered as first seen.
    let mut first_row: Vec<usize> = Vec::new();
    let mut gid: Vec<u32> = Vec::with_capacity(rows.len());
    let packed = |r: usize| -> u64 {
        coded
            .iter()
            .zip(&mults)
            .map(|((codes, _), m)| u64::from(codes[r]) * m)
            .sum()
    };
    if space <= 1 << 22 {
        let mut dense = vec![u32::MAX; space as usize];
        for &r in &rows {
            let slot = &mut dense[packed(r) as usize];
            if *slot == u32::MAX {
                *slot = first_row.len() as u32;
                first_row.push(r);
            }
            gid.push(*slot);
        }
    } else {
        let mut map: FastMap<u64, u32> = FastMap::default();
        for &r in &rows {
            let id = *map.entry(packed(r)).or_insert_with(|| {
                first_row.push(r);
                (first_row.len() - 1) as u32
            });
            gid.push(id);
        }
    }
    let groups = first_row.len();
    if keys.is_empty() && groups == 0 {
        // An aggregate over no rows still gives one row.
        first_row.push(0);
    }
    let groups_out = first_row.len();
    let mut out: Vec<Vec<Value>> = first_row
        .iter()
        .map(|&r| {
            coded
                .iter()
                .map(|(codes, values)| values[codes[r] as usize].clone())
                .collect()
        })
        .collect();
    for &(func, col) in aggs {
        let values = col.map(|c| &data[c].values);
        let column = func.by_group(values, &rows, &gid, groups_out)?;
        for (row, v) in out.iter_mut().zip(column) {
            row.push(v);
        }
    }
    out.sort_by(|a, b| {
        for i in 0..keys.len() {
            match value_cmp(&a[i], &b[i]) {
                Ordering::Equal => continue,
                o => return o,
            }
        }
        Ordering::Equal
    });
    Some(out)
}
