//! Columns of workspace tables held in memory, for what SQLite does slowly on a million
//! rows: sorting by any column (the data grid) and grouping (pipelines).
//!
//! - A column is loaded once (`SELECT rowid, "col" FROM "t" ORDER BY rowid`) into a
//!   typed vector; text is dictionary-encoded (one code per row, each distinct text
//!   stored once). Columns whose stored values do not all have the expected type are
//!   loaded as [`Values::Mixed`] and sorted with SQLite's rules.
//! - Loaded columns are cached per (database file, table, column), checked against a
//!   stamp (`PRAGMA schema_version` and the table's largest rowid: imports and saved
//!   pipelines recreate their table, collect forms append), at most [`MAX_CACHED`]
//!   columns, least recently used dropped first. In-memory databases are not cached.
//! - Sort orders (a permutation of row positions) are computed once per column and
//!   direction, possibly on a background thread, with missing values last and ties in
//!   rowid order. Text sorts like SQLite's BINARY collation (byte order).

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;

use crate::store::tables::quote_ident;
use crate::store::tables::ColumnType;

/// Most columns kept in memory at once.
pub const MAX_CACHED: usize = 24;

/// Code of a missing text value.
pub const NULL_CODE: u32 = u32::MAX;

/// The values of one column, in rowid order.
#[derive(Debug)]
pub enum Values {
    Int(Vec<Option<i64>>),
    Real(Vec<Option<f64>>),
    Text {
        codes: Vec<u32>,
        dict: Vec<Box<str>>,
    },
    Mixed(Vec<Value>),
}

/// One loaded column.
#[derive(Debug)]
pub struct ColumnData {
    pub rowids: Vec<i64>,
    pub values: Values,
    /// Sort permutations: `[ascending, descending]`.
    perms: [OnceLock<Arc<Vec<u32>>>; 2],
}

impl ColumnData {
    pub fn len(&self) -> usize {
        self.rowids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rowids.is_empty()
    }

    /// The row positions in sort order (computed once, shared).
    pub fn sorted(&self, desc: bool) -> Arc<Vec<u32>> {
        self.perms[usize::from(desc)]
            .get_or_init(|| Arc::new(sort_positions(&self.values, self.len(), desc)))
            .clone()
    }

    /// The sort order if it is already computed.
    pub fn sorted_if_ready(&self, desc: bool) -> Option<Arc<Vec<u32>>> {
        self.perms[usize::from(desc)].get().cloned()
    }

    /// The first `n` positions in sort order, without sorting everything.
    pub fn top(&self, n: usize, desc: bool) -> Vec<u32> {
        if let Some(p) = self.sorted_if_ready(desc) {
            return p[..n.min(p.len())].to_vec();
        }
        let len = self.len();
        let keys = match &self.values {
            // Few distinct texts: rank them once, then select on ranks.
            Values::Text { codes, dict } if dict.len() <= len / 4 => {
                let mut order: Vec<u32> = (0..dict.len() as u32).collect();
                order.sort_unstable_by(|a, b| {
                    dict[*a as usize]
                        .as_bytes()
                        .cmp(dict[*b as usize].as_bytes())
                });
                let mut rank = vec![0u64; dict.len()];
                for (r, &c) in order.iter().enumerate() {
                    rank[c as usize] = if desc { !(r as u64) } else { r as u64 };
                }
                let mut keyed = Vec::with_capacity(len);
                let mut nulls = Vec::new();
                for (p, &c) in codes.iter().enumerate() {
                    if c == NULL_CODE {
                        nulls.push(p as u32);
                    } else {
                        keyed.push((rank[c as usize], p as u32));
                    }
                }
                Some((keyed, nulls))
            }
            v => numeric_keys(v, desc),
        };
        if let Some((mut keyed, nulls)) = keys {
            if n < keyed.len() {
                keyed.select_nth_unstable(n);
                keyed.truncate(n);
            }
            keyed.sort_unstable();
            let mut out: Vec<u32> = keyed.into_iter().map(|(_, p)| p).collect();
            out.extend(nulls.into_iter().take(n.saturating_sub(out.len())));
            return out;
        }
        let mut idx: Vec<u32> = (0..len as u32).collect();
        let cmp = comparator(&self.values, desc);
        if n < len {
            idx.select_nth_unstable_by(n, |a, b| cmp(*a, *b));
            idx.truncate(n);
        }
        idx.sort_unstable_by(|a, b| cmp(*a, *b));
        idx
    }
}

