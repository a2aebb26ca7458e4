//! Compressed files: a `.gz` file, or a `.zip` archive holding one file, is decompressed
//! in memory and the file inside read as if it had been given. Bounded like pack files:
//! at most [`MAX_UNPACKED_BYTES`] once decompressed, and a ratio of decompressed to
//! compressed size above [`MAX_RATIO`] (past [`RATIO_MIN_BYTES`]) is a decompression bomb.

use std::io::{Cursor, Read};

use super::detect::Source;
use super::{ArchiveProblem, ImportError};

/// Most bytes a compressed file may hold once decompressed.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;
/// Largest accepted ratio of decompressed to compressed size (as for pack files)...
pub const MAX_RATIO: u64 = 200;
/// ...checked past this many decompressed bytes (tiny files compress unpredictably).
pub const RATIO_MIN_BYTES: u64 = 64 * 1024;

/// The file inside a compressed file.
pub(super) struct Unpacked {
    pub(super) name: String,
    pub(super) bytes: Vec<u8>,
}

fn extension(file_name: &str) -> String {
    std::path::Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// The file inside `src` when it is gzip-compressed or a `.zip` archive that is not a
/// workbook (an XLSX is a zip too), else `None`.
pub(super) fn unpack(src: &Source<'_>, file_name: &str) -> Result<Option<Unpacked>, ImportError> {
    let head = src.head(4)?;
    if head.starts_with(b"\x1F\x8B") {
        let compressed = src.len()?;
        let name = match file_name.rsplit_once('.') {
            Some((stem, ext)) if ext.eq_ignore_ascii_case("gz") => stem.to_string(),
            _ => file_name.to_string(),
        };
        let mut decoder = flate2::read::MultiGzDecoder::new(src.open()?);
        let bytes = read_bounded(&mut decoder, compressed, &name)?;
        return Ok(Some(Unpacked { name, bytes }));
    }
    let zip = head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06");
    if !zip || extension(file_name) != "zip" {
        return Ok(None);
    }
    let mut raw = Vec::new();
    src.open()?
        .take(MAX_UNPACKED_BYTES + 1)
        .read_to_end(&mut raw)?;
    let mut archive = zip::ZipArchive::new(Cursor::new(raw))
        .map_err(|e| ImportError::Unreadable(format!("zip: {e}")))?;
    // An XLSX or ODS renamed .zip: read as the workbook it is.
    if archive.index_for_name("[Content_Types].xml").is_some()
        || archive.index_for_name("mimetype").is_some()
    {
        return Ok(None);
    }
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let f = archive
            .by_index(i)
            .map_err(|e| ImportError::Unreadable(format!("zip: {e}")))?;
        let name = f.name().unwrap_or_default().to_string();
        let base = name.rsplit('/').next().unwrap_or_default();
        // Folders, and what macOS and Windows add (`__MACOSX/`, `.DS_Store`, `Thumbs.db`).
        if f.is_dir()
            || name.starts_with("__MACOSX/")
            || base.starts_with('.')
            || base.eq_ignore_ascii_case("Thumbs.db")
        {
            continue;
        }
        files.push((i, base.to_string()));
    }
    let (index, name) = match files.as_slice() {
        [] => return Err(ImportError::Empty),
        [one] => one.clone(),
        _ => {
            return Err(ImportError::Archive(ArchiveProblem::SeveralFiles(
                files.into_iter().map(|(_, n)| n).collect(),
            )))
        }
    };
    let mut f = archive
        .by_index(index)
        .map_err(|e| ImportError::Unreadable(format!("zip: {e}")))?;
    let compressed = f.compressed_size();
    let bytes = read_bounded(&mut f, compressed, &name)?;
    Ok(Some(Unpacked { name, bytes }))
}

/// Decompresses `reader` (from `compressed` bytes), refusing past [`MAX_UNPACKED_BYTES`]
/// or an abnormal ratio, as soon as it shows.
fn read_bounded(
    reader: &mut dyn Read,
    compressed: u64,
    name: &str,
) -> Result<Vec<u8>, ImportError> {
    let too_large = || ImportError::Archive(ArchiveProblem::TooLarge(name.to_string()));
    let mut out = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ImportError::Unreadable(format!("{name}: {e}"))),
        };
        out.extend_from_slice(&chunk[..n]);
        let size = out.len() as u64;
        if size > MAX_UNPACKED_BYTES
            || (size > RATIO_MIN_BYTES && size / compressed.max(1) > MAX_RATIO)
        {
            return Err(too_large());
        }
    }
    Ok(out)
}
