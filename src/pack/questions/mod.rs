//! Questions written in a spreadsheet: a workbook of the pack (`questions/quiz.xlsx`,
//! `.ods` or `.xls`) listed in `pack.toml` (`questions = [...]`) whose sheet `questions`
//! holds one question per row. Each row becomes an ordinary question [`Step`] placed into
//! its lesson when the pack is loaded, so judging, hints, reveal, skip, progress and
//! `pack check`'s proofs treat it like a question written in Markdown.
//!
//! The header row names the columns in French (English synonyms, case, accents, spaces and
//! underscores do not matter): `lecon`, `id`, `type`, `titre`, `question`, `choix`,
//! `reponse`, `tolerance`, `min`, `max`, `unite`, `autres_reponses`, `indices`, `erreurs`,
//! `explication`, `jeu_de_donnees`, `apres` (see `docs/pack-format.md`). Lists are one
//! item per line of the cell or separated by `|`; numbers are read the way people type them.
//! Every problem names the workbook, the sheet, the row and the column.
//!
//! This module owns the sheet: its columns, opening the workbook and reading its rows
//! ([`read`]). `row` turns one row into a question step; `place` puts the questions into
//! their lessons ([`add_to_lessons`]).

mod place;
mod row;

pub use place::{add_to_lessons, place};
use row::read_row;
pub use row::value_of_label;

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, Sheets, Xls, Xlsx};

use crate::lesson::exercise::normalise_text;
use crate::pack::{Problem, Step};

/// The name of the sheet read (any case, accents and spaces aside).
pub const SHEET: &str = "questions";
/// The workbook extensions read.
pub const EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "ods", "xls"];
/// Largest sheet read: rows (header included) and columns.
pub const MAX_ROWS: usize = 5000;
pub const MAX_COLUMNS: usize = 100;

/// A column of the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Col {
    Lesson,
    Id,
    Type,
    Title,
    Question,
    Choices,
    Answer,
    Tolerance,
    Min,
    Max,
    Unit,
    Accept,
    Hints,
    Feedback,
    Explanation,
    Dataset,
    After,
}

impl Col {
    pub const ALL: [Col; 17] = [
        Col::Lesson,
        Col::Id,
        Col::Type,
        Col::Title,
        Col::Question,
        Col::Choices,
        Col::Answer,
        Col::Tolerance,
        Col::Min,
        Col::Max,
        Col::Unit,
        Col::Accept,
        Col::Hints,
        Col::Feedback,
        Col::Explanation,
        Col::Dataset,
        Col::After,
    ];

    /// The column's French name, as written in the template.
    pub fn name(self) -> &'static str {
        self.names()[0]
    }

    /// Accepted names, as folded by [`column_key`]: the French name first.
    fn names(self) -> &'static [&'static str] {
        match self {
            Col::Lesson => &["lecon", "id_lecon", "lesson", "lesson_id"],
            Col::Id => &["id", "identifiant", "id_etape", "etape", "step", "step_id"],
            Col::Type => &["type", "type_de_question", "question_type"],
            Col::Title => &["titre", "title"],
            Col::Question => &["question", "enonce", "text"],
            Col::Choices => &["choix", "choices", "options"],
            Col::Answer => &["reponse", "bonne_reponse", "answer"],
            Col::Tolerance => &["tolerance"],
            Col::Min => &["min", "minimum"],
            Col::Max => &["max", "maximum"],
            Col::Unit => &["unite", "unit"],
            Col::Accept => &[
                "autres_reponses",
                "reponses_acceptees",
                "autres_reponses_acceptees",
                "accept",
                "other_answers",
            ],
            Col::Hints => &["indices", "indice", "hints", "hint"],
            Col::Feedback => &[
                "erreurs",
                "erreurs_frequentes",
                "mauvaises_reponses",
                "feedback",
                "wrong_answers",
            ],
            Col::Explanation => &["explication", "explanation"],
            Col::Dataset => &["jeu_de_donnees", "donnees", "dataset"],
            Col::After => &["apres", "after"],
        }
    }

    fn from_header(h: &str) -> Option<Col> {
        let key = column_key(h);
        Col::ALL
            .into_iter()
            .find(|c| c.names().contains(&key.as_str()))
    }
}