impl ColumnData {
    /// The position of a rowid (positions are in rowid order).
    pub fn position(&self, rowid: i64) -> Option<u32> {
        self.rowids.binary_search(&rowid).ok().map(|p| p as u32)
    }

    /// The `n` positions that follow position `key` in sort order, without the full
    /// sort: one scan keeping the best `n` (keyset on (value, position)).
    pub fn after(&self, key: u32, n: usize, desc: bool) -> Vec<u32> {
        if n == 0 {
            return Vec::new();
        }
        let cmp = comparator(&self.values, desc);
        let mut best: Vec<u32> = Vec::with_capacity(n + 1);
        for p in 0..self.len() as u32 {
            // Against the n-th best first: once it is filled, most rows stop here.
            if best.len() == n && cmp(p, best[n - 1]) != Ordering::Less {
                continue;
            }
            if cmp(p, key) != Ordering::Greater {
                continue;
            }
            let at = best.partition_point(|&b| cmp(b, p) == Ordering::Less);
            best.insert(at, p);
            best.truncate(n);
        }
        best
    }
}

/// Orders positions: values (asc or desc), missing last, ties by position.
fn comparator(values: &Values, desc: bool) -> Box<dyn Fn(u32, u32) -> Ordering + Sync + '_> {
    fn nulls_last<T>(a: &Option<T>, b: &Option<T>, f: impl Fn(&T, &T) -> Ordering) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) => f(x, y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    let dir = move |o: Ordering| if desc { o.reverse() } else { o };
    match values {
        Values::Int(v) => Box::new(move |a, b| {
            nulls_last(&v[a as usize], &v[b as usize], |x, y| dir(x.cmp(y))).then(a.cmp(&b))
        }),
        Values::Real(v) => Box::new(move |a, b| {
            nulls_last(&v[a as usize], &v[b as usize], |x, y| dir(x.total_cmp(y))).then(a.cmp(&b))
        }),
        Values::Text { codes, dict } => Box::new(move |a, b| {
            let get = |i: u32| {
                let c = codes[i as usize];
                (c != NULL_CODE).then(|| dict[c as usize].as_bytes())
            };
            nulls_last(&get(a), &get(b), |x, y| dir(x.cmp(y))).then(a.cmp(&b))
        }),
        Values::Mixed(v) => Box::new(move |a, b| {
            let get = |i: u32| match &v[i as usize] {
                Value::Null => None,
                x => Some(x),
            };
            nulls_last(&get(a), &get(b), |x, y| dir(sqlite_cmp(x, y))).then(a.cmp(&b))
        }),
    }
}

/// SQLite's order between values of different storage classes: numbers, text, blobs.
fn sqlite_cmp(a: &Value, b: &Value) -> Ordering {
    fn class(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Integer(_) | Value::Real(_) => 1,
            Value::Text(_) => 2,
            Value::Blob(_) => 3,
        }
    }
    match (a, b) {
        (Value::Integer(x), Value::Integer(y)) => x.cmp(y),
        (Value::Integer(x), Value::Real(y)) => (*x as f64).total_cmp(y),
        (Value::Real(x), Value::Integer(y)) => x.total_cmp(&(*y as f64)),
        (Value::Real(x), Value::Real(y)) => x.total_cmp(y),
        (Value::Text(x), Value::Text(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Blob(x), Value::Blob(y)) => x.cmp(y),
        _ => class(a).cmp(&class(b)),
    }
}

