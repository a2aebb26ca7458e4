//! Format detection and opening: what a file is (text or which workbook format, from the
//! extension and the first bytes), files that are no table refused, and the file
//! prepared for reading (encoding and delimiter of a text file, the sheet of a workbook).

use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;

use crate::i18n::Lang;
use crate::tr;

use super::pipeline::{Reporter, STREAM_SPLIT, TEXT_SPLIT, WORKBOOK_SPLIT};
use super::sheet::{self, WorkbookKind};
use super::sheetstream::{Opener, ReadSeek, SheetStream};
use super::text;
use super::{ImportError, ImportOptions, Phase, RowSource};

/// Where the bytes come from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Source<'a> {
    File(&'a Path),
    Bytes(&'a [u8]),
}

impl<'a> Source<'a> {
    pub(crate) fn open(&self) -> Result<Box<dyn Read + 'a>, ImportError> {
        match *self {
            Source::File(p) => Ok(Box::new(BufReader::new(open_file(p)?))),
            Source::Bytes(b) => Ok(Box::new(b)),
        }
    }

    /// The length in bytes.
    pub(crate) fn len(&self) -> Result<u64, ImportError> {
        match *self {
            Source::File(p) => Ok(open_file(p)?.metadata()?.len()),
            Source::Bytes(b) => Ok(b.len() as u64),
        }
    }

    /// The first `n` bytes (fewer if the content is shorter).
    pub(crate) fn head(&self, n: usize) -> Result<Vec<u8>, ImportError> {
        let mut out = Vec::with_capacity(n);
        self.open()?.take(n as u64).read_to_end(&mut out)?;
        Ok(out)
    }
}

fn open_file(p: &Path) -> Result<File, ImportError> {
    File::open(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ImportError::NotFound(p.to_path_buf()),
        _ => ImportError::Io(e),
    })
}

/// What the first bytes and the extension say.
enum Detected {
    Text,
    Workbook(Vec<WorkbookKind>),
}

const TEXT_EXTENSIONS: &[&str] = &["csv", "tsv", "txt", "tab"];
const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];
/// Every file extension import reads.
pub const EXTENSIONS: &[&str] = &[
    "csv", "tsv", "txt", "tab", "xlsx", "xlsm", "xlsb", "xls", "ods",
];
/// What the import file dialog offers: [`EXTENSIONS`] and compressed files holding one
/// of them (`.gz`, `.zip`).
pub const PICK_EXTENSIONS: &[&str] = &[
    "csv", "tsv", "txt", "tab", "xlsx", "xlsm", "xlsb", "xls", "ods", "gz", "zip",
];

