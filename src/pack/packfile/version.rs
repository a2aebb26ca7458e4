//! Pack versions: which can name a pack file ([`check_version`]), and which is newer
//! ([`compare_versions`]): semantic versions by semver, others part by part.

use std::cmp::Ordering;

use super::PackFileError;

/// A version usable in a file name: `[A-Za-z0-9.+_-]`, 1 to 64 characters, not only dots.
pub(super) fn check_version(version: &str) -> Result<(), PackFileError> {
    let ok = !version.is_empty()
        && version.len() <= 64
        && !version.chars().all(|c| c == '.')
        && version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | '_'));
    if ok {
        Ok(())
    } else {
        Err(PackFileError::BadVersion {
            version: version.to_string(),
        })
    }
}

/// The semantic version (<https://semver.org>) a pack version reads as: `1.2.3`,
/// `1.2.3-rc1`, `1.2.3+build`, and the shorter `1` and `1.2` (as `1.0.0` and `1.2.0`,
/// with the same pre-release and build). `None` for any other version.
fn semantic(version: &str) -> Option<semver::Version> {
    if let Ok(v) = semver::Version::parse(version) {
        return Some(v);
    }
    let (rest, build) = match version.split_once('+') {
        Some((r, b)) => (r, Some(b)),
        None => (version, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (rest, None),
    };
    let mut parts: Vec<&str> = core.split('.').collect();
    if parts.len() > 2
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    parts.resize(3, "0");
    let mut full = parts.join(".");
    if let Some(pre) = pre {
        full = format!("{full}-{pre}");
    }
    if let Some(build) = build {
        full = format!("{full}+{build}");
    }
    semver::Version::parse(&full).ok()
}

/// Compares versions part by part (`1.10.0` > `1.9.2`, `0.1` < `0.1.1`): numbers
/// numerically, the rest as text.
fn compare_parts(a: &str, b: &str) -> Ordering {
    let parts = |s: &str| -> Vec<String> {
        s.split(['.', '-', '+', '_'])
            .map(|p| p.to_string())
            .collect()
    };
    let (pa, pb) = (parts(a), parts(b));
    for (x, y) in pa.iter().zip(pb.iter()) {
        let o = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(m), Ok(n)) => m.cmp(&n),
            _ => x.cmp(y),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    pa.len().cmp(&pb.len())
}

/// Orders two pack versions, newest greatest. Semantic versions (see [`semantic`]) follow
/// semver: a pre-release comes before its release (`1.0.0-rc1` < `1.0.0` < `1.0.1`,
/// `1.0.0-rc.2` < `1.0.0-rc.10`); two that semver ranks the same but are written
/// differently (`1.2` and `1.2.0`) are told apart part by part, so that only the same
/// text is `Equal`. Other versions (`2024.03.15.2`, `v3`) compare part by part, numbers
/// numerically and the rest as text.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    match (semantic(a), semantic(b)) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| compare_parts(a, b)),
        _ => compare_parts(a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_by_parts() {
        assert_eq!(compare_versions("1.10.0", "1.9.2"), Ordering::Greater);
        assert_eq!(compare_versions("0.1.0", "0.1.0"), Ordering::Equal);
        assert_eq!(compare_versions("0.1", "0.1.1"), Ordering::Less);
    }

    /// Each version is older than the next.
    fn ascending(versions: &[&str]) {
        for (i, a) in versions.iter().enumerate() {
            assert_eq!(compare_versions(a, a), Ordering::Equal, "{a}");
            for b in &versions[i + 1..] {
                assert_eq!(compare_versions(a, b), Ordering::Less, "{a} < {b}");
                assert_eq!(compare_versions(b, a), Ordering::Greater, "{b} > {a}");
            }
        }
    }

    #[test]
    fn a_pre_release_comes_before_its_release() {
        ascending(&[
            "0.9.9",
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-beta",
            "1.0.0-rc.2",
            "1.0.0-rc.10",
            "1.0.0-rc1",
            "1.0.0",
            "1.0.1",
            "1.10.0",
        ]);
        // Short versions read as semantic ones, with their pre-releases.
        ascending(&["1-beta", "1", "1.1-rc1", "1.1", "1.1.0", "1.1.1", "1.2"]);
        ascending(&["0.1", "0.1.0", "0.1.1"]);
        // Build metadata does not make a release older.
        ascending(&["1.0.0-rc1", "1.0.0+build.1", "1.0.1"]);
    }

    #[test]
    fn versions_that_are_not_semantic_keep_their_order() {
        ascending(&[
            "2024.03.15.1",
            "2024.03.15.2",
            "2024.03.15.10",
            "2024.11.1.1",
        ]);
        ascending(&["1.2.3", "1.2.3.4"]);
        ascending(&["v1.9", "v1.10", "v2"]);
        ascending(&["01.2.3", "01.2.4"]);
        ascending(&["1_0", "1_1"]);
    }
}