fn sort_positions(values: &Values, len: usize, desc: bool) -> Vec<u32> {
    if let Values::Text { codes, dict } = values {
        // Rank the distinct texts, then a counting sort of the rows by rank: stable, so
        // ties stay in rowid order.
        let mut order: Vec<u32> = (0..dict.len() as u32).collect();
        order.sort_unstable_by(|a, b| {
            dict[*a as usize]
                .as_bytes()
                .cmp(dict[*b as usize].as_bytes())
        });
        if desc {
            order.reverse();
        }
        let mut rank = vec![0u32; dict.len()];
        for (r, &code) in order.iter().enumerate() {
            rank[code as usize] = r as u32;
        }
        let nulls = dict.len();
        let mut counts = vec![0usize; dict.len() + 2];
        let key = |c: u32| {
            if c == NULL_CODE {
                nulls
            } else {
                rank[c as usize] as usize
            }
        };
        for &c in codes {
            counts[key(c) + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut out = vec![0u32; len];
        for (pos, &c) in codes.iter().enumerate() {
            let k = key(c);
            out[counts[k]] = pos as u32;
            counts[k] += 1;
        }
        return out;
    }
    if let Some((mut keyed, nulls)) = numeric_keys(values, desc) {
        // (key, position) pairs sort without indirection; ties by position.
        keyed.sort_unstable();
        let mut out: Vec<u32> = keyed.into_iter().map(|(_, p)| p).collect();
        out.extend(nulls);
        return out;
    }
    let mut idx: Vec<u32> = (0..len as u32).collect();
    let cmp = comparator(values, desc);
    idx.sort_unstable_by(|a, b| cmp(*a, *b));
    idx
}

/// Order-preserving `u64` keys of a numeric column (negated for a descending sort),
/// with the positions of missing values apart, in order.
#[allow(clippy::type_complexity)]
fn numeric_keys(values: &Values, desc: bool) -> Option<(Vec<(u64, u32)>, Vec<u32>)> {
    let flip = |k: u64| if desc { !k } else { k };
    let mut keyed = Vec::new();
    let mut nulls = Vec::new();
    match values {
        Values::Int(v) => {
            keyed.reserve(v.len());
            for (p, x) in v.iter().enumerate() {
                match x {
                    Some(i) => keyed.push((flip((*i as u64) ^ (1 << 63)), p as u32)),
                    None => nulls.push(p as u32),
                }
            }
        }
        Values::Real(v) => {
            keyed.reserve(v.len());
            for (p, x) in v.iter().enumerate() {
                match x {
                    Some(f) => {
                        let b = (f + 0.0).to_bits();
                        let k = if b >> 63 == 1 { !b } else { b | (1 << 63) };
                        keyed.push((flip(k), p as u32));
                    }
                    None => nulls.push(p as u32),
                }
            }
        }
        _ => return None,
    }
    Some((keyed, nulls))
}

enum Acc {
    Int(Vec<Option<i64>>),
    Real(Vec<Option<f64>>),
    /// Codes and the index of distinct texts (the dictionary is built at the end, so
    /// each distinct text is allocated once).
    Text(Vec<u32>, FastMap<Box<str>, u32>),
    Mixed(Vec<Value>),
}

fn dictionary(index: FastMap<Box<str>, u32>) -> Vec<Box<str>> {
    let mut dict: Vec<Box<str>> = vec![Box::from(""); index.len()];
    for (s, c) in index {
        dict[c as usize] = s;
    }
    dict
}

impl Acc {
    fn new(ty: ColumnType, capacity: usize) -> Acc {
        match ty {
            ColumnType::Integer | ColumnType::Boolean => Acc::Int(Vec::with_capacity(capacity)),
            ColumnType::Number => Acc::Real(Vec::with_capacity(capacity)),
            _ => Acc::Text(Vec::with_capacity(capacity), FastMap::default()),
        }
    }

    fn push(&mut self, v: ValueRef<'_>) {
        let fits = match (&mut *self, v) {
            (Acc::Mixed(m), v) => {
                m.push(owned(v));
                true
            }
            (Acc::Int(x), ValueRef::Null) => {
                x.push(None);
                true
            }
            (Acc::Real(x), ValueRef::Null) => {
                x.push(None);
                true
            }
            (Acc::Text(codes, _), ValueRef::Null) => {
                codes.push(NULL_CODE);
                true
            }
            (Acc::Int(x), ValueRef::Integer(i)) => {
                x.push(Some(i));
                true
            }
            (Acc::Real(x), ValueRef::Real(f)) => {
                x.push(Some(f));
                true
            }
            (Acc::Real(x), ValueRef::Integer(i)) => {
                x.push(Some(i as f64));
                true
            }
            (Acc::Text(codes, index), ValueRef::Text(t)) => match std::str::from_utf8(t) {
                Ok(s) => {
                    let code = match index.get(s) {
                        Some(c) => *c,
                        None => {
                            let c = index.len() as u32;
                            index.insert(s.into(), c);
                            c
                        }
                    };
                    codes.push(code);
                    true
                }
                Err(_) => false,
            },
            _ => false,
        };
        if !fits {
            // Switch to the general representation, converting what was read.
            let mut m: Vec<Value> = Vec::new();
            match std::mem::replace(self, Acc::Mixed(Vec::new())) {
                Acc::Int(x) => m.extend(x.iter().map(|v| v.map_or(Value::Null, Value::Integer))),
                Acc::Real(x) => m.extend(x.iter().map(|v| v.map_or(Value::Null, Value::Real))),
                Acc::Text(codes, index) => {
                    let dict = dictionary(index);
                    m.extend(codes.iter().map(|&c| {
                        if c == NULL_CODE {
                            Value::Null
                        } else {
                            Value::Text(dict[c as usize].to_string())
                        }
                    }))
                }
                Acc::Mixed(_) => {}
            }
            m.push(owned(v));
            *self = Acc::Mixed(m);
        }
    }

    fn finish(self) -> Values {
        match self {
            Acc::Mixed(m) => Values::Mixed(m),
            Acc::Int(x) => Values::Int(x),
            Acc::Real(x) => Values::Real(x),
            Acc::Text(codes, index) => Values::Text {
                codes,
                dict: dictionary(index),
            },
        }
    }
}

/// Loads a column: `ty` is the declared type, used to choose the representation.
pub fn load(
    conn: &Connection,
    table: &str,
    column: &str,
    ty: ColumnType,
) -> rusqlite::Result<ColumnData> {
    let mut v = load_many(conn, table, &[(column, ty)])?;
    Ok(v.remove(0))
}

/// Loads several columns in one scan of the table.
pub fn load_many(
    conn: &Connection,
    table: &str,
    columns: &[(&str, ColumnType)],
) -> rusqlite::Result<Vec<ColumnData>> {
    let names: Vec<String> = columns.iter().map(|(c, _)| quote_ident(c)).collect();
    let sql = format!(
        "SELECT rowid, {} FROM {} ORDER BY rowid",
        names.join(", "),
        quote_ident(table)
    );
    let capacity: i64 = conn
        .query_row(
            &format!("SELECT count(*) FROM {}", quote_ident(table)),
            [],
            |r| r.get(0),
        )
        .unwrap_or(0);
    let capacity = usize::try_from(capacity).unwrap_or(0);
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let mut rowids = Vec::with_capacity(capacity);
    let mut accs: Vec<Acc> = columns
        .iter()
        .map(|(_, ty)| Acc::new(*ty, capacity))
        .collect();
    while let Some(row) = rows.next()? {
        rowids.push(row.get::<_, i64>(0)?);
        for (j, acc) in accs.iter_mut().enumerate() {
            acc.push(row.get_ref(j + 1)?);
        }
    }
    let n = accs.len();
    Ok(accs
        .into_iter()
        .enumerate()
        .map(|(j, acc)| ColumnData {
            rowids: if j + 1 == n {
                std::mem::take(&mut rowids)
            } else {
                rowids.clone()
            },
            values: acc.finish(),
            perms: [OnceLock::new(), OnceLock::new()],
        })
        .collect())
}

fn owned(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(s) => Value::Text(String::from_utf8_lossy(s).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

/// A fast non-cryptographic hasher (FxHash) for interning texts and group keys: the
/// default SipHash costs more than the rest of the work per row.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, i: u64) {
        self.hash = (self.hash.rotate_left(5) ^ i).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_i64(&mut self, i: i64) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

type CacheKey = (PathBuf, String, String);

struct Entry {
    stamp: (i64, i64),
    /// Filled once loaded; locked while loading.
    data: Arc<Mutex<Option<Arc<ColumnData>>>>,
    used: u64,
}

#[derive(Default)]
struct Cache {
    entries: HashMap<CacheKey, Entry>,
    clock: u64,
}

fn cache() -> &'static Mutex<Cache> {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(Cache::default()))
}

/// What identifies the current content of a table (see the module doc).
pub fn stamp(conn: &Connection, table: &str) -> rusqlite::Result<(i64, i64)> {
    let schema: i64 = conn.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    let max: Option<i64> = conn.query_row(
        &format!("SELECT max(rowid) FROM {}", quote_ident(table)),
        [],
        |r| r.get(0),
    )?;
    Ok((schema, max.unwrap_or(0)))
}

fn db_path(conn: &Connection) -> Option<PathBuf> {
    conn.path()
        .filter(|p| !p.is_empty())
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| PathBuf::from(p)))
}

/// A column of `table`, from the cache when its stamp still holds, else loaded (and
/// cached for file databases). Two callers asking for the same column at once (the
/// grid's background load and the next page) share one load.
pub fn column(
    conn: &Connection,
    table: &str,
    column: &str,
    ty: ColumnType,
) -> rusqlite::Result<Arc<ColumnData>> {
    let st = stamp(conn, table)?;
    let Some(path) = db_path(conn) else {
        return Ok(Arc::new(load(conn, table, column, ty)?));
    };
    let key = (path, table.to_ascii_lowercase(), column.to_string());
    let slot = {
        let mut guard = match cache().lock() {
            Ok(g) => g,
            Err(_) => return Ok(Arc::new(load(conn, table, column, ty)?)),
        };
        let c = &mut *guard;
        c.clock += 1;
        let now = c.clock;
        let fresh = c.entries.get(&key).is_some_and(|e| e.stamp == st);
        if !fresh {
            c.entries.insert(
                key.clone(),
                Entry {
                    stamp: st,
                    data: Arc::new(Mutex::new(None)),
                    used: now,
                },
            );
            evict(c);
        }
        match c.entries.get_mut(&key) {
            Some(e) => {
                e.used = now;
                e.data.clone()
            }
            None => Arc::new(Mutex::new(None)),
        }
    };
    let mut slot = match slot.lock() {
        Ok(s) => s,
        Err(_) => return Ok(Arc::new(load(conn, table, column, ty)?)),
    };
    if let Some(d) = slot.as_ref() {
        return Ok(d.clone());
    }
    let d = Arc::new(load(conn, table, column, ty)?);
    *slot = Some(d.clone());
    Ok(d)
}

/// Whether the column is in memory for the table's current content.
pub fn is_cached(conn: &Connection, table: &str, column: &str) -> bool {
    let (Ok(st), Some(path)) = (stamp(conn, table), db_path(conn)) else {
        return false;
    };
    let key = (path, table.to_ascii_lowercase(), column.to_string());
    let Ok(c) = cache().lock() else { return false };
    c.entries
        .get(&key)
        .is_some_and(|e| e.stamp == st && e.data.try_lock().map(|d| d.is_some()).unwrap_or(false))
}

fn evict(c: &mut Cache) {
    while c.entries.len() > MAX_CACHED {
        let oldest = c
            .entries
            .iter()
            .min_by_key(|(_, e)| e.used)
            .map(|(k, _)| k.clone());
        match oldest {
            Some(k) => {
                c.entries.remove(&k);
            }
            None => break,
        }
    }
}

/// Several columns of `table`; those not cached are loaded in one scan.
pub fn columns(
    conn: &Connection,
    table: &str,
    wanted: &[(&str, ColumnType)],
) -> rusqlite::Result<Vec<Arc<ColumnData>>> {
    let st = stamp(conn, table)?;
    let Some(path) = db_path(conn) else {
        return Ok(load_many(conn, table, wanted)?
            .into_iter()
            .map(Arc::new)
            .collect());
    };
    let key = |c: &str| (path.clone(), table.to_ascii_lowercase(), c.to_string());
    let mut found: Vec<Option<Arc<ColumnData>>> = vec![None; wanted.len()];
    if let Ok(mut c) = cache().lock() {
        for (i, (name, _)) in wanted.iter().enumerate() {
            c.clock += 1;
            let now = c.clock;
            if let Some(e) = c.entries.get_mut(&key(name)) {
                if e.stamp == st {
                    e.used = now;
                    found[i] = e.data.try_lock().ok().and_then(|d| d.clone());
                }
            }
        }
    }
    let missing: Vec<(&str, ColumnType)> = wanted
        .iter()
        .zip(&found)
        .filter(|(_, f)| f.is_none())
        .map(|(w, _)| *w)
        .collect();
    if !missing.is_empty() {
        let loaded = load_many(conn, table, &missing)?;
        let mut loaded = loaded.into_iter().map(Arc::new);
        if let Ok(mut c) = cache().lock() {
            for (i, (name, _)) in wanted.iter().enumerate() {
                if found[i].is_some() {
                    continue;
                }
                let Some(data) = loaded.next() else { break };
                c.clock += 1;
                let now = c.clock;
                c.entries.insert(
                    key(name),
                    Entry {
                        stamp: st,
                        data: Arc::new(Mutex::new(Some(data.clone()))),
                        used: now,
                    },
                );
                found[i] = Some(data);
            }
            evict(&mut c);
        } else {
            for f in found.iter_mut().filter(|f| f.is_none()) {
                *f = loaded.next();
            }
        }
    }
    Ok(found.into_iter().flatten().collect())
}

/// Forgets every cached column (for benchmarks measuring a cold start).
pub fn clear_cache() {
    if let Ok(mut c) = cache().lock() {
        c.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(values: Values, n: usize) -> ColumnData {
        ColumnData {
            rowids: (1..=n as i64).collect(),
            values,
            perms: [OnceLock::new(), OnceLock::new()],
        }
    }

    #[test]
    fn sorts_with_missing_last_and_stable_ties() {
        let d = data(
            Values::Int(vec![Some(3), None, Some(1), Some(3), Some(2)]),
            5,
        );
        assert_eq!(*d.sorted(false), [2, 4, 0, 3, 1]);
        assert_eq!(*d.sorted(true), [0, 3, 4, 2, 1]);
        assert_eq!(d.top(2, true), [0, 3]);
        assert_eq!(d.top(5, false), [2, 4, 0, 3, 1]);
        let d = data(
            Values::Real(vec![
                Some(-1.5),
                Some(2.0),
                None,
                Some(-3.0),
                Some(0.0),
                Some(2.0),
            ]),
            6,
        );
        assert_eq!(*d.sorted(false), [3, 0, 4, 1, 5, 2]);
        assert_eq!(*d.sorted(true), [1, 5, 4, 0, 3, 2]);
        assert_eq!(d.top(3, true), [1, 5, 4]);
        let d = data(
            Values::Int(vec![Some(i64::MIN), Some(-1), Some(i64::MAX), Some(0)]),
            4,
        );
        assert_eq!(*d.sorted(false), [0, 1, 3, 2]);
        let d = data(
            Values::Text {
                codes: vec![0, NULL_CODE, 1, 0, 2],
                dict: vec!["b".into(), "a".into(), "Z".into()],
            },
            5,
        );
        assert_eq!(*d.sorted(false), [4, 2, 0, 3, 1]);
        assert_eq!(*d.sorted(true), [0, 3, 2, 4, 1]);
        assert_eq!(d.top(3, false), [4, 2, 0]);
        // Few distinct texts (ranked path).
        let codes: Vec<u32> = (0..40)
            .map(|i| if i % 7 == 0 { NULL_CODE } else { i % 3 })
            .collect();
        let d = data(
            Values::Text {
                codes: codes.clone(),
                dict: vec!["b".into(), "a".into(), "c".into()],
            },
            40,
        );
        for desc in [false, true] {
            assert_eq!(d.top(40, desc), *d.sorted(desc));
            assert_eq!(d.top(9, desc), d.sorted(desc)[..9]);
        }
        let d = data(
            Values::Mixed(vec![
                Value::Text("a".into()),
                Value::Integer(5),
                Value::Null,
                Value::Real(1.5),
            ]),
            4,
        );
        assert_eq!(*d.sorted(false), [3, 1, 0, 2]);
        assert_eq!(*d.sorted(true), [0, 1, 3, 2]);
    }

    #[test]
    fn after_a_key_gives_the_same_rows_as_the_full_sort() {
        let n = 300;
        let kinds = [
            Values::Int(
                (0..n)
                    .map(|i| (i % 9 != 0).then_some((i * 37 % 41) as i64 - 20))
                    .collect(),
            ),
            Values::Real(
                (0..n)
                    .map(|i| (i % 11 != 0).then_some((i * 13 % 17) as f64 / 3.0))
                    .collect(),
            ),
            Values::Text {
                codes: (0..n)
                    .map(|i| {
                        if i % 8 == 0 {
                            NULL_CODE
                        } else {
                            (i * 7 % 50) as u32
                        }
                    })
                    .collect(),
                dict: (0..50)
                    .map(|i| format!("v{}", i * 31 % 97).into_boxed_str())
                    .collect(),
            },
            Values::Mixed(
                (0..n)
                    .map(|i| match i % 4 {
                        0 => Value::Null,
                        1 => Value::Integer(i as i64 % 13),
                        2 => Value::Real((i % 7) as f64 + 0.5),
                        _ => Value::Text(format!("t{}", i % 5)),
                    })
                    .collect(),
            ),
        ];
        for values in kinds {
            let d = data(values, n);
            for desc in [false, true] {
                let full = d.sorted(desc);
                for size in [1, 7, 50, 400] {
                    for at in [0, 1, 49, 150, n - 2, n - 1] {
                        let want = &full[at + 1..(at + 1 + size).min(n)];
                        assert_eq!(
                            d.after(full[at], size, desc),
                            want,
                            "desc={desc} size={size} at={at}"
                        );
                    }
                }
            }
        }
    }
}