fn extension(file_name: &str) -> String {
    Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn looks_like_text(head: &[u8]) -> bool {
    if encoding_rs::Encoding::for_bom(head).is_some() {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    // No NUL at all, and almost no control characters.
    !head.contains(&0) && controls * 100 <= head.len()
}

fn starts_with_ci(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

/// What the file is, from its name and its first bytes; a workbook or text file under
/// another extension gets a warning (in `lang`), a file that is no table is refused.
fn detect(
    file_name: &str,
    head: &[u8],
    lang: Lang,
    warnings: &mut Vec<String>,
) -> Result<Detected, ImportError> {
    use WorkbookKind::{Ods, Xls, Xlsb, Xlsx};
    let ext = extension(file_name);
    if head.is_empty() {
        return Err(ImportError::Empty);
    }
    if ext == "numbers" {
        return Err(ImportError::UnsupportedFormat("Apple Numbers".into()));
    }
    let is_workbook_ext = WORKBOOK_EXTENSIONS.contains(&ext.as_str());
    let shown = Path::new(file_name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Signature, catalog key of the description (none: the name alone), name.
    let magic: &[(&[u8], Option<&str>, &str)] = &[
        (b"%PDF", None, "PDF"),
        (b"\x89PNG", Some("import-format-image"), "PNG"),
        (b"\xFF\xD8\xFF", Some("import-format-image"), "JPEG"),
        (b"GIF8", Some("import-format-image"), "GIF"),
        (b"Rar!", Some("import-format-archive"), "RAR"),
        (
            b"7z\xBC\xAF\x27\x1C",
            Some("import-format-archive"),
            "7-Zip",
        ),
        (b"\x1F\x8B", Some("import-format-archive"), "gzip"),
        (b"{\\rtf", Some("import-format-document"), "RTF"),
    ];
    for (sig, key, kind) in magic {
        if head.starts_with(sig) {
            return Err(ImportError::UnsupportedFormat(match key {
                Some(key) => tr!(lang, key, kind = *kind),
                None => (*kind).to_string(),
            }));
        }
    }
    let zip = head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06");
    let compound = head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    if zip || compound {
        let kinds = match (zip, ext.as_str()) {
            (true, "xlsb") => vec![Xlsb, Xlsx, Ods],
            (true, "ods") => vec![Ods, Xlsx, Xlsb],
            (true, _) => vec![Xlsx, Ods, Xlsb],
            // An encrypted XLSX/XLSB is a compound file too.
            (false, "xlsx" | "xlsm") => vec![Xlsx, Xls],
            (false, "xlsb") => vec![Xlsb, Xls],
            (false, _) => vec![Xls, Xlsx],
        };
        if !is_workbook_ext {
            warnings.push(tr!(lang, "import-really-a-workbook", file = &shown));
        }
        return Ok(Detected::Workbook(kinds));
    }
    if looks_like_text(head) {
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(&head[..0], |p| &head[p..]);
        let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
        if starts_with_ci(start, b"<!doctype html")
            || starts_with_ci(start, b"<html")
            || starts_with_ci(start, b"<table")
        {
            return Err(ImportError::UnsupportedFormat(tr!(
                lang,
                "import-format-web-page"
            )));
        }
        if starts_with_ci(start, b"<?xml") {
            return Err(ImportError::UnsupportedFormat("XML".into()));
        }
        if is_workbook_ext {
            warnings.push(tr!(
                lang,
                "import-text-read-as-csv",
                file = &shown,
                ext = &ext
            ));
            return Ok(Detected::Text);
        }
        if ext.is_empty() || TEXT_EXTENSIONS.contains(&ext.as_str()) {
            return Ok(Detected::Text);
        }
        return Err(ImportError::UnsupportedFormat(tr!(
            lang,
            "import-format-extension",
            ext = &ext
        )));
    }
    if is_workbook_ext {
        return Err(ImportError::Unreadable(format!(
            "unrecognised content for .{ext}"
        )));
    }
    Err(ImportError::UnsupportedFormat(if ext.is_empty() {
        tr!(lang, "import-format-binary")
    } else {
        tr!(lang, "import-format-extension", ext = &ext)
    }))
}

/// A file ready to be read: its rows and what was learnt about it.
pub(super) struct Prepared<'a> {
    pub(super) format: String,
    pub(super) encoding: Option<&'static encoding_rs::Encoding>,
    pub(super) delimiter: Option<u8>,
    pub(super) sheet: Option<String>,
    pub(super) sheets: Vec<String>,
    /// Shares of the import given to the phases, see [`WORKBOOK_SPLIT`].
    pub(super) split: (f64, f64),
    pub(super) source: Box<dyn RowSource + 'a>,
    pub(super) warnings: Vec<String>,
}

/// Detects the format and opens the file for reading: the first warnings (in
/// `opts.lang`) come from here.
pub(super) fn prepare<'a>(
    src: Source<'a>,
    file_name: &str,
    opts: &ImportOptions,
    reporter: &mut Reporter<'_>,
) -> Result<Prepared<'a>, ImportError> {
    let lang = opts.lang;
    let mut warnings = Vec::new();
    let head = src.head(8192)?;
    match detect(file_name, &head, lang, &mut warnings)? {
        Detected::Text => {
            let encoding = text::detect_encoding(&src)?;
            if encoding == encoding_rs::WINDOWS_1252 {
                warnings.push(tr!(lang, "import-not-utf8"));
            }
            let delimiter = text::sniff_delimiter(&src, encoding, extension(file_name) == "tsv")?;
            if opts.sheet.is_some() {
                warnings.push(tr!(lang, "import-text-has-no-sheets"));
            }
            Ok(Prepared {
                format: "csv".to_string(),
                encoding: Some(encoding),
                delimiter: Some(delimiter),
                sheet: None,
                sheets: Vec::new(),
                split: TEXT_SPLIT,
                source: Box::new(text::CsvSource {
                    src,
                    encoding,
                    delimiter,
                }),
                warnings,
            })
        }
        Detected::Workbook(kinds) => {
            let requested = opts.sheet.as_deref();
            let mut on_load = |rows: u64, share: Option<f64>| {
                reporter.maybe(Phase::Reading, rows, share.map(|x| x * WORKBOOK_SPLIT.0));
            };
            let open: Opener<'a> = match src {
                Source::File(p) => Box::new(move || {
                    Ok(Box::new(BufReader::new(open_file(p)?)) as Box<dyn ReadSeek + 'a>)
                }),
                Source::Bytes(b) => {
                    Box::new(move || Ok(Box::new(Cursor::new(b)) as Box<dyn ReadSeek + 'a>))
                }
            };
            let loaded = sheet::load(&open, &kinds, requested, true, &mut on_load);
            let loaded = match loaded {
                // A zip or compound file that is no workbook at all (.docx, .doc…).
                Err(ImportError::Unreadable(_))
                    if !WORKBOOK_EXTENSIONS.contains(&extension(file_name).as_str()) =>
                {
                    return Err(ImportError::UnsupportedFormat(tr!(
                        lang,
                        "import-format-not-a-workbook"
                    )))
                }
                other => other?,
            };
            let (loaded, book) = loaded;
            if let Some(first) = loaded.skipped.first() {
                warnings.push(tr!(
                    lang,
                    "import-empty-sheets-skipped",
                    first = first,
                    count = loaded.skipped.len().to_string(),
                    n = loaded.skipped.len(),
                    sheet = &loaded.sheet
                ));
            } else if requested.is_none() && loaded.sheets.len() > 1 {
                warnings.push(tr!(
                    lang,
                    "import-several-sheets",
                    count = loaded.sheets.len().to_string(),
                    n = loaded.sheets.len(),
                    sheet = &loaded.sheet
                ));
            }
            let format = match loaded.kind {
                WorkbookKind::Xlsx => "xlsx",
                WorkbookKind::Xlsb => "xlsb",
                WorkbookKind::Xls => "xls",
                WorkbookKind::Ods => "ods",
            };
            Ok(Prepared {
                format: format.to_string(),
                encoding: None,
                delimiter: None,
                sheet: Some(loaded.sheet.clone()),
                sheets: loaded.sheets,
                split: if book.is_some() {
                    STREAM_SPLIT
                } else {
                    WORKBOOK_SPLIT
                },
                source: match book {
                    Some(book) => Box::new(SheetStream {
                        open,
                        kind: loaded.kind,
                        sheet: loaded.sheet.clone(),
                        book: Mutex::new(Some(book)),
                        whole: AtomicBool::new(false),
                    }),
                    None => Box::new(loaded.grid),
                },
                warnings,
            })
        }
    }
}
