//! Delimited text files (CSV, TSV, TXT): encoding detection, a decoding
//! reader, delimiter sniffing and streaming rows through the `csv` crate.

use std::io::{self, Read};

use encoding_rs::{Decoder, Encoding, UTF_8, WINDOWS_1252};

use super::infer::RawCell;
use super::{ImportError, Limit, RowSource, RowVisitor, Source, MAX_CSV_COLUMNS};

/// Bytes of decoded text looked at to guess the delimiter.
const SNIFF_BYTES: usize = 64 * 1024;
/// Lines looked at to guess the delimiter.
const SNIFF_LINES: usize = 30;

/// Finds the encoding: a BOM (UTF-8, UTF-16 LE/BE) wins; otherwise UTF-8 if
/// the whole content is valid UTF-8, else Windows-1252.
pub(crate) fn detect_encoding(src: &Source<'_>) -> Result<&'static Encoding, ImportError> {
    let mut reader = src.open()?;
    let mut head = [0u8; 3];
    let n = read_full(&mut reader, &mut head)?;
    if let Some((enc, _)) = Encoding::for_bom(&head[..n]) {
        return Ok(enc);
    }
    // Stream-validate UTF-8, carrying an incomplete sequence between chunks.
    let mut buf = vec![0u8; 64 * 1024];
    let mut carry: Vec<u8> = head[..n].to_vec();
    loop {
        let read = reader.read(&mut buf)?;
        if read == 0 {
            return Ok(if std::str::from_utf8(&carry).is_ok() {
                UTF_8
            } else {
                WINDOWS_1252
            });
        }
        carry.extend_from_slice(&buf[..read]);
        match std::str::from_utf8(&carry) {
            Ok(_) => carry.clear(),
            Err(e) if e.error_len().is_none() => {
                let tail = carry.split_off(e.valid_up_to());
                carry = tail;
            }
            Err(_) => return Ok(WINDOWS_1252),
        }
    }
}

fn read_full(reader: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match reader.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// A `Read` adapter that decodes any encoding to UTF-8 (BOM removed).
pub(crate) struct DecodingReader<R> {
    inner: R,
    decoder: Decoder,
    in_buf: Vec<u8>,
    in_start: usize,
    in_end: usize,
    eof: bool,
    out_buf: Vec<u8>,
    out_start: usize,
    out_end: usize,
    finished: bool,
    /// Bytes read from `inner` so far.
    consumed: u64,
}

impl<R: Read> DecodingReader<R> {
    pub(crate) fn new(inner: R, encoding: &'static Encoding) -> Self {
        DecodingReader {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            in_buf: vec![0; 32 * 1024],
            in_start: 0,
            in_end: 0,
            eof: false,
            out_buf: vec![0; 64 * 1024 + 16],
            out_start: 0,
            out_end: 0,
            finished: false,
            consumed: 0,
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        while self.out_start == self.out_end && !self.finished {
            if self.in_start == self.in_end && !self.eof {
                let n = self.inner.read(&mut self.in_buf)?;
                self.consumed += n as u64;
                self.in_start = 0;
                self.in_end = n;
                self.eof = n == 0;
            }
            let (result, read, written, _) = self.decoder.decode_to_utf8(
                &self.in_buf[self.in_start..self.in_end],
                &mut self.out_buf,
                self.eof,
            );
            self.in_start += read;
            self.out_start = 0;
            self.out_end = written;
            if self.eof && result == encoding_rs::CoderResult::InputEmpty {
                self.finished = true;
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        self.fill()?;
        let n = (self.out_end - self.out_start).min(buf.len());
        buf[..n].copy_from_slice(&self.out_buf[self.out_start..self.out_start + n]);
        self.out_start += n;
        Ok(n)
    }
}

/// Guesses the delimiter among `,` `;` tab `|`: the one whose count per line
/// (outside quotes) is the most consistent over the first lines.
pub(crate) fn sniff_delimiter(
    src: &Source<'_>,
    encoding: &'static Encoding,
    prefer_tab: bool,
) -> Result<u8, ImportError> {
    let mut reader = DecodingReader::new(src.open()?, encoding);
    let mut bytes = vec![0u8; SNIFF_BYTES];
    let n = read_full(&mut reader, &mut bytes)?;
    let complete = n < SNIFF_BYTES;
    bytes.truncate(n);
    let text = String::from_utf8_lossy(&bytes);
    Ok(guess_delimiter(&text, complete, prefer_tab))
}

pub(crate) fn guess_delimiter(text: &str, complete: bool, prefer_tab: bool) -> u8 {
    let candidates: [u8; 4] = if prefer_tab {
        [b'\t', b';', b',', b'|']
    } else {
        [b';', b',', b'\t', b'|']
    };
    // Split into logical lines (newlines inside quotes do not count) and
    // count each candidate outside quotes.
    let mut lines: Vec<[usize; 4]> = Vec::new();
    let mut counts = [0usize; 4];
    let mut in_quotes = false;
    let mut line_has_content = false;
    for b in text.bytes() {
        match b {
            b'"' => {
                in_quotes = !in_quotes;
                line_has_content = true;
            }
            b'\n' | b'\r' if !in_quotes => {
                if line_has_content {
                    lines.push(counts);
                }
                counts = [0; 4];
                line_has_content = false;
                if lines.len() >= SNIFF_LINES {
                    break;
                }
            }
            _ => {
                if !in_quotes {
                    if let Some(i) = candidates.iter().position(|c| *c == b) {
                        counts[i] += 1;
                    }
                }
                if !b.is_ascii_whitespace() {
                    line_has_content = true;
                }
            }
        }
    }
    // The last line of a truncated sample may be cut in the middle.
    if line_has_content && complete && lines.len() < SNIFF_LINES {
        lines.push(counts);
    }
    let mut best: Option<(usize, usize, usize)> = None; // (score, mode, index)
    for i in 0..candidates.len() {
        let per_line: Vec<usize> = lines.iter().map(|l| l[i]).collect();
        let mut mode = 0;
        let mut mode_freq = 0;
        for &c in &per_line {
            if c == 0 {
                continue;
            }
            let freq = per_line.iter().filter(|&&x| x == c).count();
            if freq > mode_freq || (freq == mode_freq && c > mode) {
                mode = c;
                mode_freq = freq;
            }
        }
        if mode == 0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((score, best_mode, _)) => {
                mode_freq > score || (mode_freq == score && mode > best_mode)
            }
        };
        if better {
            best = Some((mode_freq, mode, i));
        }
    }
    best.map_or(b',', |(_, _, i)| candidates[i])
}

/// Rows of a delimited text file; every `rows()` call re-reads the source.
pub(crate) struct CsvSource<'a> {
    pub src: Source<'a>,
    pub encoding: &'static Encoding,
    pub delimiter: u8,
}

impl RowSource for CsvSource<'_> {
    fn for_each_row(&self, f: &mut RowVisitor<'_>) -> Result<(), ImportError> {
        let total = self.src.len()?;
        let reader = DecodingReader::new(self.src.open()?, self.encoding);
        let mut csv_reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(reader);
        let mut record = ::csv::StringRecord::new();
        // Reused from row to row: the text buffers keep their allocation.
        let mut cells: Vec<RawCell> = Vec::new();
        let mut number = 0usize;
        while csv_reader.read_record(&mut record).map_err(csv_error)? {
            number += 1;
            if record.len() > MAX_CSV_COLUMNS {
                return Err(ImportError::TooLarge {
                    limit: Limit::Columns,
                    found: record.len() as u64,
                    max: MAX_CSV_COLUMNS as u64,
                });
            }
            cells.truncate(record.len());
            for (i, field) in record.iter().enumerate() {
                match cells.get_mut(i) {
                    Some(RawCell::Text(buf)) => {
                        buf.clear();
                        buf.push_str(field);
                    }
                    Some(other) => *other = RawCell::Text(field.to_string()),
                    None => cells.push(RawCell::Text(field.to_string())),
                }
            }
            let read = csv_reader.get_ref().consumed as f64;
            let fraction = if total == 0 {
                1.0
            } else {
                (read / total as f64).min(1.0)
            };
            f(number, &cells, fraction)?;
        }
        Ok(())
    }
}

fn csv_error(e: ::csv::Error) -> ImportError {
    match e.into_kind() {
        ::csv::ErrorKind::Io(io) => ImportError::Io(io),
        other => ImportError::Unreadable(format!("CSV: {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters() {
        assert_eq!(
            guess_delimiter("a;b;c\n1,5;2,5;3\n4;5;6\n", true, false),
            b';'
        );
        assert_eq!(guess_delimiter("a,b,c\n1,2,3\n", true, false), b',');
        assert_eq!(guess_delimiter("a\tb\n1\t2\n", true, false), b'\t');
        assert_eq!(guess_delimiter("a|b\n1|2\n", true, false), b'|');
        assert_eq!(
            guess_delimiter("Titre\na;b\n\"x;y\";2\n", true, false),
            b';'
        );
        assert_eq!(guess_delimiter("seul\n1\n", true, false), b',');
    }

    #[test]
    fn decoding_reader_utf16() {
        // encoding_rs does not encode to UTF-16: build the bytes by hand.
        let mut data = vec![0xFF, 0xFE];
        for u in "Guéra;1\n".encode_utf16() {
            data.extend_from_slice(&u.to_le_bytes());
        }
        let mut out = String::new();
        let mut r = DecodingReader::new(&data[..], encoding_rs::UTF_16LE);
        r.read_to_string(&mut out).ok();
        assert_eq!(out, "Guéra;1\n");
    }
}