/// A header or type cell folded for comparison: `Jeu de données` -> `jeu_de_donnees`,
/// `Choix multiple` -> `choix_multiple`, `Réponse ` -> `reponse`.
pub fn column_key(h: &str) -> String {
    let folded: String = normalise_text(h)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    folded
        .split('_')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// A question read from one row, waiting to be placed into its lesson.
#[derive(Debug, Clone)]
pub struct SheetQuestion {
    pub lesson: String,
    /// The step after which it goes (`apres`); `None`: at the end of the lesson.
    pub after: Option<String>,
    pub step: Step,
    /// Whether the row has no problem of its own (only those are placed).
    pub ok: bool,
    columns: ColumnNames,
}

/// What one workbook gave.
#[derive(Debug, Default)]
pub struct SheetRead {
    pub questions: Vec<SheetQuestion>,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

/// How to name a column in a message: as its header cell says, with its letter.
#[derive(Debug, Clone, Default)]
struct ColumnNames {
    file: String,
    sheet: String,
    row: usize,
    names: BTreeMap<Col, String>,
}

impl ColumnNames {
    fn col(&self, c: Col) -> String {
        self.names
            .get(&c)
            .cloned()
            .unwrap_or_else(|| format!("`{}`", c.name()))
    }

    fn at(&self, c: Col, msg: impl std::fmt::Display) -> Problem {
        Problem {
            file: self.file.clone(),
            line: self.row,
            message: format!(
                "sheet `{}`, row {}, column {}: {msg}",
                self.sheet,
                self.row,
                self.col(c)
            ),
        }
    }

    fn at_row(&self, msg: impl std::fmt::Display) -> Problem {
        Problem {
            file: self.file.clone(),
            line: self.row,
            message: format!("sheet `{}`, row {}: {msg}", self.sheet, self.row),
        }
    }
}

/// `0` -> `A`, `27` -> `AB`.
/// Names written as code, in a list: `` `a`, `b` ``.
fn code_list<T: std::fmt::Display>(names: impl IntoIterator<Item = T>) -> String {
    names
        .into_iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// One cell as text, and whether the spreadsheet holds it as a date.
#[derive(Debug, Clone, Default)]
struct Cell {
    text: String,
    date: bool,
}

fn cell(d: &Data) -> Cell {
    Cell {
        text: crate::pack::xlsform::cell_text(d)
            .replace("\r\n", "\n")
            .replace('\r', "\n"),
        date: matches!(d, Data::DateTime(_) | Data::DateTimeIso(_)),
    }
}

/// Opens a workbook by its extension.
fn open(file: &str, bytes: &[u8]) -> Result<Sheets<Cursor<Vec<u8>>>, String> {
    let ext = file
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let rs = Cursor::new(bytes.to_vec());
    let opened = std::panic::catch_unwind(move || -> Result<_, String> {
        Ok(match ext.as_str() {
            "xlsx" | "xlsm" => Sheets::Xlsx(
                Xlsx::new(rs).map_err(|e| format!("not a readable XLSX workbook: {e}"))?,
            ),
            "ods" => {
                Sheets::Ods(Ods::new(rs).map_err(|e| format!("not a readable ODS workbook: {e}"))?)
            }
            "xls" => {
                Sheets::Xls(Xls::new(rs).map_err(|e| format!("not a readable XLS workbook: {e}"))?)
            }
            _ => return Err("a questions workbook is a .xlsx, .ods or .xls file".into()),
        })
    });
    opened.unwrap_or_else(|_| Err("not a readable workbook (the reader failed)".into()))
}

/// Reads the questions of the workbook `bytes`, found in the pack at `file`.
pub fn read(file: &str, bytes: &[u8]) -> SheetRead {
    let mut out = SheetRead::default();
    let at = |msg: String| Problem {
        file: file.to_string(),
        line: 0,
        message: msg,
    };
    let mut book = match open(file, bytes) {
        Ok(b) => b,
        Err(e) => {
            out.problems.push(at(e));
            return out;
        }
    };
    let names = book.sheet_names();
    let Some(sheet) = names.iter().find(|n| column_key(n) == SHEET).cloned() else {
        out.problems.push(at(format!(
            "the workbook has no sheet named `{SHEET}` (its sheets: {})",
            code_list(&names)
        )));
        return out;
    };
    let range: Range<Data> = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        book.worksheet_range(&sheet)
    })) {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            out.problems
                .push(at(format!("sheet `{sheet}` cannot be read: {e}")));
            return out;
        }
        Err(_) => {
            out.problems.push(at(format!(
                "sheet `{sheet}` cannot be read (the reader failed)"
            )));
            return out;
        }
    };
    let (height, width) = range.get_size();
    if height > MAX_ROWS || width > MAX_COLUMNS {
        out.problems.push(at(format!(
            "sheet `{sheet}` is too large: at most {MAX_ROWS} rows and {MAX_COLUMNS} columns"
        )));
        return out;
    }
    let (first_row, first_col) = range
        .start()
        .map(|(r, c)| (r as usize, c as usize))
        .unwrap_or((0, 0));
    let mut rows = range
        .rows()
        .enumerate()
        .map(|(i, r)| (first_row + i + 1, r.iter().map(cell).collect::<Vec<_>>()))
        .filter(|(_, r)| r.iter().any(|c| !c.text.trim().is_empty()));
    let Some((header_row, header)) = rows.next() else {
        out.problems.push(Problem {
            file: file.to_string(),
            line: 1,
            message: format!(
                "sheet `{sheet}` is empty: its first row names the columns ({})",
                Col::ALL.map(Col::name).join(", ")
            ),
        });
        return out;
    };

    // Header: which column is where.
    let mut index: BTreeMap<Col, usize> = BTreeMap::new();
    let mut names = ColumnNames {
        file: file.to_string(),
        sheet: sheet.clone(),
        row: header_row,
        names: BTreeMap::new(),
    };
    for (i, h) in header.iter().enumerate() {
        let h = h.text.trim();
        if h.is_empty() {
            continue;
        }
        let letter = column_letter(first_col + i);
        let shown = format!("`{h}` ({letter})");
        match Col::from_header(h) {
            None => out.warnings.push(Problem {
                file: file.to_string(),
                line: header_row,
                message: format!(
                    "sheet `{sheet}`, row {header_row}, column {shown}: unknown column, ignored (the columns read are {})",
                    Col::ALL.map(Col::name).join(", ")
                ),
            }),
            Some(c) if index.contains_key(&c) => out.problems.push(Problem {
                file: file.to_string(),
                line: header_row,
                message: format!(
                    "sheet `{sheet}`, row {header_row}, column {shown}: column {} is already there",
                    names.col(c)
                ),
            }),
            Some(c) => {
                index.insert(c, i);
                names.names.insert(c, shown);
            }
        }
    }
    let missing: Vec<&str> = [Col::Lesson, Col::Id, Col::Type, Col::Title, Col::Question]
        .into_iter()
        .filter(|c| !index.contains_key(c))
        .map(Col::name)
        .collect();
    if !missing.is_empty() {
        out.problems.push(names.at_row(format!(
            "the header row lacks the column(s) {} (the first non-empty row names the columns)",
            code_list(&missing)
        )));
        return out;
    }

    let mut any = false;
    for (row, cells) in rows {
        let get = |c: Col| -> Cell {
            index
                .get(&c)
                .and_then(|&i| cells.get(i))
                .cloned()
                .map(|mut x| {
                    x.text = x.text.trim().to_string();
                    x
                })
                .unwrap_or_default()
        };
        // A row with text only in unknown columns (notes) is blank.
        if Col::ALL.iter().all(|&c| get(c).text.is_empty()) {
            continue;
        }
        any = true;
        let names = ColumnNames {
            row,
            ..names.clone()
        };
        if let Some(q) = read_row(&names, &get, &mut out.problems) {
            out.questions.push(q);
        }
    }
    if !any {
        out.problems.push(
            names.at_row(
                "the sheet has a header but no question: write one question per row below it",
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::row::items;
    use super::*;

    #[test]
    fn column_names_fold() {
        assert_eq!(Col::from_header("Leçon"), Some(Col::Lesson));
        assert_eq!(Col::from_header(" Réponse "), Some(Col::Answer));
        assert_eq!(Col::from_header("Jeu de données"), Some(Col::Dataset));
        assert_eq!(Col::from_header("autres réponses"), Some(Col::Accept));
        assert_eq!(Col::from_header("AUTRES_REPONSES"), Some(Col::Accept));
        assert_eq!(Col::from_header("Après"), Some(Col::After));
        assert_eq!(Col::from_header("hints"), Some(Col::Hints));
        assert_eq!(Col::from_header("Unité"), Some(Col::Unit));
        assert_eq!(Col::from_header("remarques"), None);
        for c in Col::ALL {
            assert_eq!(Col::from_header(c.name()), Some(c));
        }
    }

    #[test]
    fn letters_and_values() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(value_of_label("Ville de N'Djamena"), "ville-de-n-djamena");
        assert_eq!(value_of_label("Ouaddaï"), "ouaddai");
        assert_eq!(items("a | b\nc\n\n|"), vec!["a", "b", "c"]);
    }
}
